package dev.statecraft.engine.core.intrinsic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonIntrinsicsTest extends IntrinsicTestSupport {

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        "\"\";null",
        "\" \";null",
        "\"null\";null",
        "\"-0\";0",
        "\"1\";1",
        "\"1.1\";1.1",
        "\"true\";true",
        "\"\\\"HelloWorld\\\"\";\"HelloWorld\"",
        "\"{\\\"Arg1\\\": 1, \\\"Arg2\\\": []}\";{\"Arg1\": 1, \"Arg2\": []}"
      })
  void stringToJson(String inputString, String expected) {
    assertThat(eval("States.StringToJson($.s)", "{\"s\":" + inputString + "}"))
        .isEqualTo(json(expected));
  }

  @Test
  void stringToJsonRejectsBadInput() {
    assertIntrinsicFailure("States.StringToJson('{')", "not valid JSON");
    assertIntrinsicFailure("States.StringToJson('1 2')", "not valid JSON");
    assertIntrinsicFailure("States.StringToJson($.o)", "{\"o\":{}}", "must be a string");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        "0;0",
        "1;1",
        "1.5;1.5",
        "true;true",
        "null;null",
        "\"s\";\"s\"",
        "[1, 2, \"HelloWorld\"];[1,2,\"HelloWorld\"]",
        "{\"Arg1\": 1, \"Arg2\": []};{\"Arg1\":1,\"Arg2\":[]}"
      })
  void jsonToStringIsCompact(String value, String expected) {
    assertThat(eval("States.JsonToString($.v)", "{\"v\":" + value + "}").textValue())
        .isEqualTo(expected);
  }

  @Test
  void jsonMergeIsShallowAndRightWins() {
    String in =
        "{\"a\":{\"a\":{\"a1\":1,\"a2\":2},\"b\":2,\"d\":3},\"b\":{\"a\":{\"a3\":1,\"a4\":2},\"c\":3,\"d\":4}}";
    assertThat(eval("States.JsonMerge($.a, $.b, false)", in))
        .isEqualTo(json("{\"a\":{\"a3\":1,\"a4\":2},\"b\":2,\"c\":3,\"d\":4}"));
    // The inputs are not modified.
    assertThat(eval("States.JsonMerge($.a, $.b, false)", in)).isNotSameAs(json(in).get("a"));
  }

  @Test
  void jsonMergeRules() {
    String in = "{\"a\":{\"x\":1},\"b\":{\"y\":2}}";
    assertIntrinsicFailure("States.JsonMerge($.a, $.b, true)", in, "must be false");
    assertIntrinsicFailure("States.JsonMerge($.a, 'x', false)", in, "must be a JSON object");
    assertIntrinsicFailure("States.JsonMerge($.a, $.b, 'false')", in, "must be a boolean");
  }

  @Test
  void jsonMergeWithParsedLiteral() {
    assertThat(
            eval(
                "States.JsonMerge(States.StringToJson('{\"constant_in_literal\": \"false\"}'), $.f, false)",
                "{\"f\":{\"constant_input_field\":\"constant_value\"}}"))
        .isEqualTo(json("{\"constant_input_field\":\"constant_value\",\"constant_in_literal\":\"false\"}"));
  }
}
