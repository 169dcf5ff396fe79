package dev.statecraft.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statecraft.engine.core.Json;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders every failure of a route: {@link ApiException}s with their status and name, anything
 * else as a 500 with a generic message (the details go to the log, never to the client).
 */
final class ErrorRenderer {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorRenderer.class);
  static final String AWS_PREFIX = "com.amazonaws.swf.service.v2.model#";

  private ErrorRenderer() {}

  /** The REST shape: {@code {"error": name, "message": ..., ...details}}. */
  static void rest(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    ApiException api = asApi(ctx, failure);
    ObjectNode body = Json.object();
    body.put("error", api.awsName());
    body.put("message", api.getMessage());
    if (api.details() != null) {
      body.set("details", api.details());
    }
    int status = ctx.statusCode() == 401 ? 401 : api.status();
    send(ctx, status, "application/json", Json.write(body));
  }

  /** The AWS JSON 1.0 shape: always 400, {@code {"__type": ..., "message": ...}}. */
  static void aws(RoutingContext ctx, Throwable failure) {
    ApiException api = asApi(ctx, failure);
    ObjectNode body = Json.object();
    body.put("__type", AWS_PREFIX + api.awsName());
    body.put("message", api.getMessage());
    int status = api.status() >= 500 ? 500 : ctx.response().getStatusCode() == 401 ? 401 : 400;
    send(ctx, status, "application/x-amz-json-1.0", Json.write(body));
  }

  private static ApiException asApi(RoutingContext ctx, Throwable failure) {
    if (failure instanceof ApiException api) {
      return api;
    }
    if (failure == null) {
      int code = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
      if (code == 404) {
        return new ApiException.NotFound("ResourceNotFound", "No such resource: "
            + ctx.request().method() + " " + ctx.request().path());
      }
      if (code == 405) {
        return new ApiException.BadRequest("MethodNotAllowed", "Method "
            + ctx.request().method() + " is not allowed on " + ctx.request().path());
      }
      if (code == 413) {
        return new ApiException.BadRequest("RequestTooLarge", "The request body is too large");
      }
      if (code < 500) {
        return new ApiException.BadRequest("BadRequest", "Bad request");
      }
    }
    LOG.error("Unhandled error on {} {}", ctx.request().method(), ctx.request().path(), failure);
    return new ApiException.Internal();
  }

  private static void send(RoutingContext ctx, int status, String type, String body) {
    if (ctx.response().ended() || ctx.response().closed()) {
      return;
    }
    ctx.response().setStatusCode(status).putHeader("Content-Type", type).end(body);
  }
}
