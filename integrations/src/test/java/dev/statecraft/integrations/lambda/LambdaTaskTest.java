package dev.statecraft.integrations.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statecraft.engine.core.ExecutionStatus;
import dev.statecraft.engine.core.Json;
import dev.statecraft.engine.runtime.ExecutionResult;
import dev.statecraft.integrations.LoopbackServer;
import dev.statecraft.integrations.Runs;
import dev.statecraft.integrations.TaskHandlers;
import dev.statecraft.integrations.config.ConfigException;
import dev.statecraft.integrations.config.FunctionTarget;
import dev.statecraft.integrations.config.StatecraftConfig;
import io.vertx.core.Vertx;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Lambda tasks end to end on ServiceLoader functions and on functions served over HTTP. */
class LambdaTaskTest {
  private static final String FN_ARN = "arn:aws:lambda:us-east-1:123456789012:function:";
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

  private static ExecutionResult run(Map<String, String> functions, String definition,
      String input) throws InterruptedException {
    Map<String, FunctionTarget> targets = new java.util.HashMap<>();
    functions.forEach((k, v) -> targets.put(k, FunctionTarget.of(v)));
    try (TaskHandlers handlers = TaskHandlers.create(
        StatecraftConfig.empty().withFunctions(targets), vertx)) {
      return Runs.run(handlers, definition, input);
    }
  }

  private static String oneTask(String resource, String rest) {
    return """
        {"StartAt": "Work", "States": {
          "Work": {"Type": "Task", "Resource": "%s" %s}%s
        }}""".formatted(resource, rest, rest.contains("Handled")
            ? ", \"Handled\": {\"Type\": \"Pass\", \"End\": true}" : "");
  }

  @Test
  void functionArnRunsTheServiceLoaderFunctionByItsName() throws Exception {
    ExecutionResult r = run(Map.of(), oneTask(FN_ARN + "Greet", ", \"End\": true"),
        "{\"name\": \"Ada\"}");
    assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(r.output()).isEqualTo(Json.parse("{\"greeting\":\"Hello, Ada\",\"state\":\"Work\"}"));
  }

  @Test
  void configurationMapsAwsNamesToFunctionsByNameOrClass() throws Exception {
    Map<String, String> functions = Map.of(
        "prod-greeter", "Greet",
        "other-greeter", TestFunctions.Greet.class.getName());
    assertThat(run(functions, oneTask(FN_ARN + "prod-greeter:live", ", \"End\": true"),
        "{\"name\": \"Bo\"}").output().get("greeting").asText()).isEqualTo("Hello, Bo");
    assertThat(run(functions, oneTask(FN_ARN + "other-greeter", ", \"End\": true"),
        "{\"name\": \"Cy\"}").output().get("greeting").asText()).isEqualTo("Hello, Cy");
  }

  @Test
  void lambdaInvokeHasTheAwsOutputShape() throws Exception {
    ExecutionResult r = run(Map.of(), oneTask("arn:aws:states:::lambda:invoke", """
        , "Parameters": {"FunctionName": "arn:aws:lambda:us-east-1:123456789012:function:Greet",
                         "Qualifier": "7", "Payload": {"name.$": "$.who"}},
          "End": true"""), "{\"who\": \"Di\"}");

    assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    JsonNode out = r.output();
    assertThat(out.fieldNames()).toIterable().containsExactly("ExecutedVersion", "Payload",
        "SdkHttpMetadata", "SdkResponseMetadata", "StatusCode");
    assertThat(out.get("ExecutedVersion").asText()).isEqualTo("7");
    assertThat(out.get("Payload").get("greeting").asText()).isEqualTo("Hello, Di");
    assertThat(out.get("StatusCode").asInt()).isEqualTo(200);
    assertThat(out.at("/SdkHttpMetadata/HttpStatusCode").asInt()).isEqualTo(200);
    String requestId = out.at("/SdkResponseMetadata/RequestId").asText();
    assertThat(requestId).isNotEmpty();
    assertThat(out.at("/SdkHttpMetadata/HttpHeaders/x-amzn-RequestId").asText())
        .isEqualTo(requestId);
    assertThat(out.at("/SdkHttpMetadata/AllHttpHeaders/X-Amz-Executed-Version/0").asText())
        .isEqualTo("7");
  }

