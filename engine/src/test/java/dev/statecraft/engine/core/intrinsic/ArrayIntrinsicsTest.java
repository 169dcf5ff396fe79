package dev.statecraft.engine.core.intrinsic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArrayIntrinsicsTest extends IntrinsicTestSupport {

  @Test
  void arrayCollectsArgumentsOfAnyType() {
    assertThat(eval("States.Array()")).isEqualTo(json("[]"));
    assertThat(eval("States.Array('a', 1, 1.5, true, null, $.o, $.a)", "{\"o\":{\"x\":[]},\"a\":[1]}"))
        .isEqualTo(json("[\"a\", 1, 1.5, true, null, {\"x\":[]}, [1]]"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        "[];1;[]",
        "[0];5;[[0]]",
        "[0,1,2];1;[[0],[1],[2]]",
        "[0,1,2];2;[[0,1],[2]]",
        "[0,1,2,3];3;[[0,1,2],[3]]",
        "[0,1,2,3];4;[[0,1,2,3]]",
        "[0,1,2,3];1.6;[[0,1],[2,3]]"
      })
  void partition(String array, String size, String expected) {
    assertThat(eval("States.ArrayPartition($.a, $.n)", "{\"a\":" + array + ",\"n\":" + size + "}"))
        .isEqualTo(json(expected));
  }

  @Test
  void partitionRejectsNonPositiveSizeAndNonArrays() {
    assertIntrinsicFailure("States.ArrayPartition($.a, 0)", "{\"a\":[1]}", "positive");
    assertIntrinsicFailure("States.ArrayPartition($.a, -2)", "{\"a\":[1]}", "positive");
    assertIntrinsicFailure("States.ArrayPartition($.a, 0.4)", "{\"a\":[1]}", "positive");
    assertIntrinsicFailure("States.ArrayPartition('x', 1)", "must be an array");
    assertIntrinsicFailure("States.ArrayPartition($.a, 'x')", "{\"a\":[1]}", "must be a number");
  }

  @Test
  void contains() {
    String in = "{\"a\":[1, true, \"s\", null, {\"k\":[1,2]}, [3]]}";
    assertThat(eval("States.ArrayContains($.a, 1)", in).booleanValue()).isTrue();
    assertThat(eval("States.ArrayContains($.a, 1.0)", in).booleanValue()).isTrue();
    assertThat(eval("States.ArrayContains($.a, true)", in).booleanValue()).isTrue();
    assertThat(eval("States.ArrayContains($.a, 's')", in).booleanValue()).isTrue();
    assertThat(eval("States.ArrayContains($.a, null)", in).booleanValue()).isTrue();
    assertThat(eval("States.ArrayContains($.a, $.a[4])", in).booleanValue()).isTrue();
    assertThat(eval("States.ArrayContains($.a, $.a[5])", in).booleanValue()).isTrue();
    assertThat(eval("States.ArrayContains($.a, 2)", in).booleanValue()).isFalse();
    assertThat(eval("States.ArrayContains($.a, '1')", in).booleanValue()).isFalse();
    assertThat(eval("States.ArrayContains($.e, $.e)", "{\"e\":[]}").booleanValue()).isFalse();
    assertIntrinsicFailure("States.ArrayContains($.o, 1)", "{\"o\":{}}", "must be an array");
  }

  @Test
  void containsComparesObjectsRegardlessOfKeyOrder() {
    String in = "{\"a\":[{\"x\":1,\"y\":2}],\"v\":{\"y\":2,\"x\":1}}";
    assertThat(eval("States.ArrayContains($.a, $.v)", in).booleanValue()).isTrue();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        "0, 9, 3;[0,3,6,9]",
        "0, 10, 3;[0,3,6,9]",
        "1, 9, 9;[1]",
        "1, 9, 2;[1,3,5,7,9]",
        "9, 0, -3;[9,6,3,0]",
        "5, 1, 1;[]",
        "-2, 2, 2;[-2,0,2]",
        "0.6, 2.4, 1;[1,2]"
      })
  void range(String args, String expected) {
    assertThat(eval("States.ArrayRange(" + args + ")")).isEqualTo(json(expected));
  }

  @Test
  void rangeLimits() {
    assertThat(eval("States.ArrayRange(1, 1000, 1)").size()).isEqualTo(1000);
    assertIntrinsicFailure("States.ArrayRange(0, 1000, 1)", "1001 items");
    assertIntrinsicFailure("States.ArrayRange(0, 10, 0)", "non-zero");
    assertIntrinsicFailure("States.ArrayRange('0', 10, 1)", "must be a number");
  }

  @Test
  void getItem() {
    String in = "{\"a\":[1,2,3,4,5,6,7,8,9]}";
    assertThat(eval("States.ArrayGetItem($.a, 5)", in)).isEqualTo(json("6"));
    assertThat(eval("States.ArrayGetItem($.a, 0)", in)).isEqualTo(json("1"));
    assertThat(eval("States.ArrayGetItem($.a, 8)", in)).isEqualTo(json("9"));
    assertIntrinsicFailure("States.ArrayGetItem($.a, 9)", in, "out of bounds");
    assertIntrinsicFailure("States.ArrayGetItem($.a, -1)", in, "out of bounds");
    assertIntrinsicFailure("States.ArrayGetItem($.a, 'x')", in, "must be a number");
    assertIntrinsicFailure("States.ArrayGetItem('abc', 0)", "must be an array");
  }

  @Test
  void length() {
    assertThat(eval("States.ArrayLength($.a)", "{\"a\":[1,2,3]}")).isEqualTo(json("3"));
    assertThat(eval("States.ArrayLength($.a)", "{\"a\":[]}")).isEqualTo(json("0"));
    assertThat(eval("States.ArrayLength($.a)", "{\"a\":[1,2,3]}").isInt()).isTrue();
    assertIntrinsicFailure("States.ArrayLength($.a)", "{\"a\":\"abc\"}", "must be an array");
    assertIntrinsicFailure("States.ArrayLength($.a)", "{\"a\":null}", "but was null");
  }

  @Test
  void uniqueKeepsFirstOccurrences() {
    String in =
        "{\"a\":[null,null,true,true,false,1,1,1.1,0,\"HelloWorld\",\"HelloWorld\",[],[],[null],"
            + "[null],{\"a\":1,\"b\":2},{\"b\":2,\"a\":1},{\"a\":1,\"b\":1}]}";
    assertThat(eval("States.ArrayUnique($.a)", in))
        .isEqualTo(
            json("[null,true,false,1,1.1,0,\"HelloWorld\",[],[null],{\"a\":1,\"b\":2},{\"a\":1,\"b\":1}]"));
    assertIntrinsicFailure("States.ArrayUnique($.a)", "{\"a\":{}}", "must be an array");
  }
}
