package dev.statecraft.asl.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.path.NodePath;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns the validator's errors into diagnostics a person understands. The validator's own texts
 * ("integer found, boolean expected", "property 'x' is not defined in the schema...") speak of
 * schemas; ours speak of states and fields, e.g. {@code Task state has an unknown field 'x'}.
 *
 * <p>Expectations ("a positive integer", "one of INLINE, DISTRIBUTED") are read from the schema
 * node that failed, so the texts follow the schema when it changes.
 */
final class SchemaMessages {
  private static final Set<String> STATE_TYPES =
      Set.of("Pass", "Task", "Choice", "Wait", "Succeed", "Fail", "Parallel", "Map");

  private final JsonNode schemaRoot;

  SchemaMessages(JsonNode schemaRoot) {
    this.schemaRoot = schemaRoot;
  }

  Diagnostic toDiagnostic(com.networknt.schema.Error error) {
    List<Object> path = elements(error.getInstanceLocation());
    String keyword = error.getKeyword() == null ? "" : error.getKeyword();
    String pointer = Pointers.of(path);
    String message;
    switch (keyword) {
      case "additionalProperties" -> {
        String field = argument(error);
        pointer = Pointers.of(append(path, field));
        message = owner(path, error.getInstanceNode()) + " has an unknown field '" + field + "'";
      }
      case "required" ->
          message = "The field '" + argument(error) + "' is required but was missing";
      case "type", "unionType", "pattern" ->
          message = field(path) + " must be " + Expectations.describe(failedSchema(error));
      case "minimum", "exclusiveMinimum" ->
          message = field(path) + " must be " + Expectations.numeric(failedSchema(error));
      case "maximum", "exclusiveMaximum" ->
          message = field(path) + " must be at most " + failedSchema(error).path(keyword).asText();
      case "maxLength" ->
          message = field(path) + " must be at most "
              + failedSchema(error).path("maxLength").asText() + " characters long";
      case "enum", "const" ->
          message = field(path) + " must be " + Expectations.describe(failedSchema(error))
              + ", not " + shown(error.getInstanceNode());
      case "minItems", "minProperties" -> message = field(path) + " must not be empty";
      default -> message = field(path) + " " + error.getMessage();
    }
    return Diagnostic.error(DiagnosticCodes.SCHEMA_VALIDATION_FAILED, pointer, message);
  }

  /** The schema object holding the failed keyword, looked up in our own copy of the schema. */
  private JsonNode failedSchema(com.networknt.schema.Error error) {
    NodePath keywordPath = error.getSchemaLocation().getFragment();
    JsonNode node = schemaRoot;
    // The last element is the keyword itself; its parent is the schema that declared it.
    for (int i = 0; i < keywordPath.getNameCount() - 1; i++) {
      Object element = keywordPath.getElement(i);
      node = element instanceof Integer index ? node.path(index) : node.path(element.toString());
    }
    return node;
  }

  /** The offending property name: networknt reports it as the property or first argument. */
  private static String argument(com.networknt.schema.Error error) {
    if (error.getProperty() != null) {
      return error.getProperty();
    }
    Object[] arguments = error.getArguments();
    return arguments != null && arguments.length > 0 ? String.valueOf(arguments[0]) : "?";
  }

  /** How to name the value at {@code path} in a sentence: {@code 'TimeoutSeconds'}, etc. */
  static String field(List<Object> path) {
    if (path.isEmpty()) {
      return "The state machine definition";
    }
    Object last = path.get(path.size() - 1);
    Object parent = path.size() > 1 ? path.get(path.size() - 2) : null;
    if (last instanceof Integer index) {
      return "Element " + index + " of '" + parent + "'";
    }
    if ("States".equals(parent)) {
      return "State '" + last + "'";
    }
    return "'" + last + "'";
  }

  /** How to name the object at {@code path} that has an unexpected field. */
  static String owner(List<Object> path, JsonNode node) {
    if (path.isEmpty()) {
      return "The state machine";
    }
    Object last = path.get(path.size() - 1);
    Object parent = path.size() > 1 ? path.get(path.size() - 2) : null;
    if ("States".equals(parent)) {
      String type = node == null ? "" : node.path("Type").asText("");
      return STATE_TYPES.contains(type) ? type + " state" : "State '" + last + "'";
    }
    if (last instanceof Integer index) {
      return switch (String.valueOf(parent)) {
        case "Retry" -> "Retrier";
        case "Catch" -> "Catcher";
        case "Choices", "And", "Or" -> "Choice rule";
        case "Branches" -> "Parallel branch";
        default -> "Element " + index + " of '" + parent + "'";
      };
    }
    return "Not".equals(last) ? "Choice rule" : String.valueOf(last);
  }

  /** A value as quoted in a message: strings in single quotes, anything else as JSON. */
  private static String shown(JsonNode value) {
    return value != null && value.isTextual() ? "'" + value.asText() + "'" : String.valueOf(value);
  }

  private static List<Object> elements(NodePath nodePath) {
    List<Object> out = new ArrayList<>();
    if (nodePath != null) {
      for (int i = 0; i < nodePath.getNameCount(); i++) {
        out.add(nodePath.getElement(i));
      }
    }
    return out;
  }

  private static List<Object> append(List<Object> path, Object element) {
    List<Object> out = new ArrayList<>(path);
    out.add(element);
    return out;
  }
}
