package dev.statecraft.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statecraft.engine.api.ExpressExecution;
import dev.statecraft.engine.api.StartResult;
import dev.statecraft.engine.api.StateTester;
import dev.statecraft.engine.api.StatesApiException;
import dev.statecraft.engine.api.StatesService;
import dev.statecraft.engine.core.ExecutionStatus;
import dev.statecraft.engine.core.HistoryEvent;
import dev.statecraft.engine.core.Json;
import dev.statecraft.engine.store.ExecutionRecord;
import dev.statecraft.engine.store.Page;
import dev.statecraft.engine.store.StateMachineRecord;
import dev.statecraft.engine.store.StateMachineType;
import java.util.function.Function;

/**
 * The AWS Step Functions operations on state machines and executions, each a small function
 * from the request JSON to the response JSON, over {@link StatesService}.
 */
final class StatesActions {
  private final StatesService service;

  StatesActions(StatesService service) {
    this.service = service;
  }

  void registerAll(AwsJsonProtocol aws) {
    aws.register("CreateStateMachine", guarded(this::createStateMachine))
        .register("DescribeStateMachine", guarded(this::describeStateMachine))
        .register("UpdateStateMachine", guarded(this::updateStateMachine))
        .register("DeleteStateMachine", guarded(this::deleteStateMachine))
        .register("ListStateMachines", guarded(this::listStateMachines))
        .register("StartExecution", guarded(this::startExecution))
        .register("StartSyncExecution", guarded(this::startSyncExecution))
        .registerInline("StartSyncExecution", guarded(this::startSyncExecutionInline))
        .register("DescribeExecution", guarded(this::describeExecution))
        .register("DescribeStateMachineForExecution",
            guarded(this::describeStateMachineForExecution))
        .register("ListExecutions", guarded(this::listExecutions))
        .register("GetExecutionHistory", guarded(this::getExecutionHistory))
        .register("StopExecution", guarded(this::stopExecution))
        .register("RedriveExecution", guarded(this::redriveExecution))
        .register("TestState", guarded(this::testState));
  }

  /** Turns the engine's exceptions into API errors with the same AWS name. */
  static AwsAction guarded(Function<JsonNode, JsonNode> action) {
    return request -> {
      try {
        return action.apply(request);
      } catch (StatesApiException e) {
        throw ApiJson.error(e);
      }
    };
  }

  JsonNode createStateMachine(JsonNode r) {
    String type = ApiJson.optional(r, "type");
    StateMachineType t;
    try {
      t = type == null ? StateMachineType.STANDARD : StateMachineType.valueOf(type);
    } catch (IllegalArgumentException e) {
      throw ApiException.validation("Value '" + type + "' at 'type' failed to satisfy"
          + " constraint: Member must satisfy enum value set: [STANDARD, EXPRESS]");
    }
    StateMachineRecord m = service.createStateMachine(ApiJson.required(r, "name"),
        ApiJson.required(r, "definition"), ApiJson.optional(r, "roleArn"), t);
    ObjectNode out = Json.object();
    out.put("stateMachineArn", m.arn());
    out.put("creationDate", ApiJson.seconds(m.createdMillis()));
    return out;
  }

  JsonNode describeStateMachine(JsonNode r) {
    return ApiJson.stateMachine(service.describeStateMachine(
        ApiJson.required(r, "stateMachineArn")));
  }

  JsonNode updateStateMachine(JsonNode r) {
    StateMachineRecord m = service.updateStateMachine(ApiJson.required(r, "stateMachineArn"),
        ApiJson.optional(r, "definition"), ApiJson.optional(r, "roleArn"));
    ObjectNode out = Json.object();
    out.put("updateDate", ApiJson.seconds(m.versionMillis()));
    out.put("revisionId", String.valueOf(m.version()));
    return out;
  }

  JsonNode deleteStateMachine(JsonNode r) {
    service.deleteStateMachine(ApiJson.required(r, "stateMachineArn"));
    return Json.object();
  }

  JsonNode listStateMachines(JsonNode r) {
    Page<StateMachineRecord> page = service.listStateMachines(ApiJson.optional(r, "nextToken"),
        r.has("maxResults") ? r.get("maxResults").asInt() : null);
    ObjectNode out = Json.object();
    ArrayNode items = out.putArray("stateMachines");
    page.items().forEach(m -> items.add(ApiJson.stateMachineListItem(m)));
    if (page.nextToken() != null) {
      out.put("nextToken", page.nextToken());
    }
    return out;
  }

  JsonNode startExecution(JsonNode r) {
    StartResult s = service.startExecution(ApiJson.required(r, "stateMachineArn"),
        ApiJson.optional(r, "name"), ApiJson.optional(r, "input"));
    ObjectNode out = Json.object();
    out.put("executionArn", s.executionArn());
    out.put("startDate", ApiJson.seconds(s.startMillis()));
    return out;
  }

  JsonNode startSyncExecution(JsonNode r) {
    return syncAnswer(service.startSyncExecution(ApiJson.required(r, "stateMachineArn"),
        ApiJson.optional(r, "name"), ApiJson.optional(r, "input")));
  }

  /** The event-loop path of StartSyncExecution; null when the full path must run. */
  JsonNode startSyncExecutionInline(JsonNode r) {
    ExpressExecution e = service.tryStartSyncExecutionInline(
        ApiJson.required(r, "stateMachineArn"), ApiJson.optional(r, "name"),
        ApiJson.optional(r, "input"));
    return e == null ? null : syncAnswer(e);
  }

