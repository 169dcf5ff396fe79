package dev.statecraft.engine.core.jsonata;

import com.dashjoin.jsonata.JException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.statecraft.asl.expr.JsonataExpr;
import dev.statecraft.asl.model.ErrorNames;
import dev.statecraft.engine.core.StateFailure;
import java.util.regex.Pattern;

/**
 * The {@code States.QueryEvaluationError} failures AWS raises for JSONata fields, with AWS's
 * cause texts. AWS prefixes each cause with "An error occurred while executing the state 'X'
 * (entered at the event id #N). "; the interpreter knows those and adds them, not this class.
 *
 * <p>{@code field} is the field's path within the state as AWS writes it, for example
 * {@code Output}, {@code Output/result}, {@code Assign/x}, {@code Items}, {@code Seconds}.
 */
public final class JsonataCauses {
  private static final Pattern ERROR_CODE = Pattern.compile("[A-Z]\\d{4}");
  /** What dashjoin puts before a message whose code is not in its catalog. */
  private static final String UNKNOWN_CODE_PREFIX = "JSonataException ";

  private JsonataCauses() {}

  /** The expression gave undefined where the field needs a value. */
  public static StateFailure undefinedResult(JsonataExpr expr, String field) {
    return failure(
        "The JSONata expression '" + expr.expression() + "' specified for the field '" + field
            + "' returned nothing (undefined).");
  }

  /**
   * The expression gave a value of the wrong JSON type, e.g. a number for a Map's Items.
   *
   * @param expected AWS's type word: array, object, string, number, boolean, null
   */
  public static StateFailure unexpectedType(
      JsonataExpr expr, String field, String expected, JsonNode value) {
    return failure(
        "The JSONata expression '" + expr.expression() + "' specified for the field '" + field
            + "' returned an unexpected result type. Expected '" + expected + "', but was '"
            + typeName(value) + "' for value: " + value);
  }

  /** The expression gave a value JSON has no form for, a function ("$f := function($x){$x}"). */
  public static StateFailure unsupportedResultType(JsonataExpr expr, String field) {
    return failure(
        "The JSONata expression '" + expr.expression() + "' specified for the field '" + field
            + "' returned an unsupported result type.");
  }

  /**
   * Evaluation threw. With a field: "The JSONata expression 'e' specified for the field 'f'
   * threw an error during evaluation. T2001: ..."; without one, just the JSONata message.
   */
  static StateFailure evaluationError(JsonataExpr expr, String field, String message) {
    if (field == null) {
      return failure(message);
    }
    boolean coded = message.length() > 5 && ERROR_CODE.matcher(message.substring(0, 5)).matches();
    return failure(
        "The JSONata expression '" + expr.expression() + "' specified for the field '" + field
            + "' threw an error during evaluation" + (coded ? ". " : ": ") + message);
  }

  /** "CODE: message" as jsonata-js words it, from a dashjoin exception. */
  static String message(JException e) {
    String code = e.getError();
    if (code == null) {
      return e.getMessage() == null ? "JSONata evaluation failed" : e.getMessage();
    }
    if (!ERROR_CODE.matcher(code).matches()) {
      return code; // our own functions throw with the whole "CODE: message" in the code slot
    }
    String rendered = JException.msg(code, -1, CURRENT, EXPECTED);
    if (rendered.equals(UNKNOWN_CODE_PREFIX + code)) {
      return e.getMessage() == null ? code : e.getMessage();
    }
    // dashjoin quotes every inserted value and its catalog says "Object" where jsonata-js says
    // "function"; render the values as jsonata-js does (JSON) and restore the word.
    String text =
        OBJECT_WORD
            .matcher(rendered)
            .replaceAll("function")
            .replace('"' + CURRENT + '"', json(e.getCurrent()))
            .replace('"' + EXPECTED + '"', json(e.getExpected()))
            .replace(CURRENT, String.valueOf(e.getCurrent()))
            .replace(EXPECTED, String.valueOf(e.getExpected()));
    return code + ": " + text;
  }

  private static final String CURRENT = "\u0000current\u0000";
  private static final String EXPECTED = "\u0000expected\u0000";
  private static final Pattern OBJECT_WORD = Pattern.compile("\\bObject\\b");

  private static String json(Object value) {
    try {
      JsonNode node = JsonataValues.toJson(value);
      return node == null ? "undefined" : node.toString();
    } catch (RuntimeException e) {
      return String.valueOf(value);
    }
  }

  /** AWS's word for a JSON value's type. */
  public static String typeName(JsonNode value) {
    return switch (value.getNodeType()) {
      case ARRAY -> "array";
      case OBJECT, POJO -> "object";
      case STRING, BINARY -> "string";
      case NUMBER -> "number";
      case BOOLEAN -> "boolean";
      case NULL, MISSING -> "null";
    };
  }

  private static StateFailure failure(String cause) {
    return new StateFailure(ErrorNames.QUERY_EVALUATION_ERROR, cause);
  }
}
