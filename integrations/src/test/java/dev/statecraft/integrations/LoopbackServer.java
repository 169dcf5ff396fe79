package dev.statecraft.integrations;

import dev.statecraft.engine.core.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test HTTP server on 127.0.0.1 (random port) with fixed routes:
 *
 * <ul>
 *   <li>{@code /echo}: 200 JSON describing the request (method, path, query, body, x-test header);
 *   <li>{@code /flaky/KEY?fail=N}: 503 for the first N calls with that KEY, then 200 JSON;
 *   <li>{@code /status/NNN}: that status with a JSON body;
 *   <li>{@code /text}: 200 text/plain;
 *   <li>{@code /hang}: never answers;
 *   <li>{@code /fn}: a function: echoes the JSON payload under "echo";
 *   <li>{@code /fn-error}: a failing function: 200 with X-Amz-Function-Error and a Lambda error.
 * </ul>
 */
public final class LoopbackServer implements AutoCloseable {
  private final HttpServer server;
  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
  private final List<String> seen = new CopyOnWriteArrayList<>();

  public LoopbackServer(Vertx vertx) throws Exception {
    server = vertx.createHttpServer().requestHandler(this::handle)
        .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  public int port() {
    return server.actualPort();
  }

  public String url(String path) {
    return "http://127.0.0.1:" + port() + path;
  }

  /** Paths of every request received, in order. */
  public List<String> seen() {
    return seen;
  }

  private void handle(HttpServerRequest req) {
    seen.add(req.path());
    req.body().onSuccess(body -> {
      String path = req.path();
      if (path.equals("/hang")) {
        return;
      }
      if (path.equals("/echo")) {
        ObjectNode out = Json.object();
        out.put("method", req.method().name());
        out.put("path", path);
        out.put("query", req.query());
        out.put("contentType", req.getHeader("Content-Type"));
        out.put("xTest", req.getHeader("x-test"));
        out.put("authorization", req.getHeader("Authorization"));
        out.put("body", body.toString());
        json(req, 200, out.toString());
      } else if (path.startsWith("/flaky/")) {
        int n = calls.computeIfAbsent(path, k -> new AtomicInteger()).getAndIncrement();
        int fail = Integer.parseInt(req.getParam("fail", "0"));
        if (n < fail) {
          json(req, 503, "{\"message\":\"try later\",\"attempt\":" + n + "}");
        } else {
          json(req, 200, "{\"ok\":true,\"attempt\":" + n + "}");
        }
      } else if (path.startsWith("/status/")) {
        int code = Integer.parseInt(path.substring("/status/".length()));
        json(req, code, "{\"status\":" + code + "}");
      } else if (path.equals("/text")) {
        req.response().putHeader("Content-Type", "text/plain").end("plain words");
      } else if (path.equals("/fn")) {
        json(req, 200, "{\"echo\":" + body + "}");
      } else if (path.equals("/fn-error")) {
        req.response().putHeader("X-Amz-Function-Error", "Unhandled");
        json(req, 200, "{\"errorType\":\"CustomError\",\"errorMessage\":\"remote boom\"}");
      } else {
        json(req, 404, "{\"message\":\"no route\"}");
      }
    });
  }

  private static void json(HttpServerRequest req, int status, String body) {
    req.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body);
  }

  @Override
  public void close() throws Exception {
    server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
