package dev.statecraft.asl.expr;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The intrinsic functions of ASL (JSONPath query language) and how many arguments each takes.
 * The parser checks argument counts against this table; the engine checks types and values.
 */
public enum IntrinsicFunction {
  FORMAT("States.Format", 1, Integer.MAX_VALUE),
  STRING_TO_JSON("States.StringToJson", 1, 1),
  JSON_TO_STRING("States.JsonToString", 1, 1),
  ARRAY("States.Array", 0, Integer.MAX_VALUE),
  ARRAY_PARTITION("States.ArrayPartition", 2, 2),
  ARRAY_CONTAINS("States.ArrayContains", 2, 2),
  ARRAY_RANGE("States.ArrayRange", 3, 3),
  ARRAY_GET_ITEM("States.ArrayGetItem", 2, 2),
  ARRAY_LENGTH("States.ArrayLength", 1, 1),
  ARRAY_UNIQUE("States.ArrayUnique", 1, 1),
  BASE64_ENCODE("States.Base64Encode", 1, 1),
  BASE64_DECODE("States.Base64Decode", 1, 1),
  HASH("States.Hash", 2, 2),
  JSON_MERGE("States.JsonMerge", 3, 3),
  MATH_RANDOM("States.MathRandom", 2, 3),
  MATH_ADD("States.MathAdd", 2, 2),
  STRING_SPLIT("States.StringSplit", 2, 2),
  UUID("States.UUID", 0, 0);

  private static final Map<String, IntrinsicFunction> BY_NAME =
      Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(f -> f.fullName, Function.identity()));

  private final String fullName;
  private final int minArgs;
  private final int maxArgs;

  IntrinsicFunction(String fullName, int minArgs, int maxArgs) {
    this.fullName = fullName;
    this.minArgs = minArgs;
    this.maxArgs = maxArgs;
  }

  /** The name as written in ASL, for example {@code States.Format}. */
  public String fullName() {
    return fullName;
  }

  public int minArgs() {
    return minArgs;
  }

  /** The largest argument count, {@link Integer#MAX_VALUE} for variadic functions. */
  public int maxArgs() {
    return maxArgs;
  }

  /** Looks a function up by its full, case-sensitive name. */
  public static Optional<IntrinsicFunction> byName(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }

  /** A readable description of the allowed argument count, for error messages. */
  String arity() {
    if (minArgs == maxArgs) {
      return minArgs + (minArgs == 1 ? " argument" : " arguments");
    }
    if (maxArgs == Integer.MAX_VALUE) {
      return "at least " + minArgs + (minArgs == 1 ? " argument" : " arguments");
    }
    return minArgs + " to " + maxArgs + " arguments";
  }
}
