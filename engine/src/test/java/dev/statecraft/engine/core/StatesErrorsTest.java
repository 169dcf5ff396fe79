package dev.statecraft.engine.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.asl.model.ErrorNames;
import org.junit.jupiter.api.Test;

/** Every predefined error the engine raises, with AWS's cause texts and history shapes. */
class StatesErrorsTest {

  @Test
  void resultPathIntoANonObjectIsReferencePathConflict() {
    // AWS output for ResultPath $.someTaskResult on the input "input1" (no cause prefix):
    // States.ReferencePathConflict: Unable to apply ReferencePath $.someTaskResult to input "input1"
    Story s = Story.start("""
        {"StartAt": "P", "States": {
          "P": {"Type": "Pass", "Result": 1, "ResultPath": "$.someTaskResult", "End": true}}}
        """, "\"input1\"");
    assertThat(s.error()).isEqualTo("States.ReferencePathConflict");
    assertThat(s.cause())
        .isEqualTo("Unable to apply ReferencePath $.someTaskResult to input \"input1\"");
    // Deeper: the intermediate field is a string.
    Story deep = Story.start("""
        {"StartAt": "P", "States": {
          "P": {"Type": "Pass", "Result": 1, "ResultPath": "$.a.b", "End": true}}}
        """, "{\"a\": \"text\"}");
    assertThat(deep.error()).isEqualTo("States.ReferencePathConflict");
    assertThat(deep.cause()).isEqualTo("Unable to apply ReferencePath $.a.b to input {\"a\":\"text\"}");
  }

  @Test
  void resultPathCreatesMissingObjects() {
    Story s = Story.start("""
        {"StartAt": "P", "States": {
          "P": {"Type": "Pass", "Result": 1, "ResultPath": "$.a.b.c", "End": true}}}
        """, "{\"keep\": true}");
    assertThat(s.output()).isEqualTo(Story.json("{\"keep\": true, \"a\": {\"b\": {\"c\": 1}}}"));
  }

  @Test
  void missingParameterPathIsRuntimeNotParameterPathFailure() {
    // Recorded AWS cases (test_invalid_jsonpath[INVALID_JSONPATH_IN_STRING_EXPR_JSONPATH]) fail
    // with States.Runtime; AWS does not raise the documented States.ParameterPathFailure.
    Story s = Story.start("""
        {"StartAt": "First", "States": {
          "First": {"Type": "Pass", "Next": "Second"},
          "Second": {"Type": "Pass", "Parameters": {"value.$": "$.no_such_jsonpath"},
                     "End": true}}}
        """, "{\"a\":1}");
    assertThat(s.error()).isEqualTo(ErrorNames.RUNTIME);
    assertThat(s.cause()).isEqualTo("An error occurred while executing the state 'Second'"
        + " (entered at the event id #4). The JSONPath '$.no_such_jsonpath' specified for the"
        + " field 'value.$' could not be found in the input '{\"a\":1}'");
    assertThat(s.types()).containsExactly("ExecutionStarted", "PassStateEntered",
        "PassStateExited", "PassStateEntered", "ExecutionFailed");
  }

  @Test
  void missingInputPathIsRuntimeWithJaywayWording() {
    Story s = Story.start("""
        {"StartAt": "P", "States": {"P": {"Type": "Pass", "InputPath": "$.nope", "End": true}}}
        """, "{}");
    assertThat(s.error()).isEqualTo(ErrorNames.RUNTIME);
    assertThat(s.cause()).isEqualTo("An error occurred while executing the state 'P' (entered"
        + " at the event id #2). Invalid path '$.nope' : No results for path: $['nope']");
  }

