package dev.statecraft.engine.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Workflow variables: when Assign is evaluated, what it sees, and which scope it writes. */
class VariableScopingTest {

  @Test
  void assignSeesTheStateResultAndOldValuesOfTheSameState() {
    Story s = Story.start("""
        {"StartAt": "Init", "States": {
          "Init": {"Type": "Pass", "Assign": {"x": 1}, "Next": "Bump"},
          "Bump": {"Type": "Pass", "Result": {"answer": 42},
                   "Assign": {"x": 2, "oldX.$": "$x", "fromResult.$": "$.answer"},
                   "OutputPath": "$x", "Next": "Show"},
          "Show": {"Type": "Pass",
                   "Parameters": {"x.$": "$x", "oldX.$": "$oldX", "fromResult.$": "$fromResult",
                                  "bumpOutput.$": "$"},
                   "End": true}}}
        """, "{}");
    // OutputPath in the same state still reads the old x (1); the next state sees x = 2.
    assertThat(s.output()).isEqualTo(Story.json(
        "{\"x\": 2, \"oldX\": 1, \"fromResult\": 42, \"bumpOutput\": 1}"));
  }

  @Test
  void exitedEventListsTheAssignedVariablesAsJsonText() {
    Story s = Story.start("""
        {"StartAt": "A", "States": {
          "A": {"Type": "Pass", "Assign": {"s": "text", "n": 4.3, "o": {"k": [1]}}, "Next": "B"},
          "B": {"Type": "Pass", "End": true}}}
        """, "{}");
    HistoryEvent exited = s.all(EventType.PassStateExited).get(0);
    assertThat(exited.details().get("assignedVariables")).isEqualTo(Story.json(
        "{\"s\": \"\\\"text\\\"\", \"n\": \"4.3\", \"o\": \"{\\\"k\\\":[1]}\"}"));
    assertThat(exited.details().get("assignedVariablesDetails"))
        .isEqualTo(Story.json("{\"truncated\": false}"));
    // A state without Assign has no assignedVariables at all.
    assertThat(s.all(EventType.PassStateExited).get(1).details().has("assignedVariables"))
        .isFalse();
  }

  @Test
  void mapIterationsReadOuterVariablesAndKeepTheirAssignmentsLocal() {
    Story s = Story.start("""
        {"StartAt": "Init", "States": {
          "Init": {"Type": "Pass", "Assign": {"x": 42}, "Next": "M"},
          "M": {"Type": "Map", "ItemsPath": "$.items", "ResultPath": "$.inner", "Next": "After",
                "ItemProcessor": {"StartAt": "Read", "States": {
                  "Read": {"Type": "Pass", "Parameters": {"seen.$": "$x", "item.$": "$"},
                           "Assign": {"x": "changed inside", "local.$": "$"},
                           "Next": "ReadAgain"},
                  "ReadAgain": {"Type": "Pass",
                                "Parameters": {"x.$": "$x", "local.$": "$local"},
                                "End": true}}}},
          "After": {"Type": "Pass", "Parameters": {"x.$": "$x", "inner.$": "$.inner"},
                    "End": true}}}
        """, "{\"items\": [1, 2]}");
    assertThat(s.output()).isEqualTo(Story.json("""
        {"x": 42, "inner": [
          {"x": "changed inside", "local": {"seen": 42, "item": 1}},
          {"x": "changed inside", "local": {"seen": 42, "item": 2}}]}
        """));
  }

  @Test
  void parallelBranchesReadOuterVariablesAndDoNotSeeEachOther() {
    Story s = Story.start("""
        {"StartAt": "Init", "States": {
          "Init": {"Type": "Pass", "Assign": {"x": 42}, "Next": "P"},
          "P": {"Type": "Parallel", "Next": "After", "Branches": [
            {"StartAt": "B0", "States": {
              "B0": {"Type": "Pass", "Assign": {"x": 0, "mine": "b0"}, "Next": "B0b"},
              "B0b": {"Type": "Pass", "Parameters": {"x.$": "$x"}, "End": true}}},
            {"StartAt": "B1", "States": {
              "B1": {"Type": "Pass", "Parameters": {"x.$": "$x"}, "End": true}}}]},
          "After": {"Type": "Pass", "Parameters": {"x.$": "$x", "branches.$": "$"},
                    "End": true}}}
        """, "{}");
    assertThat(s.output()).isEqualTo(Story.json(
        "{\"x\": 42, \"branches\": [{\"x\": 0}, {\"x\": 42}]}"));
  }

  @Test
  void choiceRuleAssignWinsAndStateAssignAppliesOnlyOnDefault() {
    String def = """
        {"StartAt": "C", "States": {
          "C": {"Type": "Choice", "Assign": {"how": "default"},
                "Choices": [{"Variable": "$.v", "BooleanEquals": true,
                             "Assign": {"how": "rule", "v.$": "$.v"}, "Next": "Show"}],
                "Default": "Show"},
          "Show": {"Type": "Pass", "Parameters": {"how.$": "$how"}, "End": true}}}
        """;
    Story rule = Story.start(def, "{\"v\": true}");
    assertThat(rule.output()).isEqualTo(Story.json("{\"how\": \"rule\"}"));
    assertThat(rule.last(EventType.ChoiceStateExited).details().get("assignedVariables"))
        .isEqualTo(Story.json("{\"how\": \"\\\"rule\\\"\", \"v\": \"true\"}"));
    Story byDefault = Story.start(def, "{\"v\": false}");
    assertThat(byDefault.output()).isEqualTo(Story.json("{\"how\": \"default\"}"));
  }

  @Test
  void jsonataAssignSeesStatesInputAndResultAndOldValues() {
    Story s = Story.start("""
        {"QueryLanguage": "JSONata", "StartAt": "Init", "States": {
          "Init": {"Type": "Pass", "Assign": {"n": 1}, "Next": "T"},
          "T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                "Assign": {"n": "{% $n + $states.result.add %}", "old": "{% $n %}",
                           "in": "{% $states.input.tag %}"},
                "Output": "{% $n %}", "Next": "Show"},
          "Show": {"Type": "Pass",
                   "Output": {"n": "{% $n %}", "old": "{% $old %}", "in": "{% $in %}",
                              "prev": "{% $states.input %}"},
                   "End": true}}}
        """, "{\"tag\": \"t\"}");
    s.succeed(s.task(), "{\"add\": 10}");
    assertThat(s.output()).isEqualTo(Story.json(
        "{\"n\": 11, \"old\": 1, \"in\": \"t\", \"prev\": 1}"));
  }

  @Test
  void waitStateAssignsToo() {
    Story s = Story.start("""
        {"StartAt": "W", "States": {
          "W": {"Type": "Wait", "Seconds": 5, "Assign": {"waited.$": "$.s"}, "Next": "Show"},
          "Show": {"Type": "Pass", "Parameters": {"waited.$": "$waited"}, "End": true}}}
        """, "{\"s\": 5}");
    assertThat(s.timerDelaySeconds()).isEqualTo(5.0);
    s.fireTimer();
    assertThat(s.output()).isEqualTo(Story.json("{\"waited\": 5}"));
    assertThat(s.last(EventType.WaitStateExited).details().get("assignedVariables"))
        .isEqualTo(Story.json("{\"waited\": \"5\"}"));
  }
}
