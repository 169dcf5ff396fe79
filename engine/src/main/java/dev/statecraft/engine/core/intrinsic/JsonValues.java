package dev.statecraft.engine.core.intrinsic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** JSON helpers shared by the intrinsic functions: printing, parsing, equality, numbers. */
final class JsonValues {
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private JsonValues() {}

  /** Compact JSON text, as AWS prints JSON in {@code States.JsonToString} and in causes. */
  static String compact(JsonNode node) {
    if (node == null) {
      return "null";
    }
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise JSON", e);
    }
  }

  /**
   * The text {@code States.Format} puts in place of a {@code {}}. AWS's recorded output shows
   * Java's {@code toString} of its parsed values: strings bare, objects as {@code {a=1, b=[]}},
   * arrays as {@code [1, 2]}, null as {@code null}.
   */
  static String formatText(JsonNode node) {
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isObject()) {
      StringBuilder out = new StringBuilder("{");
      Iterator<Map.Entry<String, JsonNode>> fields = node.properties().iterator();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> e = fields.next();
        out.append(e.getKey()).append('=').append(formatText(e.getValue()));
        if (fields.hasNext()) {
          out.append(", ");
        }
      }
      return out.append('}').toString();
    }
    if (node.isArray()) {
      List<String> items = new ArrayList<>();
      node.forEach(item -> items.add(formatText(item)));
      return "[" + String.join(", ", items) + "]";
    }
    if (node.isNull() || node.isMissingNode()) {
      return "null";
    }
    return node.asText();
  }

  /**
   * A canonical text for equality: object keys sorted, numbers by value (so 1, 1.0 and 1e0 are
   * one value). Two JSON values are equal exactly when their canonical texts are equal.
   */
  static String canonical(JsonNode node) {
    StringBuilder out = new StringBuilder();
    canonical(node, out);
    return out.toString();
  }

  private static void canonical(JsonNode node, StringBuilder out) {
    if (node.isNumber()) {
      BigDecimal d = node.decimalValue();
      out.append(d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString());
    } else if (node.isObject()) {
      List<String> keys = new ArrayList<>();
      node.fieldNames().forEachRemaining(keys::add);
      keys.sort(null);
      out.append('{');
      for (String k : keys) {
        out.append(compact(NODES.textNode(k))).append(':');
        canonical(node.get(k), out);
        out.append(',');
      }
      out.append('}');
    } else if (node.isArray()) {
      out.append('[');
      for (JsonNode item : node) {
        canonical(item, out);
        out.append(',');
      }
      out.append(']');
    } else {
      out.append(compact(node));
    }
  }

  /** An integer node that stays an int when it fits (AWS prints integers without a fraction). */
  static JsonNode integer(long value) {
    return value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE
        ? NODES.numberNode((int) value)
        : NODES.numberNode(value);
  }

  static String typeName(JsonNode node) {
    return switch (node.getNodeType()) {
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case ARRAY -> "an array";
      case OBJECT -> "a JSON object";
      default -> "null";
    };
  }
}
