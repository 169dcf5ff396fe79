package dev.statecraft.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statecraft.engine.api.ExpressExecution;
import dev.statecraft.engine.api.StatesApiException;
import dev.statecraft.engine.core.HistoryEvent;
import dev.statecraft.engine.core.Json;
import dev.statecraft.engine.store.ExecutionRecord;
import dev.statecraft.engine.store.StateMachineRecord;

/**
 * The JSON shapes the API answers with, in AWS's field names (shared by the REST resources and
 * the AWS JSON protocol), and the mapping of engine errors to HTTP errors.
 */
final class ApiJson {
  private ApiJson() {}

  /** AWS JSON 1.0 timestamps are epoch seconds (with a fraction). */
  static java.math.BigDecimal seconds(long millis) {
    return java.math.BigDecimal.valueOf(millis, 3); // plain decimal, no exponent
  }

  static ObjectNode stateMachine(StateMachineRecord r) {
    ObjectNode n = Json.object();
    n.put("stateMachineArn", r.arn());
    n.put("name", r.name());
    n.put("status", "ACTIVE");
    n.put("definition", r.definition());
    n.put("roleArn", r.roleArn());
    n.put("type", r.type().name());
    n.put("creationDate", seconds(r.createdMillis()));
    n.put("revisionId", String.valueOf(r.version()));
    return n;
  }

  static ObjectNode stateMachineListItem(StateMachineRecord r) {
    ObjectNode n = Json.object();
    n.put("stateMachineArn", r.arn());
    n.put("name", r.name());
    n.put("type", r.type().name());
    n.put("creationDate", seconds(r.createdMillis()));
    return n;
  }

  static ObjectNode execution(ExecutionRecord r) {
    ObjectNode n = executionListItem(r);
    withPayloads(n, r.input(), r.output(), r.error(), r.cause());
    n.put("redriveCount", r.redriveCount());
    return n;
  }

  static ObjectNode executionListItem(ExecutionRecord r) {
    return summary(r.arn(), r.stateMachineArn(), r.name(), r.status().name(), r.startMillis(),
        r.stopMillis());
  }

  static ObjectNode express(ExpressExecution e) {
    ObjectNode n = summary(e.executionArn(), e.stateMachineArn(), e.name(), e.status().name(),
        e.startMillis(), e.stopMillis());
    return withPayloads(n, e.input(), e.output(), e.error(), e.cause());
  }

  private static ObjectNode summary(String arn, String machineArn, String name, String status,
      long startMillis, long stopMillis) {
    ObjectNode n = Json.object();
    n.put("executionArn", arn);
    n.put("stateMachineArn", machineArn);
    n.put("name", name);
    n.put("status", status);
    n.put("startDate", seconds(startMillis));
    if (stopMillis > 0) {
      n.put("stopDate", seconds(stopMillis));
    }
    return n;
  }

  /** DescribeExecution's input/output (with their details) and error/cause when present. */
  private static ObjectNode withPayloads(ObjectNode n, String input, String output, String error,
      String cause) {
    n.put("input", input);
    n.putObject("inputDetails").put("included", true);
    if (output != null) {
      n.put("output", output);
      n.putObject("outputDetails").put("included", true);
    }
    if (error != null) {
      n.put("error", error);
    }
    if (cause != null) {
      n.put("cause", cause);
    }
    return n;
  }

  /** A history event as GetExecutionHistory shows it. */
  static ObjectNode event(HistoryEvent e) {
    ObjectNode n = Json.object();
    n.put("timestamp", seconds(e.timestampMillis()));
    n.put("type", e.type().name());
    n.put("id", e.id());
    n.put("previousEventId", e.previousEventId());
    if (e.type().detailsField() != null && e.details() != null) {
      n.set(e.type().detailsField(), e.details());
    }
    return n;
  }

  /** Engine errors become HTTP errors with the same AWS name. */
  static ApiException error(StatesApiException e) {
    String name = e.errorName();
    if (name.endsWith("DoesNotExist")) {
      return new ApiException.NotFound(name, e.getMessage());
    }
    if (name.endsWith("AlreadyExists")) {
      return new ApiException.Conflict(name, e.getMessage());
    }
    return new ApiException.BadRequest(name, e.getMessage());
  }

  /** Runs a route's work, turning engine errors into API errors with the same AWS name. */
  static <T> T call(java.util.concurrent.Callable<T> work) throws Exception {
    try {
      return work.call();
    } catch (StatesApiException e) {
      throw error(e);
    }
  }

  /** A required string field of a request body. */
  static String required(JsonNode body, String field) {
    JsonNode v = body.get(field);
    if (v == null || !v.isTextual() || v.asText().isEmpty()) {
      throw ApiException.validation("1 validation error detected: Value at '" + field
          + "' failed to satisfy constraint: Member must not be null");
    }
    return v.asText();
  }

  static String optional(JsonNode body, String field) {
    JsonNode v = body.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
