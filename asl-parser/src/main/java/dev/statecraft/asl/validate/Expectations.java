package dev.statecraft.asl.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Describes in words what a schema node accepts, for error messages: {@code {"type": "integer",
 * "minimum": 1}} reads "a positive integer", {@code {"enum": ["FULL", "NONE"]}} reads "one of
 * FULL, NONE".
 */
final class Expectations {
  private Expectations() {}

  static String describe(JsonNode schema) {
    if (schema.has("enum")) {
      List<String> values = new ArrayList<>();
      schema.get("enum").forEach(value -> values.add(value.asText()));
      return "one of " + String.join(", ", values);
    }
    if (schema.has("const")) {
      return "'" + schema.get("const").asText() + "'";
    }
    List<String> kinds = new ArrayList<>();
    JsonNode type = schema.path("type");
    if (type.isArray()) {
      type.forEach(t -> kinds.add(kind(t.asText(), schema)));
    } else if (type.isTextual()) {
      kinds.add(kind(type.asText(), schema));
    }
    return kinds.isEmpty() ? "valid here" : String.join(" or ", kinds);
  }

  /** Like {@link #describe} but only the numeric alternative, for a number out of range. */
  static String numeric(JsonNode schema) {
    JsonNode type = schema.path("type");
    Iterable<JsonNode> types = type.isArray() ? type : List.of(type);
    for (JsonNode t : types) {
      if (t.asText().equals("integer") || t.asText().equals("number")) {
        return kind(t.asText(), schema);
      }
    }
    return describe(schema);
  }

  private static String kind(String type, JsonNode schema) {
    return switch (type) {
      case "integer" -> integer(schema);
      case "number" -> number(schema);
      // Our only string pattern is the JSONata one: numbers may be given as expressions.
      case "string" -> schema.has("pattern") ? "a JSONata expression '{% ... %}'" : "a string";
      case "object" -> "an object";
      case "array" -> "an array";
      case "boolean" -> "a boolean (true or false)";
      case "null" -> "null";
      default -> type;
    };
  }

  private static String integer(JsonNode schema) {
    JsonNode min = schema.path("minimum");
    String base;
    if (min.isNumber() && min.asDouble() == 1) {
      base = "a positive integer";
    } else if (min.isNumber() && min.asDouble() == 0) {
      base = "a non-negative integer";
    } else if (min.isNumber()) {
      base = "an integer of at least " + min.asText();
    } else {
      base = "an integer";
    }
    return base;
  }

  private static String number(JsonNode schema) {
    JsonNode min = schema.path("minimum");
    JsonNode max = schema.path("maximum");
    if (min.isNumber() && max.isNumber()) {
      return "a number between " + min.asText() + " and " + max.asText();
    }
    if (min.isNumber()) {
      return "a number of at least " + min.asText();
    }
    return max.isNumber() ? "a number no greater than " + max.asText() : "a number";
  }
}
