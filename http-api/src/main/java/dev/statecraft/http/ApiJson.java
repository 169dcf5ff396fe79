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
    ObjectNode n = Json.object();
    n.put("executionArn", r.arn());
    n.put("stateMachineArn", r.stateMachineArn());
    n.put("name", r.name());
    n.put("status", r.status().name());
    n.put("startDate", seconds(r.startMillis()));
    if (r.stopMillis() > 0) {
      n.put("stopDate", seconds(r.stopMillis()));
    }
    n.put("input", r.input());
    n.putObject("inputDetails").put("included", true);
    if (r.output() != null) {
      n.put("output", r.output());
      n.putObject("outputDetails").put("included", true);
    }
    if (r.error() != null) {
      n.put("error", r.error());
    }
    if (r.cause() != null) {
      n.put("cause", r.cause());
    }
    n.put("redriveCount", r.redriveCount());
    return n;
  }

  static ObjectNode executionListItem(ExecutionRecord r) {
    ObjectNode n = Json.object();
    n.put("executionArn", r.arn());
    n.put("stateMachineArn", r.stateMachineArn());
    n.put("name", r.name());
    n.put("status", r.status().name());
    n.put("startDate", seconds(r.startMillis()));
    if (r.stopMillis() > 0) {
      n.put("stopDate", seconds(r.stopMillis()));
    }
    return n;
  }

  static ObjectNode express(ExpressExecution e) {
    ObjectNode n = Json.object();
    n.put("executionArn", e.executionArn());
    n.put("stateMachineArn", e.stateMachineArn());
    n.put("name", e.name());
    n.put("status", e.status().name());
    n.put("startDate", seconds(e.startMillis()));
    if (e.stopMillis() > 0) {
      n.put("stopDate", seconds(e.stopMillis()));
    }
    n.put("input", e.input());
    n.putObject("inputDetails").put("included", true);
    if (e.output() != null) {
      n.put("output", e.output());
      n.putObject("outputDetails").put("included", true);
    }
    if (e.error() != null) {
      n.put("error", e.error());
    }
    if (e.cause() != null) {
      n.put("cause", e.cause());
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
