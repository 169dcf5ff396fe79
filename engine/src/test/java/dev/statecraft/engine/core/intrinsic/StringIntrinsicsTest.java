package dev.statecraft.engine.core.intrinsic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StringIntrinsicsTest extends IntrinsicTestSupport {

  /** Values as AWS prints them in States.Format (recorded outputs). */
  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        "\"\";''",
        "\" \";' '",
        "\"HelloWorld\";HelloWorld",
        "null;null",
        "1;1",
        "1.1;1.1",
        "-7;-7",
        "true;true",
        "\"{\\\"Arg1\\\": 1}\";{\"Arg1\": 1}",
        "{\"Arg1\": 1, \"Arg2\": []};{Arg1=1, Arg2=[]}",
        "{\"a\": \"x\", \"b\": {\"c\": [1, \"y\", null]}};{a=x, b={c=[1, y, null]}}",
        "[1, \"a\", [true]];[1, a, [true]]"
      })
  void formatPrintsValuesLikeAws(String value, String printed) {
    assertThat(eval("States.Format('v={}.', $.v)", "{\"v\":" + value + "}").textValue())
        .isEqualTo("v=" + printed + ".");
  }

  @Test
  void formatWithSeveralArgumentsAndTemplatePath() {
    assertThat(eval("States.Format('Hello {}, welcome to {}!', 'John', 'LocalStack')").textValue())
        .isEqualTo("Hello John, welcome to LocalStack!");
    assertThat(eval("States.Format($.t, $.n)", "{\"t\":\"It's {}!\",\"n\":\"Pikachu\"}").textValue())
        .isEqualTo("It's Pikachu!");
    assertThat(eval("States.Format('no placeholders')").textValue()).isEqualTo("no placeholders");
    assertThat(eval("States.Format('{}{}', 1, 2)").textValue()).isEqualTo("12");
    assertThat(eval("States.Format('it\\'s \\\\ {}', 'x')").textValue()).isEqualTo("it's \\ x");
  }

  @Test
  void formatRules() {
    assertIntrinsicFailure("States.Format('{} {}', 'a')", "2 placeholders '{}' but 1 value was given");
    assertIntrinsicFailure("States.Format('x', 'a')", "0 placeholders '{}' but 1 value was given");
    assertIntrinsicFailure("States.Format(1, 'a')", "must be a string");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        "1,2,3,4,5;,;[\"1\",\"2\",\"3\",\"4\",\"5\"]",
        "This.is+a,test=string;.+,=;[\"This\",\"is\",\"a\",\"test\",\"string\"]",
        "' ';,;[\" \"]",
        "', , ,';,;[\" \",\" \"]",
        ",,,,;,;[]",
        "'';,;[]",
        "abc;'';[\"abc\"]",
        "a--b;--;[\"a\",\"b\"]"
      })
  void split(String text, String delimiter, String expected) {
    assertThat(
            eval(
                "States.StringSplit($.s, $.d)",
                "{\"s\":" + N.textNode(text) + ",\"d\":" + N.textNode(delimiter) + "}"))
        .isEqualTo(json(expected));
  }

  @Test
  void splitOnEachCharacterOfTheDelimiterIncludingNewlines() {
    assertThat(eval("States.StringSplit($.s, $.d)", "{\"s\":\"split on T and \\nnew line\",\"d\":\"T\\n\"}"))
        .isEqualTo(json("[\"split on \",\" and \",\"new line\"]"));
    assertThat(eval("States.StringSplit('Hello\nWorld', '\n')")).isEqualTo(json("[\"Hello\",\"World\"]"));
  }

  @Test
  void splitRules() {
    assertIntrinsicFailure("States.StringSplit(1, ',')", "must be a string");
    assertIntrinsicFailure("States.StringSplit('a', $.d)", "{\"d\":[]}", "must be a string");
  }
}
