package dev.statecraft.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statecraft.asl.Asl;
import dev.statecraft.asl.ParseResult;
import dev.statecraft.engine.core.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** {@code POST /validate}: diagnostics for a definition (JSON or YAML body) without storing it. */
final class ValidateRoutes {
  private ValidateRoutes() {}

  static void mount(Router router, Blocking blocking) {
    router.post("/validate").handler(ctx -> blocking.json(ctx, () -> validate(ctx)));
  }

  private static ObjectNode validate(RoutingContext ctx) {
    if (ctx.body() == null || ctx.body().buffer() == null || ctx.body().length() <= 0) {
      throw ApiException.validation("The request body must be a state machine definition"
          + " (JSON, or YAML with Content-Type: application/yaml)");
    }
    ParseResult result = Asl.parse(ctx.body().buffer().getBytes());
    ObjectNode out = Json.object();
    out.put("valid", result.valid());
    out.set("diagnostics", Diagnostics.rest(result.diagnostics()));
    return out;
  }
}
