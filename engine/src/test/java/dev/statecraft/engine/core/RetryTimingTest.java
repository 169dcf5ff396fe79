package dev.statecraft.engine.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.asl.model.ErrorNames;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Retry timing: every backoff is a {@link Command.StartTimer} whose due time the test reads
 * exactly, because time only moves with the events the test sends.
 */
class RetryTimingTest {

  /** One Task state "T" with the given Retry array; a Catch on States.ALL routes to "Caught". */
  private static String task(String retry, String extra) {
    return """
        {"StartAt": "T", "States": {
          "T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                "Retry": %s %s, "End": true}%s}}
        """.formatted(retry, extra, extra.contains("Caught")
            ? ", \"Caught\": {\"Type\": \"Pass\", \"End\": true}" : "");
  }

  /** Fails the current task with {@code error} and returns the backoff in seconds, or -1. */
  private static double failAndGetBackoff(Story s, String error) {
    s.fail(s.task(), error, "boom");
    if (s.issued(Command.StartTimer.class).isEmpty()) {
      return -1;
    }
    double delay = s.timerDelaySeconds();
    s.fireTimer();
    return delay;
  }

  @Test
  void intervalGrowsByBackoffRate() {
    // AWS docs: IntervalSeconds 3, MaxAttempts 2, BackoffRate 1.5 waits 3 then 4.5 seconds.
    Story s = Story.start(task("""
        [{"ErrorEquals": ["Boom"], "IntervalSeconds": 3, "MaxAttempts": 2, "BackoffRate": 1.5}]
        """, ""), "{}");
    assertThat(failAndGetBackoff(s, "Boom")).isEqualTo(3.0);
    assertThat(failAndGetBackoff(s, "Boom")).isEqualTo(4.5);
    assertThat(failAndGetBackoff(s, "Boom")).isEqualTo(-1);
    assertThat(s.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(s.error()).isEqualTo("Boom");
    assertThat(s.types()).containsExactly("ExecutionStarted", "TaskStateEntered",
        "TaskScheduled", "TaskFailed", "TaskScheduled", "TaskFailed", "TaskScheduled",
        "TaskFailed", "ExecutionFailed");
  }

  @Test
  void defaultsAreOneSecondDoublingThreeAttempts() {
    Story s = Story.start(task("[{\"ErrorEquals\": [\"States.ALL\"]}]", ""), "{}");
    List<Double> waits = new ArrayList<>();
    double w;
    while ((w = failAndGetBackoff(s, "Boom")) >= 0) {
      waits.add(w);
    }
    assertThat(waits).containsExactly(1.0, 2.0, 4.0);
    assertThat(s.all(EventType.TaskScheduled)).hasSize(4);
  }

  @Test
  void timerIsDueRelativeToTheFailureTime() {
    Story s = Story.start(task("[{\"ErrorEquals\": [\"Boom\"], \"IntervalSeconds\": 7}]", ""),
        "{}");
    s.at(Story.START + 60_000).fail(s.task(), "Boom", "late");
    assertThat(s.timer().dueMillis()).isEqualTo(Story.START + 67_000);
    // Nothing is scheduled until the timer fires.
    assertThat(s.issued(Command.ScheduleTask.class)).isEmpty();
    s.fireTimer();
    assertThat(s.task().stateName()).isEqualTo("T");
  }

  @Test
  void maxDelaySecondsCapsTheInterval() {
    Story s = Story.start(task("""
        [{"ErrorEquals": ["Boom"], "IntervalSeconds": 1, "BackoffRate": 10,
          "MaxAttempts": 4, "MaxDelaySeconds": 5}]
        """, ""), "{}");
    List<Double> waits = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      waits.add(failAndGetBackoff(s, "Boom"));
    }
    assertThat(waits).containsExactly(1.0, 5.0, 5.0, 5.0);
  }

