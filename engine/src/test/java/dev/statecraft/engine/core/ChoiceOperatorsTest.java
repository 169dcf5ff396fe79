package dev.statecraft.engine.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statecraft.asl.model.ErrorNames;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every Choice comparison operator, run through a real Choice state: the rule routes to "Yes",
 * the Default to "No". AWS's type rules: a value of the wrong type makes the comparison false;
 * a Variable path that selects nothing is a States.Runtime error (IsPresent excepted).
 */
class ChoiceOperatorsTest {

  /**
   * operator | operand | value of $.v | expected. For a {@code ...Path} operator the operand is
   * placed at {@code $.w} and the rule reads it from there. Values are JSON.
   */
  private static final String TABLE = """
      StringEquals              | "abc"                  | "abc"                      | true
      StringEquals              | "abc"                  | "abd"                      | false
      StringEquals              | ""                     | ""                         | true
      StringEquals              | "1"                    | 1                          | false
      StringEquals              | " "                    | "     "                    | false
      StringLessThan            | "AB"                   | "A"                        | true
      StringLessThan            | "a"                    | "a"                        | false
      StringLessThan            | "a"                    | "B"                        | true
      StringLessThan            | "b"                    | 1                          | false
      StringGreaterThan         | "a"                    | "b"                        | true
      StringGreaterThan         | "a"                    | "a"                        | false
      StringLessThanEquals      | "a"                    | "a"                        | true
      StringLessThanEquals      | "a"                    | "b"                        | false
      StringGreaterThanEquals   | ""                     | ""                         | true
      StringGreaterThanEquals   | "b"                    | "a"                        | false
      StringGreaterThanEquals   | "a"                    | null                       | false
      StringMatches             | "log-*.txt"            | "log-2024-01.txt"          | true
      StringMatches             | "log-*.txt"            | "log-2024-01.csv"          | false
      StringMatches             | "*"                    | ""                         | true
      StringMatches             | "a*b*c"                | "aXXbYYc"                  | true
      StringMatches             | "a*b*c"                | "aXXcYYb"                  | false
      StringMatches             | "abc"                  | "abcd"                     | false
      StringMatches             | "a?c"                  | "abc"                      | false
      StringMatches             | "a.c"                  | "abc"                      | false
      StringMatches             | "*"                    | 5                          | false
      NumericEquals             | 1                      | 1.0                        | true
      NumericEquals             | 0                      | 0.0                        | true
      NumericEquals             | 1.1                    | 1.0                        | false
      NumericEquals             | 1                      | "1"                        | false
      NumericEquals             | 0                      | false                      | false
      NumericEquals             | 0                      | null                       | false
      NumericEquals             | 9007199254740993       | 9007199254740993           | true
      NumericLessThan           | 2                      | 1                          | true
      NumericLessThan           | 2                      | 2                          | false
      NumericLessThan           | 2                      | -1.5                       | true
      NumericGreaterThan        | 2                      | 3                          | true
      NumericGreaterThan        | 2                      | 2                          | false
      NumericLessThanEquals     | 2                      | 2                          | true
      NumericLessThanEquals     | 2                      | 2.0001                     | false
      NumericGreaterThanEquals  | 2                      | 1                          | false
      NumericGreaterThanEquals  | 2                      | 2.0                        | true
      NumericGreaterThanEquals  | 2                      | [3]                        | false
      BooleanEquals             | true                   | true                       | true
      BooleanEquals             | false                  | false                      | true
      BooleanEquals             | true                   | false                      | false
      BooleanEquals             | true                   | "true"                     | false
      BooleanEquals             | false                  | 0                          | false
      BooleanEquals             | false                  | null                       | false
      TimestampEquals           | "2024-01-01T00:00:00Z" | "2024-01-01T00:00:00Z"     | true
      TimestampEquals           | "2024-01-01T00:00:00Z" | "2024-01-01T01:00:00+01:00" | true
      TimestampEquals           | "2024-01-01T00:00:00Z" | "2024-01-01T00:00:00.000Z" | true
      TimestampEquals           | "2024-01-01T00:00:00Z" | "2024-01-01T00:00:01Z"     | false
      TimestampEquals           | "2024-01-01T00:00:00Z" | "2024-01-01 00:00:00Z"     | false
      TimestampEquals           | "2024-01-01T00:00:00Z" | "2024-01-01T00:00:00"      | false
      TimestampEquals           | "2024-01-01T00:00:00Z" | ""                         | false
      TimestampEquals           | "2024-01-01T00:00:00Z" | 1704067200                 | false
      TimestampLessThan         | "2024-01-01T00:00:00Z" | "2023-12-31T23:59:59.999Z" | true
      TimestampLessThan         | "2024-01-01T00:00:00Z" | "2024-01-01T00:00:00Z"     | false
      TimestampGreaterThan      | "2024-01-01T00:00:00Z" | "2024-01-01T00:00:00.001Z" | true
      TimestampGreaterThan      | "2024-01-01T00:00:00Z" | "2023-01-01T00:00:00Z"     | false
      TimestampLessThanEquals   | "2024-01-01T00:00:00Z" | "2024-01-01T00:00:00Z"     | true
      TimestampLessThanEquals   | "2024-01-01T00:00:00Z" | "2024-01-02T00:00:00Z"     | false
      TimestampGreaterThanEquals| "2024-01-01T00:00:00Z" | "2024-01-01T00:00:00Z"     | true
      TimestampGreaterThanEquals| "2024-01-01T00:00:00Z" | "2023-12-31T00:00:00Z"     | false
      IsNull                    | true                   | null                       | true
      IsNull                    | true                   | 0                          | false
      IsNull                    | false                  | "x"                        | true
      IsPresent                 | true                   | null                       | true
      IsPresent                 | true                   | <missing>                  | false
      IsPresent                 | false                  | <missing>                  | true
      IsPresent                 | false                  | 1                          | false
      IsNumeric                 | true                   | 1.5                        | true
      IsNumeric                 | true                   | -7                         | true
      IsNumeric                 | true                   | "1"                        | false
      IsNumeric                 | false                  | "HelloWorld"               | true
      IsString                  | true                   | "x"                        | true
      IsString                  | true                   | "2024-01-01T00:00:00Z"     | true
      IsString                  | true                   | 1                          | false
      IsBoolean                 | true                   | false                      | true
      IsBoolean                 | true                   | "false"                    | false
      IsTimestamp               | true                   | "2024-01-01T00:00:00Z"     | true
      IsTimestamp               | true                   | "2024-01-01T00:00:00.123456789+05:30" | true
      IsTimestamp               | true                   | "2024-01-01"               | false
      IsTimestamp               | true                   | "2024-13-01T00:00:00Z"     | false
      IsTimestamp               | false                  | 17                         | true
      """;

