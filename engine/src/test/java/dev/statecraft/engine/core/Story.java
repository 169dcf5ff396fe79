package dev.statecraft.engine.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statecraft.asl.Asl;
import dev.statecraft.asl.ParseResult;
import dev.statecraft.asl.model.StateMachine;
import java.util.ArrayList;
import java.util.List;

/**
 * Drives {@link Interpreter} by hand for step tests that read like a story: start an execution,
 * take the commands it asks for, feed results back as events, and look at the history and the
 * output. Time only moves when the test says so, so timer due times can be asserted exactly.
 */
final class Story {
  static final long START = 1_700_000_000_000L;
  static final ExecutionInfo INFO = new ExecutionInfo(
      "arn:aws:states:us-east-1:123456789012:execution:sm:exec", "exec",
      "arn:aws:states:us-east-1:123456789012:stateMachine:sm", "sm",
      "arn:aws:iam::123456789012:role/statecraft", START, 0);

  final ExecutionState state;
  /** Every history event so far, in order. */
  final List<HistoryEvent> history = new ArrayList<>();
  /** Every command so far, in order. */
  final List<Command> allCommands = new ArrayList<>();
  /** The commands of the last step only. */
  List<Command> commands;
  long now = START;

  private Story(Interpreter.Started started) {
    this.state = started.state();
    record(started.step());
  }

  /** Parses a definition and fails the test on any diagnostic. */
  static StateMachine machine(String definition) {
    ParseResult r = Asl.parse(definition);
    assertThat(r.valid()).as("definition is valid: %s", r.errors()).isTrue();
    return r.machine();
  }

  static Story start(String definition, String input) {
    return start(definition, input, 42);
  }

  static Story start(String definition, String input, long seed) {
    return new Story(Interpreter.start(machine(definition), INFO, Json.parse(input), seed, true));
  }

  private void record(Step step) {
    history.addAll(step.history());
    allCommands.addAll(step.commands());
    commands = step.commands();
  }

  /** Moves the clock (events carry their own time). */
  Story at(long millis) {
    now = millis;
    return this;
  }

  Story send(Event event) {
    record(Interpreter.step(state, event));
    return this;
  }

  // ---- commands -----------------------------------------------------------------------------

  <T extends Command> List<T> issued(Class<T> type) {
    List<T> out = new ArrayList<>();
    for (Command c : commands) {
      if (type.isInstance(c)) {
        out.add(type.cast(c));
      }
    }
    return out;
  }

  /** The only task the last step scheduled. */
  Command.ScheduleTask task() {
    List<Command.ScheduleTask> tasks = issued(Command.ScheduleTask.class);
    assertThat(tasks).as("tasks scheduled by the last step").hasSize(1);
    return tasks.get(0);
  }

  /** The only timer the last step started. */
  Command.StartTimer timer() {
    List<Command.StartTimer> timers = issued(Command.StartTimer.class);
    assertThat(timers).as("timers started by the last step").hasSize(1);
    return timers.get(0);
  }

  /** Seconds between now and the due time of the only timer the last step started. */
  double timerDelaySeconds() {
    return (timer().dueMillis() - now) / 1000.0;
  }

  // ---- events -------------------------------------------------------------------------------

  Story succeed(Command.ScheduleTask task, String output) {
    return send(new Event.TaskSucceeded(task.taskId(), Json.parse(output), now));
  }

  Story fail(Command.ScheduleTask task, String error, String cause) {
    return send(new Event.TaskFailed(task.taskId(), error, cause, now));
  }

  /** Advances the clock to the timer's due time and fires it. */
  Story fire(Command.StartTimer timer) {
    now = timer.dueMillis();
    return send(new Event.TimerFired(timer.timerId(), now));
  }

  /** Fires the only timer of the last step. */
  Story fireTimer() {
    return fire(timer());
  }

  // ---- outcome ------------------------------------------------------------------------------

  ExecutionStatus status() {
    return state.status();
  }

  JsonNode output() {
    return state.output();
  }

  String error() {
    return state.error();
  }

  String cause() {
    return state.cause();
  }

  List<String> types() {
    return History.types(history);
  }

  /** The last history event of a type. */
  HistoryEvent last(EventType type) {
    for (int i = history.size() - 1; i >= 0; i--) {
      if (history.get(i).type() == type) {
        return history.get(i);
      }
    }
    throw new AssertionError("no " + type + " in " + types());
  }

  List<HistoryEvent> all(EventType type) {
    List<HistoryEvent> out = new ArrayList<>();
    for (HistoryEvent e : history) {
      if (e.type() == type) {
        out.add(e);
      }
    }
    return out;
  }

  static JsonNode json(String text) {
    return Json.parse(text);
  }
}
