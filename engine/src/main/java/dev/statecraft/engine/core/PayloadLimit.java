package dev.statecraft.engine.core;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * AWS's 256 KiB limit on state results and execution input/output. Sizes are counted on the
 * tree (UTF-16 length of strings as an estimate of bytes, plus punctuation) and the walk stops
 * as soon as the limit is passed, so small payloads cost little.
 */
final class PayloadLimit {
  static final long MAX_BYTES = 256 * 1024;

  private PayloadLimit() {}

  static boolean exceeds(JsonNode node) {
    return size(node, MAX_BYTES + 1) > MAX_BYTES;
  }

  /** The compact JSON size of {@code node}, or some value above {@code cap} once it passes it. */
  private static long size(JsonNode node, long cap) {
    if (node == null) {
      return 4;
    }
    if (node.isTextual()) {
      return node.textValue().length() + 2L;
    }
    if (node.isObject()) {
      long total = 2;
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        total += e.getKey().length() + 4 + size(e.getValue(), cap - total);
        if (total > cap) {
          return total;
        }
      }
      return total;
    }
    if (node.isArray()) {
      long total = 2;
      for (JsonNode item : node) {
        total += 1 + size(item, cap - total);
        if (total > cap) {
          return total;
        }
      }
      return total;
    }
    return node.isNumber() ? node.asText().length() : 5;
  }

  /** The error AWS raises when a state's result is too large. */
  static StateFailure tooLarge(String stateName) {
    return new StateFailure(dev.statecraft.asl.model.ErrorNames.DATA_LIMIT_EXCEEDED,
        "The state/task '" + stateName + "' returned a result with a size exceeding the maximum"
            + " number of bytes service limit.");
  }
}