  /** The same comparisons with the operand read from $.w ({@code ...Path} variants). */
  private static final String PATH_TABLE = """
      StringEqualsPath              | "abc"                  | "abc"                  | true
      StringEqualsPath              | "abc"                  | "abd"                  | false
      StringEqualsPath              | 1                      | "1"                    | false
      StringLessThanPath            | "b"                    | "a"                    | true
      StringGreaterThanPath         | "a"                    | "b"                    | true
      StringLessThanEqualsPath      | "a"                    | "a"                    | true
      StringGreaterThanEqualsPath   | "b"                    | "a"                    | false
      NumericEqualsPath             | 0.0                    | 0                      | true
      NumericEqualsPath             | 2.22                   | 2.22                   | true
      NumericEqualsPath             | 1.0                    | 1.1                    | false
      NumericEqualsPath             | "1"                    | 1                      | false
      NumericLessThanPath           | 2                      | 1                      | true
      NumericGreaterThanPath        | 2                      | 3                      | true
      NumericLessThanEqualsPath     | 2                      | 3                      | false
      NumericGreaterThanEqualsPath  | 2                      | 2                      | true
      BooleanEqualsPath             | true                   | true                   | true
      BooleanEqualsPath             | "true"                 | true                   | false
      TimestampEqualsPath           | "2024-01-01T00:00:00Z" | "2024-01-01T00:00:00Z" | true
      TimestampLessThanPath         | "2024-01-01T00:00:00Z" | "2023-01-01T00:00:00Z" | true
      TimestampGreaterThanPath      | "2024-01-01T00:00:00Z" | "2023-01-01T00:00:00Z" | false
      TimestampLessThanEqualsPath   | "2024-01-01T00:00:00Z" | "2024-01-01T00:00:00Z" | true
      TimestampGreaterThanEqualsPath| "2024-01-01T00:00:00Z" | "2025-01-01T00:00:00Z" | true
      TimestampEqualsPath           | "garbage"              | "garbage"              | false
      """;

