package dev.statecraft.engine.core.intrinsic;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MathIntrinsicsTest extends IntrinsicTestSupport {

  /** The rounding cases AWS recorded: each argument is rounded like Java's Math.round. */
  @ParameterizedTest
  @CsvSource({
    "-9, 3, -6",
    "1.49, 1.5, 3",
    "-1.5, 0, -1",
    "-1.51, 0, -2",
    "-2.5, 0, -2",
    "1.5, 1.51, 4",
    "-3.5, 0, -3",
    "-1.49, -1.5, -2",
    "1.49, -1.49, 0",
    "1.51, 0, 2",
    "2147483647, 1, 2147483648"
  })
  void add(String a, String b, String expected) {
    JsonNode sum = eval("States.MathAdd($.a, $.b)", "{\"a\":" + a + ",\"b\":" + b + "}");
    assertThat(sum).isEqualTo(json(expected));
    assertThat(sum.isIntegralNumber()).isTrue();
  }

  @Test
  void addRules() {
    assertIntrinsicFailure("States.MathAdd('1', 2)", "must be a number");
    assertIntrinsicFailure("States.MathAdd(2147483648, 1)", "between -2147483648 and 2147483647");
    assertIntrinsicFailure("States.MathAdd(1, -2147483649)", "between");
    assertThat(eval("States.MathAdd($.a, -1)", "{\"a\":1}")).isEqualTo(json("0"));
  }

  @Test
  void randomStaysInRangeStartInclusiveEndExclusive() {
    SplittableRandom random = new SplittableRandom(7);
    Set<Integer> seen = new HashSet<>();
    for (int i = 0; i < 500; i++) {
      JsonNode v = eval("States.MathRandom(1, 4)", json("{}"), random);
      assertThat(v.isInt()).isTrue();
      seen.add(v.intValue());
    }
    assertThat(seen).containsExactlyInAnyOrder(1, 2, 3);
  }

  @Test
  void randomIsReproducibleFromTheGeneratorOrTheSeed() {
    JsonNode a = eval("States.MathRandom(-99999, -9999)", json("{}"), new SplittableRandom(1));
    JsonNode b = eval("States.MathRandom(-99999, -9999)", json("{}"), new SplittableRandom(1));
    assertThat(a).isEqualTo(b);
    assertThat(a.intValue()).isBetween(-99999, -10000);
    // A seed makes the value independent of the execution's generator.
    JsonNode s1 = eval("States.MathRandom(0, 999, 3)", json("{}"), new SplittableRandom(1));
    JsonNode s2 = eval("States.MathRandom(0, 999, 3)", json("{}"), new SplittableRandom(2));
    assertThat(s1).isEqualTo(s2);
    assertThat(s1.intValue()).isBetween(0, 998);
  }

  @Test
  void randomRoundsDecimalBounds() {
    JsonNode v = eval("States.MathRandom(12.5, 14.4)", json("{}"), new SplittableRandom(3));
    assertThat(v).isEqualTo(json("13"));
  }

  @Test
  void randomRules() {
    assertIntrinsicFailure("States.MathRandom(5, 5)", "less than");
    assertIntrinsicFailure("States.MathRandom(6, 5)", "less than");
    assertIntrinsicFailure("States.MathRandom('1', 5)", "must be a number");
    assertIntrinsicFailure("States.MathRandom(1, 5, 'x')", "must be a number");
  }

  @Test
  void uuidIsVersion4AndComesFromTheGenerator() {
    JsonNode a = eval("States.UUID()", json("{}"), new SplittableRandom(9));
    JsonNode b = eval("States.UUID()", json("{}"), new SplittableRandom(9));
    JsonNode c = eval("States.UUID()", json("{}"), new SplittableRandom(10));
    assertThat(a).isEqualTo(b);
    assertThat(a).isNotEqualTo(c);
    assertThat(a.textValue())
        .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    java.util.UUID parsed = java.util.UUID.fromString(a.textValue());
    assertThat(parsed.version()).isEqualTo(4);
    assertThat(parsed.variant()).isEqualTo(2);
  }
}
