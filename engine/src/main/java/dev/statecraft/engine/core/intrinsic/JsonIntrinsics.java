package dev.statecraft.engine.core.intrinsic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** States.StringToJson, States.JsonToString and States.JsonMerge. */
final class JsonIntrinsics {
  private JsonIntrinsics() {}

  /** Parses JSON text. AWS returns null for an empty or blank string rather than failing. */
  static JsonNode stringToJson(Args args) {
    String text = args.string(0);
    if (text.isBlank()) {
      return JsonValues.NODES.nullNode();
    }
    try {
      return JsonValues.MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw args.fail("The string '" + text + "' is not valid JSON");
    }
  }

  /** Compact JSON text of any value. */
  static JsonNode jsonToString(Args args) {
    return JsonValues.NODES.textNode(JsonValues.compact(args.get(0)));
  }

  /**
   * Shallow merge: the second object's keys replace the first's. AWS supports only shallow mode,
   * so the third argument must be false.
   */
  static JsonNode merge(Args args) {
    ObjectNode left = args.object(0);
    ObjectNode right = args.object(1);
    if (args.bool(2)) {
      throw args.fail("States.JsonMerge supports only shallow merging: the third argument must be false");
    }
    ObjectNode out = left.deepCopy();
    right.properties().forEach(e -> out.set(e.getKey(), e.getValue()));
    return out;
  }
}
