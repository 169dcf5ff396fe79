package dev.statecraft.engine.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statecraft.asl.model.ErrorNames;
import dev.statecraft.asl.model.StateMachine;
import dev.statecraft.engine.core.Command;
import dev.statecraft.engine.core.Event;
import dev.statecraft.engine.core.ExecutionInfo;
import dev.statecraft.engine.core.ExecutionState;
import dev.statecraft.engine.core.ExecutionStatus;
import dev.statecraft.engine.core.HistoryEvent;
import dev.statecraft.engine.core.Inspector;
import dev.statecraft.engine.core.Interpreter;
import dev.statecraft.engine.core.Step;
import dev.statecraft.engine.spi.TaskHandler;
import dev.statecraft.engine.spi.TaskRequest;
import dev.statecraft.engine.spi.TaskResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Runs one execution in memory to its end on the calling thread: the Express mode of the engine,
 * used by StartSyncExecution, {@code statecraft run} and the conformance tests. Tasks go to the
 * given handlers; timers wait on the {@link TimeSource} (virtual time skips them).
 */
public final class ExpressRunner {
  private final List<TaskHandler> handlers;

  public ExpressRunner(List<TaskHandler> handlers) {
    this.handlers = List.copyOf(handlers);
  }

  /**
   * Options of one run.
   *
   * @param info the execution's identity and start time
   * @param time where time comes from
   * @param recordHistory whether to build history events
   * @param seed the random seed (States.UUID, MathRandom, task tokens)
   * @param inspector watches the top-level states' data stages (TestState), or null
   * @param variables workflow variables set before the first state (TestState), or empty
   */
  public record Options(ExecutionInfo info, TimeSource time, boolean recordHistory, long seed,
      Inspector inspector, Map<String, JsonNode> variables) {
    public Options(ExecutionInfo info, TimeSource time, boolean recordHistory, long seed) {
      this(info, time, recordHistory, seed, null, Map.of());
    }
  }

  private record Timer(long id, long due) {}

  /** Runs the execution to its end. */
  public ExecutionResult run(StateMachine machine, JsonNode input, Options options)
      throws InterruptedException {
    TimeSource time = options.time();
    List<HistoryEvent> history = new ArrayList<>();
    LinkedBlockingQueue<Event> inbox = new LinkedBlockingQueue<>();
    PriorityQueue<Timer> timers =
        new PriorityQueue<>((a, b) -> a.due != b.due ? Long.compare(a.due, b.due)
            : Long.compare(a.id, b.id));
    Set<Long> cancelled = new HashSet<>();
    Set<Long> tasks = new HashSet<>();

    Interpreter.Started started = Interpreter.start(machine, options.info(), input,
        options.seed(), options.recordHistory(), Interpreter.STEP_BUDGET, options.inspector(),
        options.variables());
    ExecutionState state = started.state();
    Step step = started.step();
    while (true) {
      history.addAll(step.history());
      for (Command c : step.commands()) {
        if (c instanceof Command.StartTimer t) {
          timers.add(new Timer(t.timerId(), t.dueMillis()));
        } else if (c instanceof Command.CancelTimer t) {
          cancelled.add(t.timerId());
        } else if (c instanceof Command.CancelTask t) {
          tasks.remove(t.taskId());
        } else if (c instanceof Command.Continue) {
          if (Thread.interrupted()) {
            throw new InterruptedException("the run was stopped");
          }
          inbox.add(new Event.Continue(time.now()));
        } else if (c instanceof Command.ScheduleTask t) {
          tasks.add(t.taskId());
          invoke(t, options.info(), time, inbox);
        }
      }
      if (state.status() != ExecutionStatus.RUNNING) {
        break;
      }
      Event next = inbox.poll();
      if (next == null) {
        Timer timer = timers.peek();
        while (timer != null && cancelled.contains(timer.id)) {
          timers.poll();
          timer = timers.peek();
        }
        if (timer == null) {
          next = inbox.take(); // only tasks are left: wait for one to answer
        } else if (!tasks.isEmpty()) {
          long wait = Math.max(1, timer.due - time.now());
          next = inbox.poll(Math.min(wait, 50), TimeUnit.MILLISECONDS);
          if (next == null && (time.isVirtual() || time.now() >= timer.due)) {
            time.waitUntil(timer.due);
            timers.poll();
            next = new Event.TimerFired(timer.id, time.now());
          }
        } else {
          time.waitUntil(timer.due);
          timers.poll();
          next = new Event.TimerFired(timer.id, time.now());
        }
        if (next == null) {
          step = new Step(List.of(), List.of());
          continue;
        }
      }
      if (next instanceof Event.TaskSucceeded s) {
        tasks.remove(s.taskId());
      } else if (next instanceof Event.TaskFailed f) {
        tasks.remove(f.taskId());
      }
      step = Interpreter.step(state, next);
    }
    return new ExecutionResult(state.status(), state.output(), state.error(), state.cause(),
        history, state.transitions());
  }

  private void invoke(Command.ScheduleTask t, ExecutionInfo info, TimeSource time,
      LinkedBlockingQueue<Event> inbox) {
    TaskHandler handler = null;
    for (TaskHandler h : handlers) {
      if (h.supports(t.resource())) {
        handler = h;
        break;
      }
    }
    if (handler == null) {
      inbox.add(new Event.TaskFailed(t.taskId(), ErrorNames.TASK_FAILED,
          "No integration is configured for resource '" + t.resource() + "'. Register a"
              + " TaskHandler for it (local function, HTTP endpoint or mock) in the engine"
              + " configuration.", time.now()));
      return;
    }
    inbox.add(new Event.TaskStarted(t.taskId(), time.now()));
    TaskRequest request = new TaskRequest(info.executionArn(), t.taskId(), t.stateName(),
        t.resource(), t.input(), t.token(), t.timeoutSeconds(), t.heartbeatSeconds(),
        t.credentials());
    try {
      await(t, handler.invoke(request), time, inbox);
    } catch (RuntimeException e) {
      inbox.add(new Event.TaskFailed(t.taskId(), ErrorNames.TASK_FAILED, e.toString(),
          time.now()));
    }
  }

  /** Turns a handler's answer, when it comes, into the run's next event. */
  private static void await(Command.ScheduleTask t, CompletionStage<TaskResult> stage,
      TimeSource time, LinkedBlockingQueue<Event> inbox) {
    stage.whenComplete((result, error) -> {
      if (error == null && result instanceof TaskResult.Submitted s) {
        inbox.add(new Event.TaskSubmitted(t.taskId(), TaskDispatcher.submitted(s.output()),
            time.now()));
        await(t, s.outcome(), time, inbox);
      } else {
        inbox.add(TaskDispatcher.outcome(t.taskId(), result, error, time.now()));
      }
    });
  }
}