  private static final String TEMPLATE = """
      {"StartAt": "C", "States": {
        "C": {"Type": "Choice", "Choices": [%s], "Default": "No"},
        "Yes": {"Type": "Pass", "Result": "yes", "End": true},
        "No": {"Type": "Pass", "Result": "no", "End": true}}}
      """;

  @TestFactory
  List<DynamicTest> literalOperands() {
    return rows(TABLE, false);
  }

  @TestFactory
  List<DynamicTest> pathOperands() {
    return rows(PATH_TABLE, true);
  }

  private static List<DynamicTest> rows(String table, boolean path) {
    List<DynamicTest> tests = new ArrayList<>();
    for (String line : table.strip().split("\n")) {
      String[] cell = line.split("\\|");
      String op = cell[0].trim();
      String operand = cell[1].trim();
      String value = cell[2].trim();
      boolean expected = Boolean.parseBoolean(cell[3].trim());
      tests.add(DynamicTest.dynamicTest(op + " " + operand + " on " + value + " → " + expected,
          () -> {
            ObjectNode input = Json.object();
            if (!value.equals("<missing>")) {
              input.set("v", Json.parse(value));
            }
            String rule;
            if (path) {
              input.set("w", Json.parse(operand));
              rule = "{\"Variable\": \"$.v\", \"" + op + "\": \"$.w\", \"Next\": \"Yes\"}";
            } else {
              rule = "{\"Variable\": \"$.v\", \"" + op + "\": " + operand + ", \"Next\": \"Yes\"}";
            }
            Story s = Story.start(TEMPLATE.formatted(rule), Json.write(input));
            assertThat(s.status()).as(s.error() + ": " + s.cause())
                .isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(s.output().asText()).isEqualTo(expected ? "yes" : "no");
          }));
    }
    return tests;
  }

  private static Story choose(String rules, String input) {
    return Story.start(TEMPLATE.formatted(rules), input);
  }

  // ---- StringMatches escapes --------------------------------------------------------------

  @Test
  void stringMatchesEscapedStarIsALiteralStar() {
    // JSON "a\\*b" is the pattern a\*b: a literal star, not a wildcard.
    String rule = "{\"Variable\": \"$.v\", \"StringMatches\": \"a\\\\*b\", \"Next\": \"Yes\"}";
    assertThat(choose(rule, "{\"v\": \"a*b\"}").output().asText()).isEqualTo("yes");
    assertThat(choose(rule, "{\"v\": \"aXb\"}").output().asText()).isEqualTo("no");
  }

  @Test
  void stringMatchesEscapedBackslashIsALiteralBackslash() {
    // JSON "a\\\\*" is the pattern a\\* : a literal backslash, then a wildcard.
    String rule = "{\"Variable\": \"$.v\", \"StringMatches\": \"a\\\\\\\\*\", \"Next\": \"Yes\"}";
    assertThat(choose(rule, "{\"v\": \"a\\\\xyz\"}").output().asText()).isEqualTo("yes");
    assertThat(choose(rule, "{\"v\": \"axyz\"}").output().asText()).isEqualTo("no");
  }

  @Test
  void wildcardMatcherEdgeCases() {
    assertThat(ChoiceEvaluator.wildcardMatch("", "")).isTrue();
    assertThat(ChoiceEvaluator.wildcardMatch("", "**")).isTrue();
    assertThat(ChoiceEvaluator.wildcardMatch("x", "")).isFalse();
    assertThat(ChoiceEvaluator.wildcardMatch("*", "\\*")).isTrue();
    assertThat(ChoiceEvaluator.wildcardMatch("x", "\\*")).isFalse();
    assertThat(ChoiceEvaluator.wildcardMatch("a\\b", "a\\\\b")).isTrue();
    assertThat(ChoiceEvaluator.wildcardMatch("aaaaaaaaaaaaaaaaaaaaaaaaaaaaab",
        "*a*a*a*a*a*a*a*a*a*c")).isFalse();
    assertThat(ChoiceEvaluator.wildcardMatch("mississippi", "m*iss*pi")).isTrue();
  }

  // ---- composition, Default, no match -------------------------------------------------------

