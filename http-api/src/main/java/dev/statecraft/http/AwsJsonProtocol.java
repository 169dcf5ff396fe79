package dev.statecraft.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statecraft.engine.core.Json;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionStage;

/**
 * The AWS Step Functions JSON 1.0 protocol on {@code POST /}: the action named by
 * {@code X-Amz-Target} gets the parsed body; errors are {@code {"__type", "message"}} so the AWS
 * SDKs and CLI raise their modelled exceptions.
 */
final class AwsJsonProtocol {
  static final String TARGET_PREFIX = "AWSStepFunctions.";
  static final String CONTENT_TYPE = "application/x-amz-json-1.0";

  private final Map<String, AwsAction> actions = new TreeMap<>();
  /** Quick paths tried on the event loop first; null from one means "run the action". */
  private final Map<String, AwsAction> inline = new TreeMap<>();
  private final Map<String, AwsAction.Async> asyncActions = new TreeMap<>();
  private final Vertx vertx;

  AwsJsonProtocol(Vertx vertx) {
    this.vertx = vertx;
  }

  AwsJsonProtocol register(String name, AwsAction action) {
    actions.put(name, action);
    return this;
  }

  /**
   * An action whose answer may come much later (a long poll): its blocking part runs on a
   * worker, then the response waits on its stage without holding any thread.
   */
  AwsJsonProtocol registerAsync(String name, AwsAction.Async action) {
    asyncActions.put(name, action);
    return this;
  }

  /**
   * A quick path for an action, run on the event loop: it must not block and answers null when
   * the request needs the full action (which then runs on a worker).
   */
  AwsJsonProtocol registerInline(String name, AwsAction action) {
    inline.put(name, action);
    return this;
  }

  void mount(Router router) {
    router.post("/").handler(this::handle);
  }

  private void handle(RoutingContext ctx) {
    String target = ctx.request().getHeader("X-Amz-Target");
    if (target == null || !target.startsWith(TARGET_PREFIX)) {
      ErrorRenderer.aws(ctx, new ApiException.BadRequest("UnknownOperationException",
          "Missing or unknown X-Amz-Target header; expected AWSStepFunctions.<Action>"));
      return;
    }
    String name = target.substring(TARGET_PREFIX.length());
    AwsAction action = actions.get(name);
    AwsAction.Async async = asyncActions.get(name);
    if (action == null && async == null) {
      ErrorRenderer.aws(ctx, new ApiException.BadRequest("UnknownOperationException",
          "Operation " + target.substring(TARGET_PREFIX.length()) + " is not supported"));
      return;
    }
    JsonNode request;
    try {
      String body = ctx.body() == null ? "" : ctx.body().asString();
      request = body.isBlank() ? Json.object() : Json.MAPPER.readTree(body);
    } catch (Exception e) {
      ErrorRenderer.aws(ctx, new ApiException.BadRequest("SerializationException",
          "The request body is not valid JSON: " + e.getMessage()));
      return;
    }
    AwsAction quick = inline.get(target.substring(TARGET_PREFIX.length()));
    if (quick != null) {
      try {
        JsonNode done = quick.handle(request);
        if (done != null) {
          ctx.response().putHeader("Content-Type", CONTENT_TYPE).end(Json.write(done));
          return;
        }
      } catch (RuntimeException e) {
        ErrorRenderer.aws(ctx, e);
        return;
      }
    }
    Future<JsonNode> answer = action != null
        ? vertx.executeBlocking(() -> action.handle(request), false)
        : vertx.<CompletionStage<JsonNode>>executeBlocking(() -> async.start(request), false)
            .compose(stage -> Future.fromCompletionStage(stage, vertx.getOrCreateContext()));
    answer.onComplete(ar -> {
      if (ar.failed()) {
        ErrorRenderer.aws(ctx, ar.cause());
      } else if (!ctx.response().ended()) {
        ctx.response().putHeader("Content-Type", CONTENT_TYPE).end(Json.write(ar.result()));
      }
    });
  }

  /** The operations served, for the OpenAPI check and the docs. */
  java.util.Set<String> operations() {
    java.util.Set<String> all = new java.util.TreeSet<>(actions.keySet());
    all.addAll(asyncActions.keySet());
    return all;
  }
}
