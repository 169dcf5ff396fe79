package dev.statecraft.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.statecraft.engine.api.Arns;
import dev.statecraft.engine.api.StatesService;
import dev.statecraft.engine.runtime.DurableEngine;
import dev.statecraft.engine.runtime.EngineConfig;
import dev.statecraft.engine.store.jdbc.JdbcStore;
import dev.statecraft.integrations.TaskHandlers;
import dev.statecraft.integrations.config.StatecraftConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A definition written for AWS (Lambda, SQS and DynamoDB tasks) run through the HTTP API with a
 * Step Functions Local mock file, the test case chosen as Step Functions Local chooses it: the
 * state machine ARN's {@code #TestCase} suffix (AWS JSON protocol) or {@code ?testCase=} (REST).
 */
class MockedExecutionApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String MACHINE_ARN =
      "arn:aws:states:us-east-1:123456789012:stateMachine:OrderMachine";

  static final String DEFINITION = """
      {"StartAt": "CheckStock", "States": {
        "CheckStock": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
          "Parameters": {"FunctionName": "check-stock", "Payload.$": "$"},
          "ResultSelector": {"available.$": "$.Payload.available"},
          "ResultPath": "$.stock", "Next": "Notify"},
        "Notify": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage",
          "Parameters": {"QueueUrl": "https://sqs.us-east-1.amazonaws.com/123456789012/orders",
                         "MessageBody.$": "$.order"},
          "ResultSelector": {"id.$": "$.MessageId"},
          "ResultPath": "$.message", "Next": "Save"},
        "Save": {"Type": "Task", "Resource": "arn:aws:states:::dynamodb:putItem",
          "Parameters": {"TableName": "Orders", "Item": {"id": {"S.$": "$.order"}}},
          "ResultPath": null,
          "Catch": [{"ErrorEquals": ["DynamoDB.ConditionalCheckFailedException"],
                     "ResultPath": "$.saveError", "Next": "AlreadySaved"}],
          "End": true},
        "AlreadySaved": {"Type": "Pass", "End": true}
      }}""";

  static final String MOCKS = """
      {"StateMachines": {"OrderMachine": {"TestCases": {
          "HappyPath": {"CheckStock": "StockAvailable", "Notify": "MessageSent", "Save": "Saved"},
          "DuplicatePath": {"CheckStock": "StockAvailable", "Notify": "MessageSent",
                            "Save": "Duplicate"}}},
         "ExpressOrders": {"TestCases": {
          "HappyPath": {"CheckStock": "StockAvailable", "Notify": "MessageSent", "Save": "Saved"}}}},
       "MockedResponses": {
          "StockAvailable": {"0": {"Return": {"StatusCode": 200, "Payload": {"available": 3}}}},
          "MessageSent": {"0": {"Return": {"MessageId": "m-1", "MD5OfMessageBody": "abc"}}},
          "Saved": {"0": {"Return": {}}},
          "Duplicate": {"0": {"Throw": {"Error": "DynamoDB.ConditionalCheckFailedException",
                                        "Cause": "The conditional request failed"}}}}}""";

  @TempDir static Path dir;
  private static JdbcStore store;
  private static TaskHandlers handlers;
  private static DurableEngine engine;
  private static StatesService service;
  private static ApiServer server;
  private static String base;

  @BeforeAll
  static void start() throws Exception {
    Files.writeString(dir.resolve("MockConfigFile.json"), MOCKS);
    Files.writeString(dir.resolve("statecraft.yaml"), "mocks: MockConfigFile.json\n");
    store = JdbcStore.h2Memory("mocked-" + UUID.randomUUID());
    handlers = TaskHandlers.create(StatecraftConfig.read(dir.resolve("statecraft.yaml")));
    engine = new DurableEngine(store, EngineConfig.defaults(List.of(handlers)));
    service = new StatesService(engine, Arns.defaults());
    handlers.connect(service);
    engine.start();
    server = new ApiServer(service).shutdownGrace(0);
    base = "http://127.0.0.1:" + server.start("127.0.0.1", 0);
    aws("CreateStateMachine", JSON.createObjectNode().put("name", "OrderMachine")
        .put("definition", DEFINITION).toString());
    aws("CreateStateMachine", JSON.createObjectNode().put("name", "ExpressOrders")
        .put("type", "EXPRESS").put("definition", DEFINITION).toString());
  }

  @AfterAll
  static void stop() {
    server.close();
    service.close();
    engine.close();
    handlers.close();
    store.close();
  }

  private static HttpResponse<String> post(String path, String body, String target)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (target != null) {
      b.header("Content-Type", AwsJsonProtocol.CONTENT_TYPE)
          .header("X-Amz-Target", "AWSStepFunctions." + target);
    } else {
      b.header("Content-Type", "application/json");
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode aws(String action, String body) throws Exception {
    HttpResponse<String> r = post("/", body, action);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  private static JsonNode finished(String executionArn) throws Exception {
    engine.whenFinished(executionArn).get(20, TimeUnit.SECONDS);
    return aws("DescribeExecution", JSON.createObjectNode().put("executionArn", executionArn)
        .toString());
  }

  @Test
  void theArnSuffixSelectsTheTestCaseOverTheAwsProtocol() throws Exception {
    JsonNode started = aws("StartExecution", JSON.createObjectNode()
        .put("stateMachineArn", MACHINE_ARN + "#HappyPath")
        .put("input", "{\"order\":\"o-1\"}").toString());

    String arn = started.get("executionArn").asText();
    assertThat(arn).isEqualTo(
        "arn:aws:states:us-east-1:123456789012:execution:OrderMachine:" + arn.substring(
            arn.lastIndexOf(':') + 1));
    JsonNode done = finished(arn);
    assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("SUCCEEDED");
    assertThat(JSON.readTree(done.get("output").asText())).isEqualTo(JSON.readTree(
        "{\"order\":\"o-1\",\"stock\":{\"available\":3},\"message\":{\"id\":\"m-1\"}}"));
  }

  @Test
  void theTestCaseQueryParameterSelectsItOverRest() throws Exception {
    HttpResponse<String> r = post("/state-machines/OrderMachine/executions?testCase=DuplicatePath",
        "{\"input\":{\"order\":\"o-2\"}}", null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);

    JsonNode done = finished(JSON.readTree(r.body()).get("executionArn").asText());
    assertThat(done.get("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(JSON.readTree(done.get("output").asText()).at("/saveError/Error").asText())
        .isEqualTo("DynamoDB.ConditionalCheckFailedException");
  }

  @Test
  void anExpressSyncStartUsesTheTestCaseToo() throws Exception {
    JsonNode done = aws("StartSyncExecution", JSON.createObjectNode()
        .put("stateMachineArn", MACHINE_ARN.replace("OrderMachine", "ExpressOrders")
            + "#HappyPath").put("input", "{\"order\":\"o-3\"}").toString());

    assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("SUCCEEDED");
    assertThat(JSON.readTree(done.get("output").asText()).at("/message/id").asText())
        .isEqualTo("m-1");
  }

  @Test
  void withoutATestCaseTheRealIntegrationsRunAndTheTaskFails() throws Exception {
    JsonNode started = aws("StartExecution", JSON.createObjectNode()
        .put("stateMachineArn", MACHINE_ARN).put("input", "{\"order\":\"o-4\"}").toString());

    JsonNode done = finished(started.get("executionArn").asText());
    assertThat(done.get("status").asText()).isEqualTo("FAILED");
    assertThat(done.get("error").asText()).isEqualTo("States.TaskFailed");
    assertThat(done.get("cause").asText()).contains("check-stock");
  }

  @Test
  void anUnknownTestCaseRefusesTheStart() throws Exception {
    HttpResponse<String> r = post("/", JSON.createObjectNode()
        .put("stateMachineArn", MACHINE_ARN + "#NoSuchCase").toString(), "StartExecution");

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("ValidationException").contains("NoSuchCase");
  }
}
