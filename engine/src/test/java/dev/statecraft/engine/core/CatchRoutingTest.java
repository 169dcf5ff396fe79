package dev.statecraft.engine.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Catch: which catcher is taken, what it outputs, and what the history shows. */
class CatchRoutingTest {

  private static String taskWithCatch(String catchers) {
    return """
        {"StartAt": "T", "States": {
          "T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                "Catch": %s, "End": true},
          "A": {"Type": "Pass", "Result": "A", "ResultPath": "$.route", "End": true}%s}}
        """.formatted(catchers, catchers.contains("\"B\"")
            ? ", \"B\": {\"Type\": \"Pass\", \"Result\": \"B\", \"ResultPath\": \"$.route\","
                + " \"End\": true}" : "");
  }

  @Test
  void defaultResultPathReplacesTheInputWithErrorAndCause() {
    Story s = Story.start(taskWithCatch("[{\"ErrorEquals\": [\"Boom\"], \"Next\": \"A\"}]"),
        "{\"keep\": 1}");
    s.fail(s.task(), "Boom", "it broke");
    assertThat(s.output()).isEqualTo(Story.json(
        "{\"Error\": \"Boom\", \"Cause\": \"it broke\", \"route\": \"A\"}"));
    assertThat(s.types()).containsExactly("ExecutionStarted", "TaskStateEntered",
        "TaskScheduled", "TaskFailed", "TaskStateExited", "PassStateEntered", "PassStateExited",
        "ExecutionSucceeded");
    HistoryEvent exited = s.last(EventType.TaskStateExited);
    assertThat(exited.details().get("output").asText())
        .isEqualTo("{\"Error\":\"Boom\",\"Cause\":\"it broke\"}");
  }

  @Test
  void resultPathMergesTheErrorIntoTheRawInput() {
    Story s = Story.start("""
        {"StartAt": "T", "States": {
          "T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                "InputPath": "$.inner",
                "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.error",
                           "Next": "Done"}], "End": true},
          "Done": {"Type": "Succeed"}}}
        """, "{\"inner\": {\"a\": 1}, \"other\": 2}");
    assertThat(s.task().input()).isEqualTo(Story.json("{\"a\": 1}"));
    s.fail(s.task(), "Boom", "c");
    assertThat(s.output()).isEqualTo(Story.json(
        "{\"inner\": {\"a\": 1}, \"other\": 2, \"error\": {\"Error\": \"Boom\", \"Cause\": \"c\"}}"));
  }

  @Test
  void nullResultPathKeepsTheInput() {
    Story s = Story.start(taskWithCatch(
        "[{\"ErrorEquals\": [\"States.ALL\"], \"ResultPath\": null, \"Next\": \"A\"}]"),
        "{\"keep\": 1}");
    s.fail(s.task(), "Boom", "c");
    assertThat(s.output()).isEqualTo(Story.json("{\"keep\": 1, \"route\": \"A\"}"));
  }

  @Test
  void catchersAreScannedInOrder() {
    String def = taskWithCatch("""
        [{"ErrorEquals": ["Specific"], "Next": "A"},
         {"ErrorEquals": ["Specific", "Other"], "Next": "B"},
         {"ErrorEquals": ["States.ALL"], "Next": "B"}]
        """);
    Story specific = Story.start(def, "{}");
    specific.fail(specific.task(), "Specific", "");
    assertThat(specific.output().get("route").asText()).isEqualTo("A");
    Story other = Story.start(def, "{}");
    other.fail(other.task(), "Other", "");
    assertThat(other.output().get("route").asText()).isEqualTo("B");
    Story anything = Story.start(def, "{}");
    anything.fail(anything.task(), "Whatever", "");
    assertThat(anything.output().get("route").asText()).isEqualTo("B");
  }