  @Test
  void andOrNotCombineRules() {
    String and = "{\"And\": [{\"Variable\": \"$.v\", \"NumericGreaterThanEquals\": 20},"
        + " {\"Variable\": \"$.v\", \"NumericLessThan\": 30}], \"Next\": \"Yes\"}";
    assertThat(choose(and, "{\"v\": 22}").output().asText()).isEqualTo("yes");
    assertThat(choose(and, "{\"v\": 30}").output().asText()).isEqualTo("no");

    String or = "{\"Or\": [{\"Variable\": \"$.v\", \"StringEquals\": \"a\"},"
        + " {\"Variable\": \"$.v\", \"StringEquals\": \"b\"}], \"Next\": \"Yes\"}";
    assertThat(choose(or, "{\"v\": \"b\"}").output().asText()).isEqualTo("yes");
    assertThat(choose(or, "{\"v\": \"c\"}").output().asText()).isEqualTo("no");

    String not = "{\"Not\": {\"Variable\": \"$.v\", \"StringEquals\": \"Private\"},"
        + " \"Next\": \"Yes\"}";
    assertThat(choose(not, "{\"v\": \"Public\"}").output().asText()).isEqualTo("yes");
    assertThat(choose(not, "{\"v\": \"Private\"}").output().asText()).isEqualTo("no");

    String nested = "{\"Not\": {\"Or\": [{\"Variable\": \"$.v\", \"IsNull\": true},"
        + " {\"And\": [{\"Variable\": \"$.v\", \"IsNumeric\": true},"
        + " {\"Variable\": \"$.v\", \"NumericLessThan\": 0}]}]}, \"Next\": \"Yes\"}";
    assertThat(choose(nested, "{\"v\": 5}").output().asText()).isEqualTo("yes");
    assertThat(choose(nested, "{\"v\": -5}").output().asText()).isEqualTo("no");
    assertThat(choose(nested, "{\"v\": null}").output().asText()).isEqualTo("no");
  }

  @Test
  void rulesAreTriedInOrderAndTheFirstMatchWins() {
    String def = """
        {"StartAt": "C", "States": {
          "C": {"Type": "Choice", "Choices": [
            {"Variable": "$.v", "NumericGreaterThan": 10, "Next": "Big"},
            {"Variable": "$.v", "NumericGreaterThan": 0, "Next": "Small"}],
            "Default": "Other"},
          "Big": {"Type": "Pass", "Result": "big", "End": true},
          "Small": {"Type": "Pass", "Result": "small", "End": true},
          "Other": {"Type": "Pass", "Result": "other", "End": true}}}
        """;
    assertThat(Story.start(def, "{\"v\": 11}").output().asText()).isEqualTo("big");
    assertThat(Story.start(def, "{\"v\": 5}").output().asText()).isEqualTo("small");
    assertThat(Story.start(def, "{\"v\": -5}").output().asText()).isEqualTo("other");
  }

  @Test
  void choiceOutputIsItsInputAndHistoryShowsEnteredAndExited() {
    Story s = choose("{\"Variable\": \"$.v\", \"IsPresent\": true, \"Next\": \"Yes\"}",
        "{\"v\": 1}");
    assertThat(s.types()).containsExactly("ExecutionStarted", "ChoiceStateEntered",
        "ChoiceStateExited", "PassStateEntered", "PassStateExited", "ExecutionSucceeded");
    assertThat(s.last(EventType.ChoiceStateExited).details().get("output").asText())
        .isEqualTo("{\"v\":1}");
  }

