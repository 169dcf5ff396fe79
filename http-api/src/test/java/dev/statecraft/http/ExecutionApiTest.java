package dev.statecraft.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** State machines and executions over REST and over the AWS JSON protocol, end to end. */
class ExecutionApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static TestEngine engine;
  private static ApiServer server;
  private static String base;

  private static final String DEFINITION = "{\"StartAt\":\"Greet\",\"States\":{\"Greet\":{"
      + "\"Type\":\"Pass\",\"Parameters\":{\"greeting.$\":\"States.Format('Hello, {}!', $.who)\"},"
      + "\"End\":true}}}";

  @BeforeAll
  static void start() {
    engine = new TestEngine();
    server = new ApiServer(engine.service()).shutdownGrace(0);
    base = "http://127.0.0.1:" + server.start("127.0.0.1", 0);
  }

  @AfterAll
  static void stop() {
    server.close();
    engine.close();
  }

  private static HttpResponse<String> request(String method, String path, String type,
      String body, String target) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    if (type != null) {
      b.header("Content-Type", type);
    }
    if (target != null) {
      b.header("X-Amz-Target", "AWSStepFunctions." + target);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode aws(String action, String body) throws Exception {
    HttpResponse<String> r = request("POST", "/", AwsJsonProtocol.CONTENT_TYPE, body, action);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  private static void awaitFinished(String arn) throws Exception {
    engine.engine().whenFinished(arn).get(20, TimeUnit.SECONDS);
  }

  @Test
  void restLifecycleOfAStandardExecution() throws Exception {
    String create = JSON.writeValueAsString(JSON.createObjectNode().put("name", "greeter")
        .set("definition", JSON.readTree(DEFINITION)));
    HttpResponse<String> r = request("POST", "/state-machines", "application/json", create, null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    assertThat(r.headers().firstValue("Location")).contains("/state-machines/greeter");

    r = request("POST", "/state-machines/greeter/executions", "application/json",
        "{\"name\":\"run-1\",\"input\":{\"who\":\"Ada\"}}", null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    JsonNode started = JSON.readTree(r.body());
    assertThat(started.get("id").asText()).isEqualTo("greeter:run-1");
    awaitFinished(started.get("executionArn").asText());

    JsonNode described = JSON.readTree(request("GET", "/executions/greeter:run-1", null, null,
        null).body());
    assertThat(described.get("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(JSON.readTree(described.get("output").asText()).get("greeting").asText())
        .isEqualTo("Hello, Ada!");

    JsonNode history = JSON.readTree(request("GET", "/executions/greeter:run-1/history", null,
        null, null).body());
    List<String> types = new ArrayList<>();
    history.get("events").forEach(e -> types.add(e.get("type").asText()));
    assertThat(types).containsExactly("ExecutionStarted", "PassStateEntered", "PassStateExited",
        "ExecutionSucceeded");
    JsonNode reversed = JSON.readTree(request("GET",
        "/executions/greeter:run-1/history?reverse=true&limit=1", null, null, null).body());
    assertThat(reversed.get("events").get(0).get("type").asText())
        .isEqualTo("ExecutionSucceeded");
    assertThat(reversed.get("nextToken").isNull()).isFalse();

    JsonNode list = JSON.readTree(request("GET", "/executions?stateMachine=greeter&status=SUCCEEDED",
        null, null, null).body());
    assertThat(list.get("executions")).hasSize(1);
  }

  @Test
  void yamlDefinitionsAndDiagnosticsOnInvalidOnes() throws Exception {
    String yaml = "StartAt: A\nStates:\n  A:\n    Type: Pass\n    End: true\n";
    HttpResponse<String> r = request("POST", "/state-machines?name=from-yaml", "application/yaml",
        yaml, null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);

    String broken = "StartAt: A\nStates:\n  A:\n    Type: Pass\n    Next: Nowhere\n";
    r = request("POST", "/state-machines?name=broken", "application/yaml", broken, null);
    assertThat(r.statusCode()).isEqualTo(400);
    JsonNode body = JSON.readTree(r.body());
    assertThat(body.get("error").asText()).isEqualTo("InvalidDefinition");
    JsonNode d = body.get("details").get(0);
    assertThat(d.get("pointer").asText()).isEqualTo("/States/A/Next");
    assertThat(d.get("line").asInt()).isEqualTo(5);

    r = request("POST", "/state-machines", "application/json", "{\"name\": ", null);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(r.body()).get("message").asText()).contains("not valid JSON");

    r = request("GET", "/executions/nope:nothing", null, null, null);
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(r.body()).get("error").asText()).isEqualTo("ExecutionDoesNotExist");
  }

  @Test
  void awsProtocolStandardAndExpress() throws Exception {
    JsonNode created = aws("CreateStateMachine", JSON.writeValueAsString(JSON.createObjectNode()
        .put("name", "aws-greeter").put("definition", DEFINITION)
        .put("roleArn", "arn:aws:iam::123456789012:role/x")));
    String machine = created.get("stateMachineArn").asText();
    assertThat(machine).isEqualTo("arn:aws:states:us-east-1:123456789012:stateMachine:aws-greeter");

    JsonNode started = aws("StartExecution", JSON.writeValueAsString(JSON.createObjectNode()
        .put("stateMachineArn", machine).put("name", "e1").put("input", "{\"who\":\"Bob\"}")));
    String execution = started.get("executionArn").asText();
    assertThat(started.get("startDate").isNumber()).isTrue();
    awaitFinished(execution);
    JsonNode described = aws("DescribeExecution", "{\"executionArn\":\"" + execution + "\"}");
    assertThat(described.get("status").asText()).isEqualTo("SUCCEEDED");
    JsonNode history = aws("GetExecutionHistory", "{\"executionArn\":\"" + execution + "\"}");
    assertThat(history.get("events").get(0).get("executionStartedEventDetails").get("input")
        .asText()).isEqualTo("{\"who\":\"Bob\"}");

    HttpResponse<String> again = request("POST", "/", AwsJsonProtocol.CONTENT_TYPE,
        JSON.writeValueAsString(JSON.createObjectNode().put("stateMachineArn", machine)
            .put("name", "e1").put("input", "{\"who\":\"Other\"}")), "StartExecution");
    assertThat(again.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(again.body()).get("__type").asText())
        .isEqualTo("com.amazonaws.swf.service.v2.model#ExecutionAlreadyExists");

    JsonNode express = aws("CreateStateMachine", JSON.writeValueAsString(JSON.createObjectNode()
        .put("name", "fast").put("definition", DEFINITION).put("type", "EXPRESS")));
    JsonNode sync = aws("StartSyncExecution", JSON.writeValueAsString(JSON.createObjectNode()
        .put("stateMachineArn", express.get("stateMachineArn").asText())
        .put("input", "{\"who\":\"Cy\"}")));
    assertThat(sync.get("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(JSON.readTree(sync.get("output").asText()).get("greeting").asText())
        .isEqualTo("Hello, Cy!");
    // Again, now that the machine is in memory: it runs on the event loop, same answer.
    for (String who : List.of("Di", "Ed")) {
      JsonNode again2 = aws("StartSyncExecution", JSON.writeValueAsString(JSON.createObjectNode()
          .put("stateMachineArn", express.get("stateMachineArn").asText())
          .put("input", "{\"who\":\"" + who + "\"}")));
      assertThat(JSON.readTree(again2.get("output").asText()).get("greeting").asText())
          .isEqualTo("Hello, " + who + "!");
    }
    HttpResponse<String> badInput = request("POST", "/", AwsJsonProtocol.CONTENT_TYPE,
        JSON.writeValueAsString(JSON.createObjectNode().put("stateMachineArn",
            express.get("stateMachineArn").asText()).put("input", "{not json")),
        "StartSyncExecution");
    assertThat(JSON.readTree(badInput.body()).get("__type").asText())
        .endsWith("#InvalidExecutionInput");

    HttpResponse<String> missing = request("POST", "/", AwsJsonProtocol.CONTENT_TYPE,
        "{\"executionArn\":\"arn:aws:states:us-east-1:123456789012:execution:x:y\"}",
        "DescribeExecution");
    assertThat(JSON.readTree(missing.body()).get("__type").asText())
        .endsWith("#ExecutionDoesNotExist");
  }

  @Test
  void testStateRunsOneStateAndSaysWhereItGoes() throws Exception {
    String choice = "{\"Type\":\"Choice\",\"Choices\":[{\"Variable\":\"$.n\","
        + "\"NumericGreaterThan\":10,\"Next\":\"Big\"}],\"Default\":\"Small\"}";
    JsonNode r = aws("TestState", JSON.writeValueAsString(JSON.createObjectNode()
        .put("definition", choice).put("input", "{\"n\":42}")));
    assertThat(r.get("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(r.get("nextState").asText()).isEqualTo("Big");

    String pass = "{\"Type\":\"Pass\",\"Parameters\":{\"sum.$\":\"States.MathAdd($.a, $.b)\"},"
        + "\"End\":true}";
    r = aws("TestState", JSON.writeValueAsString(JSON.createObjectNode()
        .put("definition", pass).put("input", "{\"a\":1,\"b\":2}")));
    assertThat(JSON.readTree(r.get("output").asText()).get("sum").asInt()).isEqualTo(3);
    assertThat(r.has("nextState")).isFalse();
    assertThat(r.has("inspectionData")).isFalse();

    // DEBUG: the data after each stage, each as JSON text (AWS's InspectionData shape).
    r = aws("TestState", JSON.writeValueAsString(JSON.createObjectNode()
        .put("definition", pass).put("input", "{\"a\":1,\"b\":2}")
        .put("inspectionLevel", "DEBUG")));
    JsonNode data = r.get("inspectionData");
    assertThat(data.get("input").asText()).isEqualTo("{\"a\":1,\"b\":2}");
    assertThat(data.get("afterInputPath").asText()).isEqualTo("{\"a\":1,\"b\":2}");
    assertThat(data.get("afterParameters").asText()).isEqualTo("{\"sum\":3}");
    assertThat(data.get("afterResultPath").asText()).isEqualTo(r.get("output").asText());
    // A state of a whole machine, with variables and a mocked Task answer (TestState's
    // stateName, variables and mock).
    String machine = "{\"StartAt\":\"Pay\",\"States\":{\"Pay\":{\"Type\":\"Task\","
        + "\"Resource\":\"arn:aws:states:::lambda:invoke\",\"ResultSelector\":{\"paid.$\":"
        + "\"$.ok\",\"by.$\":\"$who\"},\"End\":true}}}";
    r = aws("TestState", JSON.writeValueAsString(JSON.createObjectNode()
        .put("definition", machine).put("stateName", "Pay").put("variables", "{\"who\":\"ada\"}")
        .set("mock", JSON.createObjectNode().put("result", "{\"ok\":true}"))));
    assertThat(r.get("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(JSON.readTree(r.get("output").asText()))
        .isEqualTo(JSON.readTree("{\"paid\":true,\"by\":\"ada\"}"));
    HttpResponse<String> twoAnswers = request("POST", "/", AwsJsonProtocol.CONTENT_TYPE,
        JSON.writeValueAsString(JSON.createObjectNode().put("definition", machine)
            .set("mock", JSON.createObjectNode().put("result", "1")
                .set("errorOutput", JSON.createObjectNode().put("error", "E")))), "TestState");
    assertThat(twoAnswers.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(twoAnswers.body()).get("message").asText()).contains("exactly one");
    HttpResponse<String> level = request("POST", "/", AwsJsonProtocol.CONTENT_TYPE,
        JSON.writeValueAsString(JSON.createObjectNode().put("definition", pass)
            .put("inspectionLevel", "LOUD")), "TestState");
    assertThat(level.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(level.body()).get("__type").asText())
        .endsWith("#ValidationException");
    assertThat(JSON.readTree(level.body()).get("message").asText()).contains("inspectionLevel");

    r = aws("TestState", JSON.writeValueAsString(JSON.createObjectNode()
        .put("definition", "{\"Type\":\"Fail\",\"Error\":\"Nope\",\"Cause\":\"why\"}")));
    assertThat(r.get("status").asText()).isEqualTo("FAILED");
    assertThat(r.get("error").asText()).isEqualTo("Nope");

    HttpResponse<String> bad = request("POST", "/", AwsJsonProtocol.CONTENT_TYPE,
        "{\"definition\":\"{\\\"Type\\\":\\\"Bogus\\\"}\"}", "TestState");
    assertThat(JSON.readTree(bad.body()).get("__type").asText()).endsWith("#InvalidDefinition");
  }
}
