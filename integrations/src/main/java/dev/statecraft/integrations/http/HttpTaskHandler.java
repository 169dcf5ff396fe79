package dev.statecraft.integrations.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statecraft.asl.model.ErrorNames;
import dev.statecraft.engine.core.Json;
import dev.statecraft.engine.spi.TaskHandler;
import dev.statecraft.engine.spi.TaskRequest;
import dev.statecraft.engine.spi.TaskResult;
import dev.statecraft.integrations.IntegrationPattern;
import dev.statecraft.integrations.ResourceArn;
import dev.statecraft.integrations.config.HttpSettings;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@code arn:aws:states:::http:invoke} tasks with the Vert.x web client, without blocking.
 *
 * <p>The output is AWS's: {@code {"Headers": {name: [values]}, "ResponseBody": …, "StatusCode":
 * 200, "StatusText": "OK"}}, the body parsed when the answer's Content-Type is JSON and a string
 * otherwise. A non-2xx answer fails the task with {@code States.Http.StatusCode.NNN} (so Retry and
 * Catch can name it) and that same object as JSON text in the cause. A request that outlives the
 * state's TimeoutSeconds fails with {@code States.Timeout}; one that outlives the HTTP task's own
 * 60-second limit, or cannot connect, with {@code States.Http.Socket}. Hosts outside {@code
 * http.allowHosts} are refused before any connection is made.
 */
public final class HttpTaskHandler implements TaskHandler {
  /** The HTTP task's own limit on one request (AWS: 60 seconds). */
  static final long SOCKET_LIMIT_SECONDS = 60;
  static final String STATUS_ERROR_PREFIX = "States.Http.StatusCode.";
  static final String SOCKET_ERROR = "States.Http.Socket";

  private static final Logger LOG = LoggerFactory.getLogger(HttpTaskHandler.class);

  private final WebClient client;
  private final HttpSettings settings;

  /**
   * @param client the shared web client (its Vert.x belongs to the caller)
   * @param settings allow-list and connections
   */
  public HttpTaskHandler(WebClient client, HttpSettings settings) {
    this.client = client;
    this.settings = settings;
    if (settings.allowsAll()) {
      LOG.info("HTTP tasks may call any host: the configuration has no http.allowHosts list");
    }
  }

  @Override
  public boolean supports(String resource) {
    return ResourceArn.parse(resource)
        .filter(a -> a.isIntegration("http", "invoke")
            && a.pattern() == IntegrationPattern.REQUEST_RESPONSE)
        .isPresent();
  }

  @Override
  public CompletionStage<TaskResult> invoke(TaskRequest request) {
    HttpTaskParameters p;
    try {
      p = HttpTaskParameters.read(request.input());
    } catch (HttpTaskParameters.Invalid e) {
      return done(TaskResult.failure(ErrorNames.TASK_FAILED, e.getMessage()));
    }
    String host = p.endpoint().getHost();
    if (!settings.allows(host)) {
      return done(TaskResult.failure(ErrorNames.TASK_FAILED, "The host '" + host + "' of "
          + "ApiEndpoint " + p.endpoint() + " is not allowed: add it to http.allowHosts in"
          + " statecraft.yaml (allowed: " + settings.allowHosts() + ")"));
    }
    Long stateTimeout = request.timeoutSeconds();
    boolean stateLimited = stateTimeout != null && stateTimeout <= SOCKET_LIMIT_SECONDS;
    long limitSeconds = stateLimited ? stateTimeout : SOCKET_LIMIT_SECONDS;

    HttpRequest<Buffer> http = client.requestAbs(HttpMethod.valueOf(p.method()),
        p.endpoint().toString()).timeout(limitSeconds * 1000);
    boolean typed = p.headers().stream().anyMatch(h -> h.getKey().equalsIgnoreCase("Content-Type"));
    if (p.contentType() != null && !typed) {
      http.putHeader("Content-Type", p.contentType());
    }
    p.headers().forEach(h -> http.headers().add(h.getKey(), h.getValue()));
    p.query().forEach(q -> http.addQueryParam(q.getKey(), q.getValue()));
    HttpSettings.Connection connection =
        p.connectionArn() == null ? null : settings.connections().get(p.connectionArn());
    if (connection != null) {
      // Connection parameters win over the task's, as EventBridge's do.
      connection.headers().forEach(http::putHeader);
      connection.queryParameters().forEach(http::setQueryParam);
    }

    CompletableFuture<TaskResult> result = new CompletableFuture<>();
    (p.body() == null ? http.send() : http.sendBuffer(Buffer.buffer(p.body())))
        .onSuccess(r -> result.complete(answer(r)))
        .onFailure(e -> result.complete(failure(e, p, stateLimited, limitSeconds)));
    // The client's timeout restarts whenever data arrives; this bounds the whole exchange.
    return result.completeOnTimeout(failure(new TimeoutException(), p, stateLimited, limitSeconds),
        limitSeconds, TimeUnit.SECONDS);
  }

  private static TaskResult answer(HttpResponse<Buffer> r) {
    ObjectNode out = Json.object();
    ObjectNode headers = out.putObject("Headers");
    for (Map.Entry<String, String> h : r.headers()) {
      JsonNode values = headers.get(h.getKey());
      (values == null ? headers.putArray(h.getKey()) : (ArrayNode) values).add(h.getValue());
    }
    out.set("ResponseBody", body(r));
    out.put("StatusCode", r.statusCode());
    out.put("StatusText", r.statusMessage());
    if (r.statusCode() / 100 != 2) {
      return TaskResult.failure(STATUS_ERROR_PREFIX + r.statusCode(), Json.write(out));
    }
    return TaskResult.success(out);
  }

  private static JsonNode body(HttpResponse<Buffer> r) {
    String text = r.bodyAsString();
    if (text == null) {
      return Json.NODES.textNode("");
    }
    String type = r.getHeader("Content-Type");
    String media = type == null ? "" : type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    if (media.equals("application/json") || media.endsWith("+json")) {
      try {
        return Json.parse(text);
      } catch (RuntimeException notJson) {
        return Json.NODES.textNode(text);
      }
    }
    return Json.NODES.textNode(text);
  }

  private static TaskResult failure(Throwable e, HttpTaskParameters p, boolean stateLimited,
      long limitSeconds) {
    String target = p.method() + " " + p.endpoint();
    if (e instanceof TimeoutException) {
      return stateLimited
          ? TaskResult.failure(ErrorNames.TIMEOUT, target + " did not answer within the state's"
              + " TimeoutSeconds (" + limitSeconds + " s)")
          : TaskResult.failure(SOCKET_ERROR, target + " did not answer within "
              + limitSeconds + " seconds");
    }
    return TaskResult.failure(SOCKET_ERROR, target + " failed: " + e.getMessage());
  }

  private static CompletionStage<TaskResult> done(TaskResult r) {
    return CompletableFuture.completedFuture(r);
  }
}