  @Test
  void noMatchingCatcherFailsTheExecutionWithoutExited() {
    Story s = Story.start(taskWithCatch("[{\"ErrorEquals\": [\"Other\"], \"Next\": \"A\"}]"),
        "{}");
    s.fail(s.task(), "Boom", "c");
    assertThat(s.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(s.types()).containsExactly("ExecutionStarted", "TaskStateEntered",
        "TaskScheduled", "TaskFailed", "ExecutionFailed");
    assertThat(s.last(EventType.ExecutionFailed).details())
        .isEqualTo(Story.json("{\"error\": \"Boom\", \"cause\": \"c\"}"));
  }

  @Test
  void jsonPathCatcherAssignSeesTheErrorOutput() {
    Story s = Story.start("""
        {"StartAt": "T", "States": {
          "T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                "Assign": {"notSet": "the state's own Assign does not run on failure"},
                "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.e",
                           "Assign": {"lastError.$": "$.Error"}, "Next": "Show"}],
                "End": true},
          "Show": {"Type": "Pass", "Parameters": {"lastError.$": "$lastError"}, "End": true}}}
        """, "{}");
    s.fail(s.task(), "Boom", "c");
    assertThat(s.output()).isEqualTo(Story.json("{\"lastError\": \"Boom\"}"));
    assertThat(s.last(EventType.TaskStateExited).details().get("assignedVariables"))
        .isEqualTo(Story.json("{\"lastError\": \"\\\"Boom\\\"\"}"));
  }

  @Test
  void jsonataCatcherOutputAndAssignUseStatesErrorOutput() {
    Story s = Story.start("""
        {"QueryLanguage": "JSONata", "StartAt": "T", "States": {
          "T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                "Catch": [{"ErrorEquals": ["States.ALL"],
                           "Output": {"failed": "{% $states.errorOutput.Error %}",
                                      "input": "{% $states.input %}"},
                           "Assign": {"why": "{% $states.errorOutput.Cause %}"},
                           "Next": "Show"}],
                "End": true},
          "Show": {"Type": "Pass", "Output": {"out": "{% $states.input %}", "why": "{% $why %}"},
                   "End": true}}}
        """, "{\"n\": 1}");
    s.fail(s.task(), "Boom", "the cause");
    assertThat(s.output()).isEqualTo(Story.json(
        "{\"out\": {\"failed\": \"Boom\", \"input\": {\"n\": 1}}, \"why\": \"the cause\"}"));
  }

  @Test
  void parallelCatchGetsTheBranchErrorUnchanged() {
    Story s = Story.start("""
        {"StartAt": "P", "States": {
          "P": {"Type": "Parallel", "Next": "Done",
                "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Caught"}],
                "Branches": [
                  {"StartAt": "Ok", "States": {"Ok": {"Type": "Pass", "End": true}}},
                  {"StartAt": "F", "States": {
                    "F": {"Type": "Fail", "Error": "FailureType",
                          "Cause": "Cause description"}}}]},
          "Done": {"Type": "Succeed"},
          "Caught": {"Type": "Pass", "End": true}}}
        """, "{}");
    assertThat(s.output()).isEqualTo(Story.json(
        "{\"Error\": \"FailureType\", \"Cause\": \"Cause description\"}"));
    assertThat(s.types()).containsSubsequence("ParallelStateEntered", "ParallelStateStarted",
        "FailStateEntered", "ParallelStateFailed", "ParallelStateExited", "PassStateEntered");
    assertThat(s.types()).doesNotContain("ParallelStateSucceeded");
  }

  @Test
  void mapCatchGetsTheIterationErrorUnchanged() {
    Story s = Story.start("""
        {"StartAt": "M", "States": {
          "M": {"Type": "Map", "End": true, "MaxConcurrency": 1,
                "Catch": [{"ErrorEquals": ["HandleItemFailError"], "Next": "Caught"}],
                "ItemProcessor": {"StartAt": "C", "States": {
                  "C": {"Type": "Choice", "Choices": [
                    {"Variable": "$", "NumericEquals": 2, "Next": "F"}], "Default": "Ok"},
                  "Ok": {"Type": "Pass", "End": true},
                  "F": {"Type": "Fail", "Error": "HandleItemFailError",
                        "Cause": "HandleItemFailCause"}}}},
          "Caught": {"Type": "Pass", "End": true}}}
        """, "[1, 2, 3]");
    assertThat(s.output()).isEqualTo(Story.json(
        "{\"Error\": \"HandleItemFailError\", \"Cause\": \"HandleItemFailCause\"}"));
    // Iteration 3 never starts once iteration 2 failed (MaxConcurrency 1).
    assertThat(s.all(EventType.MapIterationStarted)).hasSize(2);
    assertThat(s.types()).containsSubsequence("MapIterationFailed", "MapStateFailed",
        "MapStateExited", "PassStateEntered");
    assertThat(s.last(EventType.MapStateExited).details().get("output").asText())
        .isEqualTo("{\"Error\":\"HandleItemFailError\",\"Cause\":\"HandleItemFailCause\"}");
  }

  @Test
  void errorsWithoutCauseCatchAsNullCause() {
    // A Fail state with only an Error: ExecutionFailed omits the cause key.
    Story s = Story.start("""
        {"StartAt": "F", "States": {"F": {"Type": "Fail", "Error": "OnlyError"}}}
        """, "{}");
    assertThat(s.last(EventType.ExecutionFailed).details())
        .isEqualTo(Story.json("{\"error\": \"OnlyError\"}"));
  }

  @Test
  void anUnnamedFailInsideAMapIsCaughtByNoNamedCatcher() {
    // A Fail state without Error raises an error with no name (AWS: LocalStack
    // test_map_state_catch_empty_fail); catchers that name errors must skip it, not crash.
    Story s = Story.start("""
        {"StartAt": "M", "States": {
          "M": {"Type": "Map", "ItemProcessor": {"StartAt": "F",
                  "States": {"F": {"Type": "Fail"}}},
                "Catch": [{"ErrorEquals": ["Internal Error"], "Next": "Caught"},
                          {"ErrorEquals": ["State.ALL"], "Next": "Caught"}],
                "End": true},
          "Caught": {"Type": "Pass", "End": true}}}
        """, "[1]");
    assertThat(s.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(s.error()).isNull();
    assertThat(s.types()).containsExactly("ExecutionStarted", "MapStateEntered",
        "MapStateStarted", "MapIterationStarted", "FailStateEntered", "MapIterationFailed",
        "MapStateFailed", "ExecutionFailed");
  }

  @Test
  void statesAllCatchesAnUnnamedFail() {
    Story s = Story.start("""
        {"StartAt": "P", "States": {
          "P": {"Type": "Parallel", "Branches": [{"StartAt": "F",
                  "States": {"F": {"Type": "Fail"}}}],
                "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": null,
                           "Next": "Caught"}],
                "End": true},
          "Caught": {"Type": "Pass", "End": true}}}
        """, "{\"keep\": 1}");
    assertThat(s.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(s.output()).isEqualTo(Story.json("{\"keep\": 1}"));
  }
}
