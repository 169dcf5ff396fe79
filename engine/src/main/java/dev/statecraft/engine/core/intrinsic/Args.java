package dev.statecraft.engine.core.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The evaluated arguments of one call, with typed accessors that raise
 * {@code States.IntrinsicFailure} when an argument has the wrong type.
 */
final class Args {
  private static final BigDecimal HALF = new BigDecimal("0.5");

  private final String function;
  private final List<JsonNode> values;
  private final RandomGenerator random;

  Args(String function, List<JsonNode> values, RandomGenerator random) {
    this.function = function;
    this.values = values;
    this.random = random;
  }

  String function() {
    return function;
  }

  int size() {
    return values.size();
  }

  JsonNode get(int i) {
    return values.get(i);
  }

  List<JsonNode> all() {
    return values;
  }

  /** The generator for functions that need randomness; it comes from outside so replays match. */
  RandomGenerator random() {
    return random;
  }

  String string(int i) {
    JsonNode v = get(i);
    if (!v.isTextual()) {
      throw wrongType(i, "a string", v);
    }
    return v.textValue();
  }

  ArrayNode array(int i) {
    JsonNode v = get(i);
    if (!v.isArray()) {
      throw wrongType(i, "an array", v);
    }
    return (ArrayNode) v;
  }

  ObjectNode object(int i) {
    JsonNode v = get(i);
    if (!v.isObject()) {
      throw wrongType(i, "a JSON object", v);
    }
    return (ObjectNode) v;
  }

  boolean bool(int i) {
    JsonNode v = get(i);
    if (!v.isBoolean()) {
      throw wrongType(i, "a boolean", v);
    }
    return v.booleanValue();
  }

  /**
   * A number rounded to the nearest integer. AWS documents that non-integer values are rounded,
   * and its recorded results (MathAdd 1.5 -> 2, -1.5 -> -1, -2.5 -> -2) match Java's
   * {@code Math.round}: halves round towards positive infinity.
   */
  long integer(int i) {
    JsonNode v = get(i);
    if (!v.isNumber()) {
      throw wrongType(i, "a number", v);
    }
    BigDecimal rounded = v.decimalValue().add(HALF).setScale(0, RoundingMode.FLOOR);
    try {
      return rounded.longValueExact();
    } catch (ArithmeticException e) {
      throw fail("The value " + v + " of argument " + (i + 1) + " is out of range");
    }
  }

  /** {@link #integer} restricted to Java's int range, as AWS requires for math arguments. */
  int int32(int i) {
    long v = integer(i);
    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
      throw fail(
          "The value " + get(i) + " of argument " + (i + 1) + " must be an integer between "
              + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE);
    }
    return (int) v;
  }

  IntrinsicException fail(String reason) {
    return IntrinsicException.failure(reason);
  }

  private IntrinsicException wrongType(int i, String expected, JsonNode actual) {
    return fail(
        "Argument " + (i + 1) + " of " + function + " must be " + expected + ", but was "
            + (actual.isNull()
                ? "null"
                : JsonValues.typeName(actual) + ": " + JsonValues.compact(actual)));
  }
}
