package dev.statecraft.engine.runtime;

import dev.statecraft.engine.core.Command;
import dev.statecraft.engine.core.Event;
import dev.statecraft.engine.core.ExecutionState;
import dev.statecraft.engine.core.ExecutionStatus;
import dev.statecraft.engine.core.HistoryEvent;
import dev.statecraft.engine.core.Json;
import dev.statecraft.engine.core.Step;
import dev.statecraft.engine.store.ExecutionRecord;
import dev.statecraft.engine.store.StepCommit;
import dev.statecraft.engine.store.TaskRecord;
import dev.statecraft.engine.store.TimerKind;
import dev.statecraft.engine.store.TimerRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns one interpreter step into the rows to commit and the work to do after the commit: the
 * event it consumed removes its timer or task, the commands add and remove timers and tasks,
 * and the execution's new summary row carries the counters.
 */
final class StepPlan {
  final List<TimerRecord> timersAdded = new ArrayList<>();
  final List<TimerRecord> timersRemoved = new ArrayList<>();
  final List<TaskRecord> tasksAdded = new ArrayList<>();
  final List<Long> tasksRemoved = new ArrayList<>();
  final List<Long> tasksStarted = new ArrayList<>();
  final List<Command> commands;
  List<HistoryEvent> history;
  ExecutionRecord record;

  private final String arn;
  private final long now;

  StepPlan(String arn, Step step, long now) {
    this.arn = arn;
    this.now = now;
    this.history = step.history();
    this.commands = step.commands();
    for (Command c : step.commands()) {
      if (c instanceof Command.StartTimer t) {
        timersAdded.add(new TimerRecord(arn, t.timerId(), TimerKind.STATE, t.dueMillis()));
      } else if (c instanceof Command.CancelTimer t) {
        timersRemoved.add(new TimerRecord(arn, t.timerId(), TimerKind.STATE, 0));
      } else if (c instanceof Command.ScheduleTask t) {
        tasksAdded.add(new TaskRecord(arn, t.taskId(), t.token(), t.stateName(), t.resource(),
            Json.write(t.input()), t.timeoutSeconds(), t.heartbeatSeconds(),
            t.credentials() == null ? null : Json.write(t.credentials()), false));
        if (t.timeoutSeconds() != null) {
          timersAdded.add(new TimerRecord(arn, t.taskId(), TimerKind.TASK_TIMEOUT,
              now + t.timeoutSeconds() * 1000));
        }
        if (t.heartbeatSeconds() != null) {
          timersAdded.add(new TimerRecord(arn, t.taskId(), TimerKind.TASK_HEARTBEAT,
              now + t.heartbeatSeconds() * 1000));
        }
      } else if (c instanceof Command.CancelTask t) {
        taskEnded(t.taskId());
      }
    }
  }

  /** Records what the consumed event (and the timer it came from) takes away. */
  StepPlan consumed(Event e, TimerRecord timer) {
    if (timer != null) {
      timersRemoved.add(timer);
    }
    if (e instanceof Event.TimerFired t) {
      timersRemoved.add(new TimerRecord(arn, t.timerId(), TimerKind.STATE, 0));
    } else if (e instanceof Event.TaskStarted t) {
      tasksStarted.add(t.taskId());
    } else if (e instanceof Event.TaskSucceeded t) {
      taskEnded(t.taskId());
    } else if (e instanceof Event.TaskFailed t) {
      taskEnded(t.taskId());
    } else if (e instanceof Event.TaskTimedOut t) {
      taskEnded(t.taskId());
    }
    return this;
  }

  private void taskEnded(long taskId) {
    tasksRemoved.add(taskId);
    timersRemoved.add(new TimerRecord(arn, taskId, TimerKind.TASK_TIMEOUT, 0));
    timersRemoved.add(new TimerRecord(arn, taskId, TimerKind.TASK_HEARTBEAT, 0));
  }

  /** The summary row after this step, from the interpreter's state. */
  StepPlan summarize(ExecutionRecord before, ExecutionState state, int inputEvents) {
    ExecutionStatus status = state.status();
    record = before.advance(status,
        status == ExecutionStatus.SUCCEEDED ? Json.write(state.output()) : null,
        state.error(), state.cause(), status.isTerminal() ? now : 0, inputEvents,
        before.historyEvents() + history.size());
    Integer redrives = state.info().redriveCount();
    if (redrives != null && redrives != record.redriveCount()) {
      record = record.withRedriveCount(redrives);
    }
    return this;
  }

  StepCommit commit(int expectedInputEvents, String inputEvent) {
    return new StepCommit(record, expectedInputEvents, inputEvent, history, timersAdded,
        timersRemoved, tasksAdded, tasksRemoved, tasksStarted);
  }
}