  private static List<Double> jitteredWaits(long seed) {
    Story s = Story.start(task("""
        [{"ErrorEquals": ["Boom"], "IntervalSeconds": 10, "BackoffRate": 2,
          "MaxAttempts": 5, "JitterStrategy": "FULL"}]
        """, ""), "{}", seed);
    List<Double> waits = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      waits.add(failAndGetBackoff(s, "Boom"));
    }
    return waits;
  }

  @Test
  void fullJitterStaysWithinTheBackoffAndIsReplayable() {
    List<Double> waits = jitteredWaits(7);
    for (int n = 0; n < waits.size(); n++) {
      assertThat(waits.get(n)).isBetween(0.0, 10 * Math.pow(2, n));
    }
    assertThat(jitteredWaits(7)).isEqualTo(waits);
    assertThat(jitteredWaits(8)).isNotEqualTo(waits);
    // Jitter really randomises: not every wait is the full backoff.
    assertThat(waits).isNotEqualTo(List.of(10.0, 20.0, 40.0, 80.0, 160.0));
  }

  @Test
  void maxAttemptsZeroNeverRetries() {
    Story s = Story.start(task("""
        [{"ErrorEquals": ["Boom"], "MaxAttempts": 0}, {"ErrorEquals": ["States.ALL"]}]
        """, ", \"Catch\": [{\"ErrorEquals\": [\"States.ALL\"], \"Next\": \"Caught\"}]"), "{}");
    assertThat(failAndGetBackoff(s, "Boom")).isEqualTo(-1);
    // The matching retrier said no: later retriers are not consulted, the catcher is.
    assertThat(s.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(s.output()).isEqualTo(Story.json("{\"Error\":\"Boom\",\"Cause\":\"boom\"}"));
  }

  @Test
  void firstMatchingRetrierWinsAndKeepsItsOwnCount() {
    // The AWS docs example: errors A, B, C, B against [A|B MaxAttempts 2, C IntervalSeconds 5].
    // A and B wait 1 and 2 s (one retrier, one counter), C waits 5 s on the second retrier, and
    // the second B finds the first retrier exhausted: its count was not reset by the C retry.
    Story s = Story.start(task("""
        [{"ErrorEquals": ["ErrorA", "ErrorB"], "IntervalSeconds": 1, "BackoffRate": 2,
          "MaxAttempts": 2},
         {"ErrorEquals": ["ErrorC"], "IntervalSeconds": 5}]
        """, ", \"Catch\": [{\"ErrorEquals\": [\"States.ALL\"], \"Next\": \"Caught\"}]"), "{}");
    assertThat(failAndGetBackoff(s, "ErrorA")).isEqualTo(1.0);
    assertThat(failAndGetBackoff(s, "ErrorB")).isEqualTo(2.0);
    assertThat(failAndGetBackoff(s, "ErrorC")).isEqualTo(5.0);
    assertThat(failAndGetBackoff(s, "ErrorB")).isEqualTo(-1);
    assertThat(s.output().get("Error").asText()).isEqualTo("ErrorB");
  }

  @Test
  void retryCountInTheContextObjectCountsRetries() {
    Story s = Story.start(task("[{\"ErrorEquals\": [\"Boom\"], \"MaxAttempts\": 2}]",
        ", \"Parameters\": {\"attempt.$\": \"$$.State.RetryCount\"}"), "{}");
    List<Integer> seen = new ArrayList<>();
    seen.add(s.task().input().get("attempt").asInt());
    s.fail(s.task(), "Boom", "").fireTimer();
    seen.add(s.task().input().get("attempt").asInt());
    s.fail(s.task(), "Boom", "").fireTimer();
    seen.add(s.task().input().get("attempt").asInt());
    assertThat(seen).containsExactly(0, 1, 2);
    s.succeed(s.task(), "\"ok\"");
    assertThat(s.output().asText()).isEqualTo("ok");
  }

  @Test
  void exhaustedRetriesFallToTheCatcher() {
    Story s = Story.start(task("[{\"ErrorEquals\": [\"Boom\"], \"MaxAttempts\": 1}]",
        ", \"Catch\": [{\"ErrorEquals\": [\"Boom\"], \"Next\": \"Caught\"}]"), "{}");
    assertThat(failAndGetBackoff(s, "Boom")).isEqualTo(1.0);
    assertThat(failAndGetBackoff(s, "Boom")).isEqualTo(-1);
    assertThat(s.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(s.types()).containsSubsequence("TaskFailed", "TaskScheduled", "TaskFailed",
        "TaskStateExited", "PassStateEntered");
  }

  @Test
  void statesAllDoesNotRetryOrCatchRuntimeErrors() {
    Story s = Story.start(task("[{\"ErrorEquals\": [\"States.ALL\"]}]",
        ", \"Parameters\": {\"x.$\": \"$.missing\"},"
            + " \"Catch\": [{\"ErrorEquals\": [\"States.ALL\"], \"Next\": \"Caught\"}]"),
        "{\"present\": 1}");
    assertThat(s.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(s.error()).isEqualTo(ErrorNames.RUNTIME);
    assertThat(s.allCommands).noneMatch(c -> c instanceof Command.StartTimer
        || c instanceof Command.ScheduleTask);
    assertThat(s.types()).containsExactly("ExecutionStarted", "TaskStateEntered",
        "ExecutionFailed");
  }

  @Test
  void statesAllDoesNotRetryOrCatchDataLimitExceeded() {
    Story s = Story.start(task("[{\"ErrorEquals\": [\"States.ALL\"]}]",
        ", \"Catch\": [{\"ErrorEquals\": [\"States.ALL\"], \"Next\": \"Caught\"}]"), "{}");
    String big = "\"" + "x".repeat(300 * 1024) + "\"";
    s.succeed(s.task(), big);
    assertThat(s.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(s.error()).isEqualTo(ErrorNames.DATA_LIMIT_EXCEEDED);
    assertThat(s.issued(Command.StartTimer.class)).isEmpty();
  }

  @Test
  void taskFailedMatchesEveryTaskErrorButTimeout() {
    String def = task("[{\"ErrorEquals\": [\"States.TaskFailed\"], \"MaxAttempts\": 1}]",
        ", \"Catch\": [{\"ErrorEquals\": [\"States.TaskFailed\"], \"Next\": \"Caught\"}]");
    assertThat(failAndGetBackoff(Story.start(def, "{}"), "Lambda.Unknown")).isEqualTo(1.0);
    assertThat(failAndGetBackoff(Story.start(def, "{}"), ErrorNames.HEARTBEAT_TIMEOUT))
        .isEqualTo(1.0);

    Story timedOut = Story.start(def, "{}");
    timedOut.send(new Event.TaskTimedOut(timedOut.task().taskId(), ErrorNames.TIMEOUT,
        "Task timed out", timedOut.now));
    assertThat(timedOut.issued(Command.StartTimer.class)).isEmpty();
    assertThat(timedOut.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(timedOut.error()).isEqualTo(ErrorNames.TIMEOUT);
    assertThat(timedOut.types()).contains("TaskTimedOut");
  }

  @Test
  void statesAllRetriesATimeout() {
    Story s = Story.start(task("[{\"ErrorEquals\": [\"States.ALL\"], \"IntervalSeconds\": 2}]",
        ""), "{}");
    s.send(new Event.TaskTimedOut(s.task().taskId(), ErrorNames.TIMEOUT, "", s.now));
    assertThat(s.timerDelaySeconds()).isEqualTo(2.0);
  }

  @Test
  void parallelRetryReEmitsParallelStateStarted() {
    Story s = Story.start("""
        {"StartAt": "P", "States": {
          "P": {"Type": "Parallel", "End": true,
                "Retry": [{"ErrorEquals": ["FailureType"], "IntervalSeconds": 1,
                           "MaxAttempts": 2}],
                "Branches": [{"StartAt": "F", "States": {
                  "F": {"Type": "Fail", "Error": "FailureType", "Cause": "Cause description"}}}]}}}
        """, "{}");
    assertThat(s.timerDelaySeconds()).isEqualTo(1.0);
    s.fireTimer();
    assertThat(s.timerDelaySeconds()).isEqualTo(2.0);
    s.fireTimer();
    assertThat(s.types()).containsExactly("ExecutionStarted", "ParallelStateEntered",
        "ParallelStateStarted", "FailStateEntered", "ParallelStateStarted", "FailStateEntered",
        "ParallelStateStarted", "FailStateEntered", "ParallelStateFailed", "ExecutionFailed");
    assertThat(s.error()).isEqualTo("FailureType");
    assertThat(s.cause()).isEqualTo("Cause description");
  }

  @Test
  void mapRetryReEmitsMapStateStarted() {
    Story s = Story.start("""
        {"StartAt": "M", "States": {
          "M": {"Type": "Map", "End": true, "MaxConcurrency": 1,
                "Retry": [{"ErrorEquals": ["HandleItemFailError"], "MaxAttempts": 1}],
                "ItemProcessor": {"StartAt": "F", "States": {
                  "F": {"Type": "Fail", "Error": "HandleItemFailError",
                        "Cause": "HandleItemFailCause"}}}}}}
        """, "[1]");
    s.fireTimer();
    assertThat(s.types()).containsExactly("ExecutionStarted", "MapStateEntered",
        "MapStateStarted", "MapIterationStarted", "FailStateEntered", "MapIterationFailed",
        "MapStateStarted", "MapIterationStarted", "FailStateEntered", "MapIterationFailed",
        "MapStateFailed", "ExecutionFailed");
  }
}
