package dev.statecraft.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statecraft.engine.api.StatesService;
import dev.statecraft.engine.core.ExecutionStatus;
import dev.statecraft.engine.core.HistoryEvent;
import dev.statecraft.engine.core.Json;
import dev.statecraft.engine.store.ExecutionRecord;
import dev.statecraft.engine.store.Page;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * REST resources for executions. An execution's {@code id} is
 * {@code <state machine name>:<execution name>} (neither may contain ':'), so URLs stay short
 * and readable: {@code /executions/orders:run-42/history}.
 */
final class ExecutionRoutes {
  private final StatesService service;
  private final Blocking blocking;

  ExecutionRoutes(StatesService service, Blocking blocking) {
    this.service = service;
    this.blocking = blocking;
  }

  void mount(Router router) {
    router.get("/executions").handler(ctx -> blocking.json(ctx, () -> list(ctx)));
    router.get("/executions/:id").handler(ctx -> blocking.json(ctx, () -> describe(ctx)));
    router.post("/executions/:id/stop").handler(ctx -> blocking.json(ctx, () -> stop(ctx)));
    router.post("/executions/:id/redrive").handler(ctx -> blocking.json(ctx, () -> redrive(ctx)));
    router.get("/executions/:id/history").handler(ctx -> blocking.json(ctx, () -> history(ctx)));
  }

  /** The REST id of an execution ARN ({@code ...:execution:<sm>:<name>}). */
  static String id(String executionArn) {
    int execution = executionArn.indexOf(":execution:");
    return execution < 0 ? executionArn : executionArn.substring(execution + 11);
  }

  private String arn(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    int colon = id.indexOf(':');
    if (colon <= 0 || colon == id.length() - 1) {
      throw ApiException.validation("Execution id '" + id + "' must be"
          + " <state machine name>:<execution name>");
    }
    return service.arns().execution(id.substring(0, colon), id.substring(colon + 1));
  }

  private JsonNode describe(RoutingContext ctx) throws Exception {
    ExecutionRecord r = ApiJson.call(() -> service.describeExecution(arn(ctx)));
    ObjectNode out = ApiJson.execution(r);
    out.put("id", id(r.arn()));
    return out;
  }

  private JsonNode list(RoutingContext ctx) throws Exception {
    String machine = ctx.queryParams().get("stateMachine");
    if (machine == null || machine.isBlank()) {
      throw ApiException.validation("Query parameter 'stateMachine' (a state machine name) is"
          + " required");
    }
    String status = ctx.queryParams().get("status");
    ExecutionStatus filter;
    try {
      filter = status == null ? null : ExecutionStatus.valueOf(status);
    } catch (IllegalArgumentException e) {
      throw ApiException.validation("'status' must be one of RUNNING, SUCCEEDED, FAILED,"
          + " TIMED_OUT, ABORTED, PENDING_REDRIVE; got '" + status + "'");
    }
    Page<ExecutionRecord> page = ApiJson.call(() -> service.listExecutions(
        service.arns().stateMachine(machine), filter, ctx.queryParams().get("nextToken"),
        Request.intParam(ctx, "maxResults")));
    ObjectNode out = Json.object();
    ArrayNode items = out.putArray("executions");
    page.items().forEach(e -> items.add(ApiJson.executionListItem(e).put("id", id(e.arn()))));
    out.put("nextToken", page.nextToken());
    return out;
  }

  private JsonNode stop(RoutingContext ctx) throws Exception {
    Request req = Request.of(ctx);
    ExecutionRecord r = ApiJson.call(() -> service.stopExecution(arn(ctx), req.text("error"),
        req.text("cause")));
    ObjectNode out = ApiJson.execution(r);
    out.put("id", id(r.arn()));
    return out;
  }

  private JsonNode redrive(RoutingContext ctx) throws Exception {
    var s = ApiJson.call(() -> service.redriveExecution(arn(ctx)));
    return Json.object().put("executionArn", s.executionArn())
        .put("redriveDate", ApiJson.seconds(s.startMillis()));
  }

  private JsonNode history(RoutingContext ctx) throws Exception {
    boolean reverse = Boolean.parseBoolean(ctx.queryParams().get("reverse"));
    Page<HistoryEvent> page = ApiJson.call(() -> service.getExecutionHistory(arn(ctx),
        ctx.queryParams().get("nextToken"), Request.intParam(ctx, "limit"), reverse));
    ObjectNode out = Json.object();
    ArrayNode events = out.putArray("events");
    page.items().forEach(e -> events.add(ApiJson.event(e)));
    out.put("nextToken", page.nextToken());
    return out;
  }
}
