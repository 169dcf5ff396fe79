package dev.statecraft.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statecraft.asl.Asl;
import dev.statecraft.asl.ParseResult;
import dev.statecraft.engine.api.ExpressExecution;
import dev.statecraft.engine.api.StartResult;
import dev.statecraft.engine.api.StatesService;
import dev.statecraft.engine.core.Json;
import dev.statecraft.engine.store.Page;
import dev.statecraft.engine.store.StateMachineRecord;
import dev.statecraft.engine.store.StateMachineType;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.Callable;

/**
 * REST resources for state machines: {@code /state-machines} (create, list),
 * {@code /state-machines/{name}} (read, update, delete), its versions, and starting executions.
 * A definition comes as JSON ({@code {"name", "definition", "type"}}) or as a YAML body with
 * {@code Content-Type: application/yaml} and the name and type as query parameters.
 */
final class StateMachineRoutes {
  private final StatesService service;
  private final Blocking blocking;

  StateMachineRoutes(StatesService service, Blocking blocking) {
    this.service = service;
    this.blocking = blocking;
  }

  void mount(Router router) {
    router.post("/state-machines").handler(ctx -> created(ctx, () -> create(ctx)));
    router.get("/state-machines").handler(ctx -> blocking.json(ctx, () -> list(ctx)));
    router.get("/state-machines/:name").handler(ctx -> blocking.json(ctx, () -> read(ctx)));
    router.put("/state-machines/:name").handler(ctx -> blocking.json(ctx, () -> update(ctx)));
    router.delete("/state-machines/:name").handler(ctx -> blocking.json(ctx, () -> delete(ctx)));
    router.get("/state-machines/:name/versions/:version")
        .handler(ctx -> blocking.json(ctx, () -> version(ctx)));
    router.post("/state-machines/:name/executions")
        .handler(ctx -> created(ctx, () -> start(ctx)));
  }

  /** Answers 201 with a Location header, unless the work answered itself (sync start). */
  private void created(RoutingContext ctx, Callable<ObjectNode> work) {
    blocking.json(ctx, 201, () -> {
      ObjectNode body = ApiJson.call(work);
      if (body.has("location")) {
        ctx.response().putHeader("Location", body.remove("location").asText());
      }
      if (body.has("synchronous")) {
        body.remove("synchronous");
        ctx.response().setStatusCode(200);
      }
      return body;
    });
  }

  private ObjectNode create(RoutingContext ctx) throws Exception {
    Request req = Request.of(ctx);
    String name = req.text("name");
    String definition = req.definition();
    StateMachineType type = type(req.text("type"));
    check(definition);
    StateMachineRecord m = ApiJson.call(() -> service.createStateMachine(name, definition,
        req.text("roleArn"), type));
    ObjectNode out = ApiJson.stateMachine(m);
    out.put("location", "/state-machines/" + m.name());
    return out;
  }

  private JsonNode list(RoutingContext ctx) throws Exception {
    Page<StateMachineRecord> page = ApiJson.call(() -> service.listStateMachines(
        ctx.queryParams().get("nextToken"), Request.intParam(ctx, "maxResults")));
    ObjectNode out = Json.object();
    ArrayNode items = out.putArray("stateMachines");
    page.items().forEach(m -> items.add(ApiJson.stateMachineListItem(m)));
    out.put("nextToken", page.nextToken());
    return out;
  }

  private JsonNode read(RoutingContext ctx) throws Exception {
    return ApiJson.stateMachine(ApiJson.call(() -> service.describeStateMachine(arn(ctx))));
  }

  private JsonNode update(RoutingContext ctx) throws Exception {
    Request req = Request.of(ctx);
    String definition = req.definition();
    check(definition);
    return ApiJson.stateMachine(ApiJson.call(() -> service.updateStateMachine(arn(ctx), definition,
        req.text("roleArn"))));
  }

  private JsonNode delete(RoutingContext ctx) throws Exception {
    String arn = arn(ctx);
    ApiJson.call(() -> service.describeStateMachine(arn));
    ApiJson.call(() -> {
      service.deleteStateMachine(arn);
      return null;
    });
    return Json.object().put("deleted", arn);
  }

  private JsonNode version(RoutingContext ctx) throws Exception {
    int version = Request.intPath(ctx, "version");
    return ApiJson.stateMachine(ApiJson.call(() -> service.stateMachineVersion(arn(ctx), version)));
  }

  private ObjectNode start(RoutingContext ctx) throws Exception {
    Request req = Request.of(ctx);
    // ?testCase=HappyPath: Step Functions Local's "<state machine ARN>#<TestCase>" mock selection.
    String testCase = ctx.queryParams().get("testCase");
    String arn = testCase == null ? arn(ctx) : arn(ctx) + "#" + testCase;
    JsonNode input = req.body().get("input");
    String inputText = input == null ? null : input.isTextual() ? input.asText() : Json.write(input);
    String name = req.text("name");
    if ("sync".equals(ctx.queryParams().get("mode"))) {
      ExpressExecution e = ApiJson.call(() -> service.startSyncExecution(arn, name, inputText));
      ObjectNode out = ApiJson.express(e);
      out.put("synchronous", true);
      return out;
    }
    StartResult s = ApiJson.call(() -> service.startExecution(arn, name, inputText));
    String id = ExecutionRoutes.id(s.executionArn());
    ObjectNode out = Json.object();
    out.put("id", id);
    out.put("executionArn", s.executionArn());
    out.put("startDate", ApiJson.seconds(s.startMillis()));
    out.put("location", "/executions/" + id);
    return out;
  }

  private String arn(RoutingContext ctx) {
    return service.arns().stateMachine(ctx.pathParam("name"));
  }

  private static StateMachineType type(String type) {
    try {
      return type == null ? StateMachineType.STANDARD : StateMachineType.valueOf(type);
    } catch (IllegalArgumentException e) {
      throw ApiException.validation("'type' must be STANDARD or EXPRESS, got '" + type + "'");
    }
  }

  /** Refuses an invalid definition with every diagnostic (code, pointer, line:column). */
  private static void check(String definition) {
    ParseResult result = Asl.parse(definition);
    if (!result.valid()) {
      throw new ApiException.BadRequest("InvalidDefinition", "Invalid State Machine Definition: "
          + result.errors().size() + " error(s), first: " + result.errors().get(0).format(),
          Diagnostics.rest(result.diagnostics()));
    }
  }
}
