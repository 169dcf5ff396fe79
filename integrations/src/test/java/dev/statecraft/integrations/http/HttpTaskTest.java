package dev.statecraft.integrations.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statecraft.engine.core.ExecutionStatus;
import dev.statecraft.engine.core.Json;
import dev.statecraft.engine.runtime.ExecutionResult;
import dev.statecraft.integrations.LoopbackServer;
import dev.statecraft.integrations.Runs;
import dev.statecraft.integrations.TaskHandlers;
import dev.statecraft.integrations.config.HttpSettings;
import dev.statecraft.integrations.config.StatecraftConfig;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** http:invoke end to end: ExpressRunner → TaskHandlers → Vert.x client → loopback server. */
class HttpTaskTest {
  private static Vertx vertx;
  private static LoopbackServer server;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    server = new LoopbackServer(vertx);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    vertx.close().toCompletionStage().toCompletableFuture().get();
  }

  private static ExecutionResult run(StatecraftConfig config, String task, String extra)
      throws InterruptedException {
    String definition = """
        {"StartAt": "Call", "States": {
          "Call": {"Type": "Task", "Resource": "arn:aws:states:::http:invoke",
                   %s %s}%s
        }}""".formatted(task, extra, extra.contains("Fallback")
            ? ", \"Fallback\": {\"Type\": \"Pass\", \"End\": true}" : "");
    try (TaskHandlers handlers = TaskHandlers.create(config, vertx)) {
      return Runs.run(handlers, definition, "{\"id\": 7}");
    }
  }

  private static String endpoint(String path) {
    return "\"ApiEndpoint\": \"" + server.url(path) + "\", \"Method\": \"GET\"";
  }

  @Test
  void answers200WithAwsOutputShape() throws Exception {
    ExecutionResult r = run(StatecraftConfig.empty(), """
        "Parameters": {
          "ApiEndpoint": "%s", "Method": "POST",
          "Authentication": {"ConnectionArn": "arn:aws:events:us-east-1:123456789012:connection/c/1"},
          "Headers": {"x-test": "yes"},
          "QueryParameters": {"q": "a b", "n.$": "$.id"},
          "RequestBody": {"order.$": "$.id", "items": [1, 2]}
        }""".formatted(server.url("/echo")), ", \"End\": true");

    assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    JsonNode out = r.output();
    assertThat(out.get("StatusCode").asInt()).isEqualTo(200);
    assertThat(out.get("StatusText").asText()).isEqualTo("OK");
    assertThat(out.get("Headers").get("Content-Type").get(0).asText())
        .isEqualTo("application/json");
    JsonNode body = out.get("ResponseBody");
    assertThat(body.get("method").asText()).isEqualTo("POST");
    assertThat(body.get("query").asText()).isEqualTo("q=a%20b&n=7");
    assertThat(body.get("xTest").asText()).isEqualTo("yes");
    assertThat(body.get("contentType").asText()).startsWith("application/json");
    assertThat(Json.parse(body.get("body").asText()))
        .isEqualTo(Json.parse("{\"order\":7,\"items\":[1,2]}"));
  }

  @Test
  void nonJsonAnswersAreStrings() throws Exception {
    ExecutionResult r = run(StatecraftConfig.empty(),
        "\"Parameters\": {" + endpoint("/text") + "}", ", \"End\": true");
    assertThat(r.output().get("ResponseBody").asText()).isEqualTo("plain words");
  }

  @Test
  void retriesOn503ThenSucceeds() throws Exception {
    ExecutionResult r = run(StatecraftConfig.empty(),
        "\"Parameters\": {" + endpoint("/flaky/retry?fail=2") + "}", """
        , "Retry": [{"ErrorEquals": ["States.Http.StatusCode.503"], "IntervalSeconds": 5,
                     "MaxAttempts": 3}],
          "End": true""");

    assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(r.output().get("ResponseBody").get("attempt").asInt()).isEqualTo(2);
    assertThat(server.seen()).filteredOn("/flaky/retry"::equals).hasSize(3);
  }

  @Test
  void catchesA503ThatOutlastsTheRetries() throws Exception {
    ExecutionResult r = run(StatecraftConfig.empty(),
        "\"Parameters\": {" + endpoint("/status/503") + "}", """
        , "Retry": [{"ErrorEquals": ["States.Http.StatusCode.503"], "MaxAttempts": 1}],
          "Catch": [{"ErrorEquals": ["States.Http.StatusCode.503"], "ResultPath": "$.error",
                     "Next": "Fallback"}],
          "End": true""");

    assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    JsonNode error = r.output().get("error");
    assertThat(error.get("Error").asText()).isEqualTo("States.Http.StatusCode.503");
    JsonNode cause = Json.parse(error.get("Cause").asText());
    assertThat(cause.get("StatusCode").asInt()).isEqualTo(503);
    assertThat(cause.get("StatusText").asText()).isEqualTo("Service Unavailable");
    assertThat(cause.get("ResponseBody").get("status").asInt()).isEqualTo(503);
  }

  @Test
  void anUncaughtStatusFailsTheExecutionWithItsName() throws Exception {
    ExecutionResult r = run(StatecraftConfig.empty(),
        "\"Parameters\": {" + endpoint("/status/404") + "}", ", \"End\": true");
    assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(r.error()).isEqualTo("States.Http.StatusCode.404");
  }

  @Test
  void timeoutSecondsBoundsTheRequest() throws Exception {
    ExecutionResult r = run(StatecraftConfig.empty(),
        "\"Parameters\": {" + endpoint("/hang") + "}", ", \"TimeoutSeconds\": 1, \"End\": true");
    assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(r.error()).isEqualTo("States.Timeout");
  }

  @Test
  void refusesHostsOutsideTheAllowList() throws Exception {
    int before = server.seen().size();
    StatecraftConfig config = StatecraftConfig.empty()
        .withHttp(HttpSettings.allowOnly(List.of("api.example.com", "*.internal.example")));
    ExecutionResult r = run(config, "\"Parameters\": {" + endpoint("/echo") + "}",
        ", \"End\": true");

    assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(r.error()).isEqualTo("States.TaskFailed");
    assertThat(r.cause()).contains("127.0.0.1").contains("http.allowHosts");
    assertThat(server.seen()).hasSize(before);
  }

  @Test
  void allowsListedHostsAndAddsConnectionParameters() throws Exception {
    String arn = "arn:aws:events:us-east-1:123456789012:connection/api/1";
    StatecraftConfig config = StatecraftConfig.empty().withHttp(new HttpSettings(
        List.of("127.0.0.1"), Map.of(arn, new HttpSettings.Connection(
            Map.of("Authorization", "Bearer t0ken"), Map.of("key", "k1")))));
    ExecutionResult r = run(config, """
        "Parameters": {%s, "InvocationConfig": {"ConnectionArn": "%s"}}"""
        .formatted(endpoint("/echo"), arn), ", \"End\": true");

    assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    JsonNode body = r.output().get("ResponseBody");
    assertThat(body.get("authorization").asText()).isEqualTo("Bearer t0ken");
    assertThat(body.get("query").asText()).isEqualTo("key=k1");
  }

  @Test
  void urlEncodesTheBodyWhenAsked() throws Exception {
    ExecutionResult r = run(StatecraftConfig.empty(), """
        "Parameters": {"ApiEndpoint": "%s", "Method": "POST",
          "RequestBody": {"a": "x y", "list": ["p", "q"]},
          "Transform": {"RequestBodyEncoding": "URL_ENCODED",
                        "RequestEncodingOptions": {"ArrayFormat": "REPEAT"}}}"""
        .formatted(server.url("/echo")), ", \"End\": true");

    JsonNode body = r.output().get("ResponseBody");
    assertThat(body.get("contentType").asText()).isEqualTo("application/x-www-form-urlencoded");
    assertThat(body.get("body").asText()).isEqualTo("a=x+y&list=p&list=q");
  }

  @Test
  void badParametersFailTheTaskWithTheField() throws Exception {
    ExecutionResult r = run(StatecraftConfig.empty(),
        "\"Parameters\": {\"ApiEndpoint\": \"ftp://x\", \"Method\": \"GET\"}", ", \"End\": true");
    assertThat(r.error()).isEqualTo("States.TaskFailed");
    assertThat(r.cause()).contains("ApiEndpoint");
  }
}