  @Test
  void intrinsicFailureIsPrefixedAndCatchable() {
    Story s = Story.start("""
        {"StartAt": "T", "States": {
          "T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true,
                "Parameters": {"x.$": "States.ArrayGetItem($.a, 5)"}}}}
        """, "{\"a\": [1]}");
    assertThat(s.error()).isEqualTo(ErrorNames.INTRINSIC_FAILURE);
    assertThat(s.cause()).startsWith("An error occurred while executing the state 'T' (entered"
        + " at the event id #2). ");
    assertThat(s.types()).containsExactly("ExecutionStarted", "TaskStateEntered",
        "ExecutionFailed");

    Story caught = Story.start("""
        {"StartAt": "T", "States": {
          "T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true,
                "Parameters": {"x.$": "States.ArrayGetItem($.a, 5)"},
                "Catch": [{"ErrorEquals": ["States.IntrinsicFailure"], "Next": "C"}]},
          "C": {"Type": "Pass", "End": true}}}
        """, "{\"a\": [1]}");
    assertThat(caught.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(caught.output().get("Error").asText()).isEqualTo(ErrorNames.INTRINSIC_FAILURE);
  }

  @Test
  void queryEvaluationErrorWritesEvaluationFailedFirst() {
    Story s = Story.start("""
        {"QueryLanguage": "JSONata", "StartAt": "P", "States": {
          "P": {"Type": "Pass", "Output": {"result": "{% $doesNotExist %}"}, "End": true}}}
        """, "{}");
    assertThat(s.error()).isEqualTo(ErrorNames.QUERY_EVALUATION_ERROR);
    String cause = "An error occurred while executing the state 'P' (entered at the event id"
        + " #2). The JSONata expression '$doesNotExist' specified for the field 'Output/result'"
        + " returned nothing (undefined).";
    assertThat(s.cause()).isEqualTo(cause);
    assertThat(s.types()).containsExactly("ExecutionStarted", "PassStateEntered",
        "EvaluationFailed", "ExecutionFailed");
    HistoryEvent failed = s.last(EventType.EvaluationFailed);
    assertThat(failed.details()).isEqualTo(Story.json("""
        {"error": "States.QueryEvaluationError", "cause": %s, "location": "Output/result",
         "state": "P"}
        """.formatted(Json.write(Json.NODES.textNode(cause)))));
    // Same previousEventId as the Entered event; ExecutionFailed follows EvaluationFailed.
    assertThat(failed.previousEventId()).isEqualTo(0);
    assertThat(s.last(EventType.ExecutionFailed).previousEventId()).isEqualTo(failed.id());
  }

  @Test
  void parallelFailsWithTheBranchErrorNotBranchFailed() {
    Story s = Story.start("""
        {"StartAt": "P", "States": {
          "P": {"Type": "Parallel", "End": true, "Branches": [
            {"StartAt": "F", "States": {"F": {"Type": "Fail", "Error": "FailureType"}}}]}}}
        """, "{}");
    assertThat(s.error()).isEqualTo("FailureType");
    assertThat(s.cause()).isNull();
    assertThat(s.types()).containsExactly("ExecutionStarted", "ParallelStateEntered",
        "ParallelStateStarted", "FailStateEntered", "ParallelStateFailed", "ExecutionFailed");
  }

  private static String toleratingMap(String tolerance) {
    return """
        {"StartAt": "M", "States": {
          "M": {"Type": "Map", "End": true, %s,
                "ItemProcessor": {"StartAt": "C", "States": {
                  "C": {"Type": "Choice", "Choices": [
                    {"Variable": "$", "NumericLessThan": 0, "Next": "F"}], "Default": "Ok"},
                  "Ok": {"Type": "Pass", "End": true},
                  "F": {"Type": "Fail", "Error": "Negative", "Cause": "below zero"}}}}}}
        """.formatted(tolerance);
  }

  @Test
  void exceedingToleratedFailuresFailsWithExceedToleratedFailureThreshold() {
    Story s = Story.start(toleratingMap("\"ToleratedFailureCount\": 1"), "[1, -1, 2, -2, 3]");
    assertThat(s.error()).isEqualTo(ErrorNames.EXCEED_TOLERATED_FAILURE_THRESHOLD);
    assertThat(s.types()).containsSubsequence("MapIterationFailed", "MapIterationFailed",
        "MapStateFailed", "ExecutionFailed");
  }

  @Test
  void failuresWithinToleranceLetTheMapSucceed() {
    Story s = Story.start(toleratingMap("\"ToleratedFailurePercentage\": 40"),
        "[1, -1, 2, -2, 3]");
    assertThat(s.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(s.output().get(0).asInt()).isEqualTo(1);
    assertThat(s.output().get(4).asInt()).isEqualTo(3);
  }

  @Test
  void failStatePathThatIsMissingIsRuntime() {
    Story s = Story.start("""
        {"StartAt": "F", "States": {"F": {"Type": "Fail", "ErrorPath": "$.ErrorX"}}}
        """, "{\"Error\":\"error-value\"}");
    assertThat(s.error()).isEqualTo(ErrorNames.RUNTIME);
    assertThat(s.cause()).isEqualTo("An error occurred while executing the state 'F' (entered"
        + " at the event id #2). The JSONPath '$.ErrorX' specified for the field 'ErrorPath'"
        + " could not be found in the input '{\"Error\":\"error-value\"}'");
  }

  @Test
  void resultLargerThan256KiBIsDataLimitExceeded() {
    String big = "x".repeat(260 * 1024);
    Story s = Story.start("""
        {"StartAt": "State_1", "States": {"State_1": {"Type": "Pass", "Result": "%s", "End": true}}}
        """.formatted(big), "{}");
    assertThat(s.error()).isEqualTo(ErrorNames.DATA_LIMIT_EXCEEDED);
    assertThat(s.cause()).isEqualTo("The state/task 'State_1' returned a result with a size"
        + " exceeding the maximum number of bytes service limit.");
    assertThat(s.types()).containsExactly("ExecutionStarted", "PassStateEntered",
        "ExecutionFailed");
  }

  @Test
  void taskTimeoutArrivesAsTaskTimedOut() {
    Story s = Story.start("""
        {"StartAt": "T", "States": {
          "T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                "TimeoutSeconds": 30, "HeartbeatSeconds": 10, "End": true}}}
        """, "{}");
    Command.ScheduleTask task = s.task();
    assertThat(task.timeoutSeconds()).isEqualTo(30L);
    assertThat(task.heartbeatSeconds()).isEqualTo(10L);
    assertThat(s.last(EventType.TaskScheduled).details().get("timeoutInSeconds").asLong())
        .isEqualTo(30);
    s.at(Story.START + 30_000).send(new Event.TaskTimedOut(task.taskId(), ErrorNames.TIMEOUT,
        "", s.now));
    assertThat(s.error()).isEqualTo(ErrorNames.TIMEOUT);
    assertThat(s.types()).containsExactly("ExecutionStarted", "TaskStateEntered",
        "TaskScheduled", "TaskTimedOut", "ExecutionFailed");
  }

  @Test
  void heartbeatTimeoutIsCatchableByName() {
    Story s = Story.start("""
        {"StartAt": "T", "States": {
          "T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                "HeartbeatSeconds": 10, "End": true,
                "Catch": [{"ErrorEquals": ["States.HeartbeatTimeout"], "Next": "C"}]},
          "C": {"Type": "Pass", "End": true}}}
        """, "{}");
    s.send(new Event.TaskTimedOut(s.task().taskId(), ErrorNames.HEARTBEAT_TIMEOUT, "no beat",
        s.now));
    assertThat(s.output()).isEqualTo(Story.json(
        "{\"Error\": \"States.HeartbeatTimeout\", \"Cause\": \"no beat\"}"));
  }

  @Test
  void executionTimeoutCancelsWorkAndTimesOut() {
    Story s = Story.start("""
        {"TimeoutSeconds": 60, "StartAt": "T", "States": {
          "T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true}}}
        """, "{}");
    Command.StartTimer executionTimer = s.issued(Command.StartTimer.class).get(0);
    assertThat(executionTimer.dueMillis()).isEqualTo(Story.START + 60_000);
    long taskId = s.task().taskId();
    s.fire(executionTimer);
    assertThat(s.status()).isEqualTo(ExecutionStatus.TIMED_OUT);
    assertThat(s.error()).isEqualTo(ErrorNames.TIMEOUT);
    assertThat(s.commands).contains(new Command.CancelTask(taskId));
    assertThat(s.types()).endsWith("ExecutionTimedOut");
    // A late result for the cancelled task changes nothing.
    s.send(new Event.TaskSucceeded(taskId, Story.json("1"), s.now));
    assertThat(s.commands).isEmpty();
    assertThat(s.status()).isEqualTo(ExecutionStatus.TIMED_OUT);
  }

  @Test
  void finishingInTimeCancelsTheExecutionTimer() {
    Story s = Story.start("""
        {"TimeoutSeconds": 60, "StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}
        """, "{}");
    assertThat(s.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(s.commands).contains(new Command.CancelTimer(Interpreter.EXECUTION_TIMER));
  }
}
