package dev.statecraft.engine.core.intrinsic;

import dev.statecraft.asl.expr.IntrinsicFunction;
import java.util.EnumMap;
import java.util.Map;

/** Which implementation runs for each intrinsic function. */
final class IntrinsicTable {
  private static final Map<IntrinsicFunction, Intrinsic> TABLE = build();

  private IntrinsicTable() {}

  static Intrinsic get(IntrinsicFunction function) {
    return TABLE.get(function);
  }

  private static Map<IntrinsicFunction, Intrinsic> build() {
    Map<IntrinsicFunction, Intrinsic> t = new EnumMap<>(IntrinsicFunction.class);
    t.put(IntrinsicFunction.FORMAT, StringIntrinsics::format);
    t.put(IntrinsicFunction.STRING_SPLIT, StringIntrinsics::split);
    t.put(IntrinsicFunction.STRING_TO_JSON, JsonIntrinsics::stringToJson);
    t.put(IntrinsicFunction.JSON_TO_STRING, JsonIntrinsics::jsonToString);
    t.put(IntrinsicFunction.JSON_MERGE, JsonIntrinsics::merge);
    t.put(IntrinsicFunction.ARRAY, ArrayIntrinsics::array);
    t.put(IntrinsicFunction.ARRAY_PARTITION, ArrayIntrinsics::partition);
    t.put(IntrinsicFunction.ARRAY_CONTAINS, ArrayIntrinsics::contains);
    t.put(IntrinsicFunction.ARRAY_RANGE, ArrayIntrinsics::range);
    t.put(IntrinsicFunction.ARRAY_GET_ITEM, ArrayIntrinsics::getItem);
    t.put(IntrinsicFunction.ARRAY_LENGTH, ArrayIntrinsics::length);
    t.put(IntrinsicFunction.ARRAY_UNIQUE, ArrayIntrinsics::unique);
    t.put(IntrinsicFunction.BASE64_ENCODE, EncodingIntrinsics::base64Encode);
    t.put(IntrinsicFunction.BASE64_DECODE, EncodingIntrinsics::base64Decode);
    t.put(IntrinsicFunction.HASH, EncodingIntrinsics::hash);
    t.put(IntrinsicFunction.MATH_RANDOM, MathIntrinsics::random);
    t.put(IntrinsicFunction.MATH_ADD, MathIntrinsics::add);
    t.put(IntrinsicFunction.UUID, MathIntrinsics::uuid);
    if (t.size() != IntrinsicFunction.values().length) {
      throw new IllegalStateException("an intrinsic function has no implementation");
    }
    return Map.copyOf(t);
  }
}
