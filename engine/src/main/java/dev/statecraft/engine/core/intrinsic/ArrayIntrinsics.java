package dev.statecraft.engine.core.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.HashSet;
import java.util.Set;

/** States.Array, ArrayPartition, ArrayContains, ArrayRange, ArrayGetItem, ArrayLength, ArrayUnique. */
final class ArrayIntrinsics {
  /** AWS: "The newly generated array can't contain more than 1000 items." */
  static final int MAX_RANGE_ITEMS = 1000;

  private ArrayIntrinsics() {}

  /** The arguments, in order, as one array. */
  static JsonNode array(Args args) {
    ArrayNode out = JsonValues.NODES.arrayNode(args.size());
    args.all().forEach(out::add);
    return out;
  }

  /** Splits an array into chunks of the given (rounded, positive) size; the last may be shorter. */
  static JsonNode partition(Args args) {
    ArrayNode array = args.array(0);
    long size = args.integer(1);
    if (size <= 0) {
      throw args.fail("The chunk size " + args.get(1) + " must be a positive, non-zero integer");
    }
    ArrayNode out = JsonValues.NODES.arrayNode();
    ArrayNode chunk = null;
    for (JsonNode item : array) {
      if (chunk == null || chunk.size() == size) {
        chunk = out.addArray();
      }
      chunk.add(item);
    }
    return out;
  }

  /** Whether the array holds a value equal (numbers by value, objects by content) to the second. */
  static JsonNode contains(Args args) {
    ArrayNode array = args.array(0);
    String wanted = JsonValues.canonical(args.get(1));
    for (JsonNode item : array) {
      if (JsonValues.canonical(item).equals(wanted)) {
        return JsonValues.NODES.booleanNode(true);
      }
    }
    return JsonValues.NODES.booleanNode(false);
  }

  /** Integers from start to end inclusive by a non-zero step (AWS: ArrayRange(1, 9, 2) = [1,3,5,7,9]). */
  static JsonNode range(Args args) {
    // 32-bit bounds (AWS asks for integers) keep (end - start) / step free of overflow.
    long start = args.int32(0);
    long end = args.int32(1);
    long step = args.int32(2);
    if (step == 0) {
      throw args.fail("The step value of States.ArrayRange must be a non-zero integer");
    }
    long count = (step > 0 ? end >= start : end <= start) ? (end - start) / step + 1 : 0;
    if (count > MAX_RANGE_ITEMS) {
      throw args.fail(
          "States.ArrayRange would create " + count + " items, more than the maximum of "
              + MAX_RANGE_ITEMS);
    }
    ArrayNode out = JsonValues.NODES.arrayNode((int) count);
    for (long i = 0, v = start; i < count; i++, v += step) {
      out.add(JsonValues.integer(v));
    }
    return out;
  }

  /** The item at a 0-based index; an index outside the array is an error, not null. */
  static JsonNode getItem(Args args) {
    ArrayNode array = args.array(0);
    long index = args.integer(1);
    if (index < 0 || index >= array.size()) {
      throw args.fail(
          "The index " + args.get(1) + " is out of bounds for an array of length " + array.size());
    }
    return array.get((int) index);
  }

  static JsonNode length(Args args) {
    return JsonValues.integer(args.array(0).size());
  }

  /** The array without repeated values, keeping each value's first position. */
  static JsonNode unique(Args args) {
    ArrayNode array = args.array(0);
    Set<String> seen = new HashSet<>();
    ArrayNode out = JsonValues.NODES.arrayNode();
    for (JsonNode item : array) {
      if (seen.add(JsonValues.canonical(item))) {
        out.add(item);
      }
    }
    return out;
  }
}