  @Test
  void aThrowingFunctionFailsWithItsClassNameAndLambdasErrorDocument() throws Exception {
    ExecutionResult r = run(Map.of(), oneTask(FN_ARN + "OutOfStock", """
        , "Catch": [{"ErrorEquals": ["IllegalStateException"], "ResultPath": "$.error",
                     "Next": "Handled"}],
          "End": true"""), "{\"sku\": \"X1\"}");

    assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    JsonNode error = r.output().get("error");
    assertThat(error.get("Error").asText()).isEqualTo("IllegalStateException");
    JsonNode cause = Json.parse(error.get("Cause").asText());
    assertThat(cause.get("errorMessage").asText()).isEqualTo("no stock for X1");
    assertThat(cause.get("errorType").asText()).isEqualTo("IllegalStateException");
    assertThat(cause.get("stackTrace").isArray()).isTrue();
  }

  @Test
  void functionErrorChoosesTheErrorNameAsAwsDefinitionsExpect() throws Exception {
    ExecutionResult r = run(Map.of(), oneTask(FN_ARN + "Custom", """
        , "Retry": [{"ErrorEquals": ["CustomError"], "MaxAttempts": 2, "IntervalSeconds": 1}],
          "End": true"""), "{}");
    assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(r.error()).isEqualTo("CustomError");
    assertThat(Json.parse(r.cause()).get("errorMessage").asText())
        .isEqualTo("This is a custom error!");
  }

  @Test
  void functionsCanBeServedOverHttp() throws Exception {
    Map<String, String> functions = Map.of("Remote", server.url("/fn"));
    ExecutionResult direct = run(functions, oneTask(FN_ARN + "Remote", ", \"End\": true"),
        "{\"n\": 1}");
    assertThat(direct.output()).isEqualTo(Json.parse("{\"echo\":{\"n\":1}}"));

    ExecutionResult invoked = run(functions, oneTask("arn:aws:states:::lambda:invoke", """
        , "Parameters": {"FunctionName": "Remote", "Payload": {"n": 2}}, "End": true"""), "{}");
    assertThat(invoked.output().get("Payload")).isEqualTo(Json.parse("{\"echo\":{\"n\":2}}"));
    assertThat(invoked.output().get("ExecutedVersion").asText()).isEqualTo("$LATEST");
  }

  @Test
  void anHttpFunctionErrorCarriesItsErrorType() throws Exception {
    ExecutionResult r = run(Map.of("Broken", server.url("/fn-error")),
        oneTask(FN_ARN + "Broken", ", \"End\": true"), "{}");
    assertThat(r.error()).isEqualTo("CustomError");
    assertThat(r.cause()).contains("remote boom");
  }

  @Test
  void anUnconfiguredFunctionSaysHowToConfigureIt() throws Exception {
    ExecutionResult r = run(Map.of(), oneTask(FN_ARN + "Missing", ", \"End\": true"), "{}");
    assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(r.error()).isEqualTo("States.TaskFailed");
    assertThat(r.cause()).contains("'Missing'").contains("functions:").contains("ServiceLoader")
        .contains("Greet");
  }

  @Test
  void aConfiguredJavaFunctionThatDoesNotExistIsAConfigurationError() {
    assertThatThrownBy(() -> run(Map.of("x", "NoSuchFunction"),
        oneTask(FN_ARN + "x", ", \"End\": true"), "{}"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("functions.x");
  }

  @Test
  void functionNameForms() {
    assertThat(FunctionName.parse("Hello")).isEqualTo(new FunctionName("Hello", null));
    assertThat(FunctionName.parse("Hello:prod")).isEqualTo(new FunctionName("Hello", "prod"));
    assertThat(FunctionName.parse("123456789012:function:Hello"))
        .isEqualTo(new FunctionName("Hello", null));
    assertThat(FunctionName.parse("arn:aws:lambda:us-east-1:123456789012:function:Hello:$LATEST"))
        .isEqualTo(new FunctionName("Hello", "$LATEST"));
    assertThat(FunctionName.parse("bad name")).isNull();
  }
}
