package dev.statecraft.integrations.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statecraft.engine.core.Json;
import dev.statecraft.engine.spi.TaskResult;
import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Lambda's unhandled-error behaviour: the task fails with the function's error type as the error
 * name and Lambda's error document as the cause, e.g. error {@code CustomError}, cause {@code
 * {"errorMessage":"This is a custom error!","errorType":"CustomError","stackTrace":[…]}} — the
 * shape Step Functions shows for a failed Lambda task, which definitions often parse with {@code
 * States.StringToJson($.Cause)}.
 */
final class LambdaErrors {
  /** Lambda's error when a function failed without saying what kind of error it was. */
  static final String UNKNOWN = "Lambda.Unknown";
  /** Lambda's error when the service itself could not run the function. */
  static final String SERVICE_EXCEPTION = "Lambda.ServiceException";

  private static final int MAX_FRAMES = 20;

  private LambdaErrors() {}

  /** The failure for an exception thrown by a Java function. */
  static TaskResult.Failure fromException(Throwable thrown) {
    Throwable e = unwrap(thrown);
    String type = e instanceof FunctionError f ? f.errorType() : e.getClass().getSimpleName();
    ObjectNode doc = Json.object();
    if (e.getMessage() != null) {
      doc.put("errorMessage", e.getMessage());
    }
    doc.put("errorType", type);
    ArrayNode trace = doc.putArray("stackTrace");
    StackTraceElement[] frames = e.getStackTrace();
    for (int i = 0; i < Math.min(frames.length, MAX_FRAMES); i++) {
      trace.add(frames[i].toString());
    }
    return new TaskResult.Failure(type, Json.write(doc));
  }

  /**
   * The failure for an error answer of a function served over HTTP: its {@code errorType} when the
   * body is a Lambda error document, else {@link #UNKNOWN}.
   */
  static TaskResult.Failure fromErrorBody(String body, int status, String url) {
    try {
      JsonNode doc = body == null || body.isBlank() ? null : Json.parse(body);
      if (doc != null && doc.path("errorType").isTextual()) {
        return new TaskResult.Failure(doc.get("errorType").asText(), body);
      }
    } catch (RuntimeException notJson) {
      // falls through: a plain-text error answer
    }
    return new TaskResult.Failure(UNKNOWN, "The cause could not be determined because Lambda did"
        + " not return an error type. Returned payload: " + (body == null ? "" : body)
        + " (HTTP " + status + " from " + url + ")");
  }

  static Throwable unwrap(Throwable e) {
    Throwable t = e;
    while ((t instanceof CompletionException || t instanceof ExecutionException
        || t instanceof InvocationTargetException) && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }
}
