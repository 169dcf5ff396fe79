package dev.statecraft.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statecraft.engine.api.ActivityTask;
import dev.statecraft.engine.api.StatesApiException;
import dev.statecraft.engine.api.StatesService;
import dev.statecraft.engine.core.Json;
import dev.statecraft.engine.store.ActivityRecord;
import dev.statecraft.engine.store.Page;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;

/**
 * REST resources for callbacks and activities. A task token is URL-safe, so a callback is one
 * URL a third party can be handed: {@code POST /task-tokens/{token}/success} with the output as
 * the body. Activities are named in URLs by their name; a worker long-polls
 * {@code GET /activities/{name}/tasks?worker=} and gets 200 with {@code {taskToken, input}}, or
 * 204 when no task came within the wait (60 s; {@code waitSeconds} asks for less).
 */
final class TaskRoutes {
  private final StatesService service;
  private final Blocking blocking;

  TaskRoutes(StatesService service, Blocking blocking) {
    this.service = service;
    this.blocking = blocking;
  }

  void mount(Router router) {
    router.post("/task-tokens/:token/success").handler(ctx -> blocking.json(ctx,
        () -> call(() -> {
          service.sendTaskSuccess(ctx.pathParam("token"), rawBody(ctx));
          return accepted();
        })));
    router.post("/task-tokens/:token/failure").handler(ctx -> blocking.json(ctx,
        () -> call(() -> {
          Request req = Request.of(ctx);
          service.sendTaskFailure(ctx.pathParam("token"), req.text("error"),
              req.text("cause"));
          return accepted();
        })));
    router.post("/task-tokens/:token/heartbeat").handler(ctx -> blocking.json(ctx,
        () -> call(() -> {
          service.sendTaskHeartbeat(ctx.pathParam("token"));
          return accepted();
        })));
    router.post("/activities").handler(ctx -> blocking.json(ctx, 201, () -> call(() -> {
      String name = Request.of(ctx).text("name");
      if (name == null) {
        throw ApiException.validation("'name' is required");
      }
      ActivityRecord a = service.createActivity(name);
      ctx.response().putHeader("Location", "/activities/" + a.name());
      return TaskActions.activity(a);
    })));
    router.get("/activities").handler(ctx -> blocking.json(ctx, () -> call(() -> {
      Page<ActivityRecord> page = service.listActivities(ctx.queryParams().get("nextToken"),
          Request.intParam(ctx, "maxResults"));
      ObjectNode out = Json.object();
      ArrayNode items = out.putArray("activities");
      page.items().forEach(a -> items.add(TaskActions.activity(a)));
      out.put("nextToken", page.nextToken());
      return out;
    })));
    router.get("/activities/:name").handler(ctx -> blocking.json(ctx,
        () -> call(() -> TaskActions.activity(service.describeActivity(arn(ctx))))));
    router.delete("/activities/:name").handler(ctx -> blocking.json(ctx, () -> call(() -> {
      service.deleteActivity(arn(ctx));
      return Json.object();
    })));
    router.get("/activities/:name/tasks").handler(this::poll);
  }

  /** The long poll: validated on a worker, then answered when the future completes. */
  private void poll(RoutingContext ctx) {
    ctx.vertx().<CompletionStage<Optional<ActivityTask>>>executeBlocking(() -> call(() -> {
      Integer wait = Request.intParam(ctx, "waitSeconds");
      if (wait != null && (wait < 0 || wait > 60)) {
        throw ApiException.validation("'waitSeconds' must be between 0 and 60");
      }
      return service.getActivityTask(arn(ctx), ctx.queryParams().get("worker"),
          wait == null ? null : Duration.ofSeconds(wait));
    }), false).compose(stage -> Future.fromCompletionStage(stage,
        ctx.vertx().getOrCreateContext())).onComplete(ar -> {
          if (ar.failed()) {
            ctx.fail(ar.cause());
          } else if (ar.result().isEmpty()) {
            ctx.response().setStatusCode(204).end();
          } else {
            ActivityTask t = ar.result().get();
            ctx.response().putHeader("Content-Type", "application/json").end(Json.write(
                Json.object().put("taskToken", t.taskToken()).put("input", t.input())));
          }
        });
  }

  private String arn(RoutingContext ctx) {
    return service.arns().activity(ctx.pathParam("name"));
  }

  private static String rawBody(RoutingContext ctx) {
    return ctx.body() == null || ctx.body().buffer() == null ? null : ctx.body().asString();
  }

  private static JsonNode accepted() {
    return Json.object().put("status", "accepted");
  }

  private static <T> T call(Callable<T> work) throws Exception {
    try {
      return work.call();
    } catch (StatesApiException e) {
      throw ApiJson.error(e);
    }
  }
}