  private static JsonNode syncAnswer(ExpressExecution e) {
    ObjectNode out = ApiJson.express(e);
    out.putObject("billingDetails").put("billedMemoryUsedInMB", 64)
        .put("billedDurationInMilliseconds", Math.max(100, e.stopMillis() - e.startMillis()));
    return out;
  }

  JsonNode describeExecution(JsonNode r) {
    return ApiJson.execution(service.describeExecution(ApiJson.required(r, "executionArn")));
  }

  JsonNode describeStateMachineForExecution(JsonNode r) {
    ExecutionRecord e = service.describeExecution(ApiJson.required(r, "executionArn"));
    ObjectNode out = ApiJson.stateMachine(service.stateMachineVersion(e.stateMachineArn(),
        e.stateMachineVersion()));
    out.put("updateDate", out.get("creationDate").asDouble());
    return out;
  }

  JsonNode listExecutions(JsonNode r) {
    String status = ApiJson.optional(r, "statusFilter");
    ExecutionStatus filter;
    try {
      filter = status == null ? null : ExecutionStatus.valueOf(status);
    } catch (IllegalArgumentException e) {
      throw ApiException.validation("Value '" + status + "' at 'statusFilter' failed to satisfy"
          + " constraint: Member must satisfy enum value set");
    }
    Page<ExecutionRecord> page = service.listExecutions(
        ApiJson.required(r, "stateMachineArn"), filter, ApiJson.optional(r, "nextToken"),
        r.has("maxResults") ? r.get("maxResults").asInt() : null);
    ObjectNode out = Json.object();
    ArrayNode items = out.putArray("executions");
    page.items().forEach(e -> items.add(ApiJson.executionListItem(e)));
    if (page.nextToken() != null) {
      out.put("nextToken", page.nextToken());
    }
    return out;
  }

  JsonNode getExecutionHistory(JsonNode r) {
    Page<HistoryEvent> page = service.getExecutionHistory(ApiJson.required(r, "executionArn"),
        ApiJson.optional(r, "nextToken"), r.has("maxResults") ? r.get("maxResults").asInt() : null,
        r.path("reverseOrder").asBoolean(false));
    ObjectNode out = Json.object();
    ArrayNode events = out.putArray("events");
    page.items().forEach(e -> events.add(ApiJson.event(e)));
    if (page.nextToken() != null) {
      out.put("nextToken", page.nextToken());
    }
    return out;
  }

  JsonNode stopExecution(JsonNode r) {
    ExecutionRecord e = service.stopExecution(ApiJson.required(r, "executionArn"),
        ApiJson.optional(r, "error"), ApiJson.optional(r, "cause"));
    ObjectNode out = Json.object();
    out.put("stopDate", ApiJson.seconds(e.stopMillis() > 0 ? e.stopMillis()
        : System.currentTimeMillis()));
    return out;
  }

  JsonNode testState(JsonNode r) {
    String levelName = ApiJson.optional(r, "inspectionLevel");
    StateTester.InspectionLevel level;
    try {
      level = levelName == null ? StateTester.InspectionLevel.INFO
          : StateTester.InspectionLevel.valueOf(levelName);
    } catch (IllegalArgumentException e) {
      throw ApiException.validation("Value '" + levelName + "' at 'inspectionLevel' failed to"
          + " satisfy constraint: Member must satisfy enum value set: [INFO, DEBUG, TRACE]");
    }
    var o = service.testState(new StateTester.Request(ApiJson.required(r, "definition"),
        ApiJson.optional(r, "stateName"), ApiJson.optional(r, "input"),
        ApiJson.optional(r, "variables"), mock(r.get("mock")), level));
    ObjectNode out = Json.object();
    if (!o.inspectionData().isEmpty()) {
      ObjectNode data = out.putObject("inspectionData");
      o.inspectionData().forEach(data::put); // each stage as JSON text, as AWS sends it
    }
    out.put("status", o.status());
    if (o.output() != null) {
      out.put("output", o.output());
    }
    if (o.error() != null) {
      out.put("error", o.error());
    }
    if (o.cause() != null) {
      out.put("cause", o.cause());
    }
    if (o.nextState() != null) {
      out.put("nextState", o.nextState());
    }
    return out;
  }

  /**
   * TestState's {@code mock}: {@code result} (JSON text) or {@code errorOutput} ({@code error},
   * {@code cause}); {@code fieldValidationMode} is accepted, but no API model is checked.
   */
  private static StateTester.Mock mock(JsonNode m) {
    if (m == null || m.isNull()) {
      return null;
    }
    if (!m.isObject()) {
      throw ApiException.validation("'mock' must be an object with 'result' or 'errorOutput'");
    }
    String result = ApiJson.optional(m, "result");
    JsonNode error = m.get("errorOutput");
    if ((result == null) == (error == null || error.isNull())) {
      throw ApiException.validation("'mock' needs exactly one of 'result' and 'errorOutput'");
    }
    if (result != null) {
      try {
        return new StateTester.Mock(Json.parse(result), null, null);
      } catch (RuntimeException e) {
        throw ApiException.validation("'mock.result' is not valid JSON");
      }
    }
    if (!error.isObject()) {
      throw ApiException.validation("'mock.errorOutput' must be an object with 'error' and"
          + " 'cause'");
    }
    return new StateTester.Mock(null, ApiJson.optional(error, "error"),
        ApiJson.optional(error, "cause"));
  }

  JsonNode redriveExecution(JsonNode r) {
    StartResult s = service.redriveExecution(ApiJson.required(r, "executionArn"));
    ObjectNode out = Json.object();
    out.put("redriveDate", ApiJson.seconds(s.startMillis()));
    return out;
  }
}