  @Test
  void noMatchWithoutDefaultFailsWithNoChoiceMatched() {
    String def = """
        {"StartAt": "C", "States": {
          "C": {"Type": "Choice", "Choices": [
            {"Variable": "$.v", "StringEquals": "x", "Next": "Done"}]},
          "Done": {"Type": "Succeed"}}}
        """;
    Story s = Story.start(def, "{\"v\": \"y\"}");
    assertThat(s.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(s.error()).isEqualTo(ErrorNames.NO_CHOICE_MATCHED);
    assertThat(s.types()).containsExactly("ExecutionStarted", "ChoiceStateEntered",
        "ExecutionFailed");
  }

  @Test
  void variablesCanBeCompared() {
    String def = """
        {"StartAt": "Set", "States": {
          "Set": {"Type": "Pass", "Assign": {"answer": 42, "guess": 42}, "Next": "C"},
          "C": {"Type": "Choice", "Choices": [
            {"Variable": "$guess", "NumericEqualsPath": "$answer", "Next": "Yes"}],
            "Default": "No"},
          "Yes": {"Type": "Pass", "Result": "yes", "End": true},
          "No": {"Type": "Pass", "Result": "no", "End": true}}}
        """;
    assertThat(Story.start(def, "{}").output().asText()).isEqualTo("yes");
  }

  @Test
  void contextObjectPathsCanBeCompared() {
    String rule = "{\"Variable\": \"$$.Execution.Input.v\", \"StringEquals\": \"x\","
        + " \"Next\": \"Yes\"}";
    assertThat(choose(rule, "{\"v\": \"x\"}").output().asText()).isEqualTo("yes");
  }

  // ---- missing operands ---------------------------------------------------------------------

  @Test
  void missingVariableIsARuntimeErrorNotFalse() {
    // AWS docs (Choice state example): if the input lacks the field "the execution fails and an
    // error is displayed in the execution history". The rule there sits under Not, so "false"
    // would have routed the execution instead of failing it.
    Story s = choose("{\"Not\": {\"Variable\": \"$.type\", \"StringEquals\": \"Private\"},"
        + " \"Next\": \"Yes\"}", "{\"value\": 22}");
    assertThat(s.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(s.error()).isEqualTo(ErrorNames.RUNTIME);
    assertThat(s.cause()).isEqualTo("An error occurred while executing the state 'C' (entered"
        + " at the event id #2). Invalid path '$.type': The choice state's condition path"
        + " references an invalid value.");
    assertThat(s.types()).containsExactly("ExecutionStarted", "ChoiceStateEntered",
        "ExecutionFailed");
  }

  @Test
  void missingPathOperandIsARuntimeError() {
    Story s = choose("{\"Variable\": \"$.v\", \"NumericEqualsPath\": \"$.nope\","
        + " \"Next\": \"Yes\"}", "{\"v\": 1}");
    assertThat(s.error()).isEqualTo(ErrorNames.RUNTIME);
    assertThat(s.cause()).contains("Invalid path '$.nope'");
  }

  @Test
  void isPresentGuardShortCircuitsAMissingPath() {
    String rule = "{\"And\": [{\"Variable\": \"$.cfg.enabled\", \"IsPresent\": true},"
        + " {\"Variable\": \"$.cfg.enabled\", \"BooleanEquals\": true}], \"Next\": \"Yes\"}";
    assertThat(choose(rule, "{}").output().asText()).isEqualTo("no");
    assertThat(choose(rule, "{\"cfg\": {\"enabled\": true}}").output().asText())
        .isEqualTo("yes");
  }

  @Test
  void typeTestsOnAMissingPathAreFalseNotErrors() {
    assertThat(choose("{\"Variable\": \"$.v\", \"IsNull\": true, \"Next\": \"Yes\"}", "{}")
        .output().asText()).isEqualTo("no");
    assertThat(choose("{\"Variable\": \"$.v\", \"IsString\": false, \"Next\": \"Yes\"}", "{}")
        .output().asText()).isEqualTo("yes");
  }

  // ---- JSONata Condition --------------------------------------------------------------------

  @Test
  void jsonataConditionMustBeBoolean() {
    String def = """
        {"QueryLanguage": "JSONata", "StartAt": "C", "States": {
          "C": {"Type": "Choice", "Choices": [
            {"Condition": "{% $states.input.v %}", "Next": "Yes"}], "Default": "No"},
          "Yes": {"Type": "Pass", "Output": "yes", "End": true},
          "No": {"Type": "Pass", "Output": "no", "End": true}}}
        """;
    assertThat(Story.start(def, "{\"v\": true}").output().asText()).isEqualTo("yes");
    assertThat(Story.start(def, "{\"v\": false}").output().asText()).isEqualTo("no");
    Story s = Story.start(def, "{\"v\": 1}");
    assertThat(s.error()).isEqualTo(ErrorNames.QUERY_EVALUATION_ERROR);
    assertThat(s.types()).containsExactly("ExecutionStarted", "ChoiceStateEntered",
        "EvaluationFailed", "ExecutionFailed");
  }
}
