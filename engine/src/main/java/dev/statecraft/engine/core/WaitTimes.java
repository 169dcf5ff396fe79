package dev.statecraft.engine.core;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statecraft.asl.expr.Template;
import dev.statecraft.asl.model.ErrorNames;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Evaluates a Wait state's Seconds / Timestamp, with AWS's checks and error texts. */
final class WaitTimes {
  private WaitTimes() {}

  static long seconds(Template t, EvalContext c) {
    JsonNode v = TemplateEvaluator.evaluate(t, c, "Seconds");
    String source = describe(t, v);
    String error = t instanceof Template.JsonataValue ? ErrorNames.QUERY_EVALUATION_ERROR
        : ErrorNames.RUNTIME;
    String field = t instanceof Template.PathValue ? "SecondsPath parameter" : "Seconds field";
    if (!v.isNumber() || !v.isIntegralNumber() && v.doubleValue() != Math.rint(v.doubleValue())) {
      throw new StateFailure(error, "The " + field + " cannot be parsed as a long value: "
          + source);
    }
    if (v.asLong() < 0) {
      throw new StateFailure(error, "The " + field + " references a negative value: " + source);
    }
    return v.asLong();
  }

  /** The due time in epoch milliseconds. */
  static long timestamp(Template t, EvalContext c) {
    JsonNode v = TemplateEvaluator.evaluate(t, c, "Timestamp");
    String text = v.isTextual() ? v.asText() : Json.write(v);
    if (v.isTextual() && text.contains("T") && !text.contains("t") && !text.contains("z")) {
      try {
        return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant()
            .toEpochMilli();
      } catch (DateTimeParseException e) {
        // reported below
      }
    }
    if (t instanceof Template.PathValue) {
      throw new StateFailure(ErrorNames.RUNTIME, "The TimestampPath parameter does not reference"
          + " a valid ISO-8601 extended offset date-time format string: " + describe(t, v));
    }
    throw new StateFailure(t instanceof Template.JsonataValue ? ErrorNames.QUERY_EVALUATION_ERROR
        : ErrorNames.RUNTIME, "The Timestamp field cannot be parsed as an ISO-8601 extended"
            + " offset date-time format string: " + text);
  }

  /** {@code $.path == value} for path fields (AWS's wording), else the value. */
  private static String describe(Template t, JsonNode v) {
    String shown = v.isTextual() ? v.asText() : Json.write(v);
    return t instanceof Template.PathValue p ? p.path().text() + " == " + shown : shown;
  }
}
