package dev.statecraft.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statecraft.engine.core.Json;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.Callable;

/**
 * Runs a route's work off the event loop (parsing, JDBC) and answers with its JSON, or fails the
 * context so {@link ErrorRenderer} answers. Work runs on Vert.x's bounded worker pool, unordered.
 */
final class Blocking {
  private final Vertx vertx;

  Blocking(Vertx vertx) {
    this.vertx = vertx;
  }

  void json(RoutingContext ctx, Callable<? extends JsonNode> work) {
    json(ctx, 200, work);
  }

  void json(RoutingContext ctx, int status, Callable<? extends JsonNode> work) {
    vertx.<JsonNode>executeBlocking(work::call, false).onComplete(ar -> {
      if (ar.failed()) {
        ctx.fail(ar.cause());
      } else if (!ctx.response().ended()) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
            .end(Json.write(ar.result()));
      }
    });
  }
}
