package dev.statecraft.engine.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Durable execution replays the recorded events on a fresh start and must land in exactly the
 * same place: same history (ids, links, times, details), same commands (task ids, tokens, timer
 * due times), same random values.
 */
class DeterminismTest {

  private static final String MACHINE = """
      {"StartAt": "Ids", "States": {
        "Ids": {"Type": "Pass", "Next": "M", "ResultPath": "$.ids",
                "Parameters": {"uuid.$": "States.UUID()", "dice.$": "States.MathRandom(1, 1000)"},
                "Assign": {"runId.$": "$.uuid"}},
        "M": {"Type": "Map", "ItemsPath": "$.items", "MaxConcurrency": 2,
              "ItemSelector": {"item.$": "$$.Map.Item.Value", "runId.$": "$runId"},
              "ResultPath": "$.results", "Next": "Approve",
              "ItemProcessor": {"StartAt": "Work", "States": {
                "Work": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:work", "End": true,
                         "Retry": [{"ErrorEquals": ["Flaky"], "JitterStrategy": "FULL",
                                    "IntervalSeconds": 3}]}}}},
        "Approve": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
                    "Parameters": {"token.$": "$$.Task.Token"}, "ResultPath": "$.approval",
                    "Next": "Roll"},
        "Roll": {"Type": "Pass", "QueryLanguage": "JSONata",
                 "Output": {"all": "{% $states.input %}", "r": "{% $random() %}",
                            "u": "{% $uuid() %}"},
                 "End": true}}}
      """;

  private static final String INPUT = "{\"items\": [1, 2, 3]}";

  /** Drives an execution to its end, recording every event it sends. */
  private static List<Event> drive(Story s) {
    List<Event> sent = new ArrayList<>();
    List<Command> pending = new ArrayList<>(s.commands);
    boolean failedOnce = false;
    long clock = Story.START;
    while (s.status() == ExecutionStatus.RUNNING) {
      Command next = pending.stream()
          .filter(c -> c instanceof Command.ScheduleTask || c instanceof Command.StartTimer)
          .findFirst().orElseThrow(() -> new AssertionError("stuck: " + s.types()));
      pending.remove(next);
      clock += 1_000;
      Event e;
      if (next instanceof Command.ScheduleTask t && t.token() != null) {
        e = new Event.TaskSucceeded(t.taskId(), Story.json("{\"ok\": \"" + t.token() + "\"}"),
            clock);
      } else if (next instanceof Command.ScheduleTask t && !failedOnce) {
        failedOnce = true;
        e = new Event.TaskFailed(t.taskId(), "Flaky", "once", clock);
      } else if (next instanceof Command.ScheduleTask t) {
        e = new Event.TaskSucceeded(t.taskId(), t.input(), clock);
      } else {
        Command.StartTimer t = (Command.StartTimer) next;
        clock = Math.max(clock, t.dueMillis());
        e = new Event.TimerFired(t.timerId(), clock);
      }
      sent.add(e);
      s.send(e);
      pending.addAll(s.commands);
    }
    return sent;
  }

  @Test
  void replayingTheSameEventsGivesTheSameHistoryAndCommands() {
    Story original = Story.start(MACHINE, INPUT, 1234);
    List<Event> events = drive(original);
    assertThat(original.status()).as(original.error() + ": " + original.cause())
        .isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(original.allCommands).anyMatch(c -> c instanceof Command.StartTimer);

    Story replay = Story.start(MACHINE, INPUT, 1234);
    for (Event e : events) {
      replay.send(e);
    }
    assertThat(replay.history).isEqualTo(original.history);
    assertThat(replay.allCommands).isEqualTo(original.allCommands);
    assertThat(replay.output()).isEqualTo(original.output());
  }

  @Test
  void anotherSeedGivesOtherRandomValues() {
    Story a = Story.start(MACHINE, INPUT, 1);
    drive(a);
    Story b = Story.start(MACHINE, INPUT, 2);
    drive(b);
    assertThat(a.output().at("/all/ids/uuid")).isNotEqualTo(b.output().at("/all/ids/uuid"));
    assertThat(a.output().get("u")).isNotEqualTo(b.output().get("u"));
    assertThat(a.output().at("/all/approval/ok")).isNotEqualTo(b.output().at("/all/approval/ok"));
  }
}
