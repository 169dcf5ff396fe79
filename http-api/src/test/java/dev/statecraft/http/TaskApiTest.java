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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Callbacks and activities over REST and the AWS JSON protocol, on a real server. */
class TaskApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static TestEngine engine;
  private static ApiServer server;
  private static String base;

  private static final String CALLBACK = """
      {"StartAt":"Approve","States":{"Approve":{"Type":"Task",
        "Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",
        "Parameters":{"MessageBody":{"token.$":"$$.Task.Token"}},"End":true}}}""";

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

  private static HttpRequest build(String method, String path, String type, String body,
      String target) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    if (type != null) {
      b.header("Content-Type", type);
    }
    if (target != null) {
      b.header("X-Amz-Target", "AWSStepFunctions." + target);
    }
    return b.build();
  }

  private static HttpResponse<String> request(String method, String path, String type,
      String body) throws Exception {
    return HTTP.send(build(method, path, type, body, null), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> aws(String action, String body) throws Exception {
    return HTTP.send(build("POST", "/", AwsJsonProtocol.CONTENT_TYPE, body, action),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode ok(HttpResponse<String> r, int status) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    return r.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(r.body());
  }

  private static void register(String name, String definition) throws Exception {
    String body = JSON.writeValueAsString(JSON.createObjectNode().put("name", name)
        .set("definition", JSON.readTree(definition)));
    ok(request("POST", "/state-machines", "application/json", body), 201);
  }

  /** The token as the integration saw it: in the TaskScheduled parameters. */
  private static String tokenFromHistory(String id) throws Exception {
    JsonNode events = ok(request("GET", "/executions/" + id + "/history", null, null), 200)
        .get("events");
    for (JsonNode e : events) {
      if (e.get("type").asText().equals("TaskScheduled")) {
        JsonNode params = JSON.readTree(e.get("taskScheduledEventDetails").get("parameters")
            .asText());
        return params.get("MessageBody").get("token").asText();
      }
    }
    throw new AssertionError("no TaskScheduled in " + events);
  }

  @Test
  void registerStartCallbackByUrlThenReadTheHistory() throws Exception {
    register("approval", CALLBACK);
    JsonNode started = ok(request("POST", "/state-machines/approval/executions",
        "application/json", "{\"name\":\"r1\",\"input\":{\"amount\":10}}"), 201);
    String id = started.get("id").asText();
    String token = tokenFromHistory(id);

    HttpResponse<String> r = request("POST", "/task-tokens/" + token + "/success",
        "application/json", "{\"approved\":true}");
    assertThat(ok(r, 200).get("status").asText()).isEqualTo("accepted");
    engine.engine().whenFinished(started.get("executionArn").asText()).get(20, TimeUnit.SECONDS);

    JsonNode described = ok(request("GET", "/executions/" + id, null, null), 200);
    assertThat(described.get("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(JSON.readTree(described.get("output").asText()).get("approved").asBoolean())
        .isTrue();
    List<String> types = new ArrayList<>();
    ok(request("GET", "/executions/" + id + "/history", null, null), 200).get("events")
        .forEach(e -> types.add(e.get("type").asText()));
    assertThat(types).containsSubsequence("TaskScheduled", "TaskStarted", "TaskSucceeded",
        "ExecutionSucceeded");

    // The same URL again: the task is gone.
    r = request("POST", "/task-tokens/" + token + "/success", "application/json", "{}");
    assertThat(ok(r, 404).get("error").asText()).isEqualTo("TaskDoesNotExist");
  }

  @Test
  void badCallbacksAre4xxWithAwsNames() throws Exception {
    register("approval-bad", CALLBACK);
    JsonNode started = ok(request("POST", "/state-machines/approval-bad/executions",
        "application/json", "{\"name\":\"r1\"}"), 201);
    String token = tokenFromHistory(started.get("id").asText());
    String t = "/task-tokens/" + token;
    assertThat(ok(request("POST", t + "/success", "application/json", "{oops"), 400)
        .get("error").asText()).isEqualTo("InvalidOutput");
    assertThat(ok(request("POST", t + "/success", "application/json", null), 400)
        .get("error").asText()).isEqualTo("ValidationException");
    assertThat(ok(request("POST", t + "/failure", "application/json", "[1]"), 400)
        .get("error").asText()).isEqualTo("ValidationException");
    assertThat(ok(request("POST", "/task-tokens/short/heartbeat", null, null), 400)
        .get("error").asText()).isEqualTo("InvalidToken");
    assertThat(ok(request("POST", "/task-tokens/" + "Q".repeat(32) + "/heartbeat", null, null),
        404).get("error").asText()).isEqualTo("TaskDoesNotExist");
    ok(request("POST", t + "/heartbeat", null, null), 200);
    ok(request("POST", t + "/failure", "application/json",
        "{\"error\":\"Denied\",\"cause\":\"no budget\"}"), 200);
    JsonNode done = JSON.readTree(JSON.writeValueAsString(engine.engine()
        .whenFinished(started.get("executionArn").asText()).get(20, TimeUnit.SECONDS).error()));
    assertThat(done.asText()).isEqualTo("Denied");
  }

  @Test
  void anActivityWorkerLoopOverRest() throws Exception {
    JsonNode a = ok(request("POST", "/activities", "application/json", "{\"name\":\"double\"}"),
        201);
    String activityArn = a.get("activityArn").asText();
    assertThat(ok(request("GET", "/activities/double", null, null), 200).get("activityArn")
        .asText()).isEqualTo(activityArn);
    assertThat(ok(request("GET", "/activities", null, null), 200).get("activities").toString())
        .contains(activityArn);
    ok(request("GET", "/activities/double/tasks?worker=w&waitSeconds=0", null, null), 204);
    assertThat(ok(request("GET", "/activities/nope/tasks", null, null), 404).get("error")
        .asText()).isEqualTo("ActivityDoesNotExist");
    assertThat(ok(request("GET", "/activities/double/tasks?waitSeconds=99", null, null), 400)
        .get("error").asText()).isEqualTo("ValidationException");
    assertThat(ok(request("POST", "/activities", "application/json", "{}"), 400).get("error")
        .asText()).isEqualTo("ValidationException");

    int n = 25;
    register("doubler", """
        {"StartAt":"Each","States":{"Each":{"Type":"Map",
          "ItemProcessor":{"StartAt":"Double","States":{"Double":{"Type":"Task",
            "Resource":"%s","End":true}}},"End":true}}}""".formatted(activityArn));
    StringBuilder items = new StringBuilder("[");
    for (int i = 0; i < n; i++) {
      items.append(i == 0 ? "" : ",").append(i);
    }
    JsonNode started = ok(request("POST", "/state-machines/doubler/executions",
        "application/json", "{\"input\":" + items.append("]") + "}"), 201);
    AtomicInteger done = new AtomicInteger();
    CompletableFuture<Void> worker = CompletableFuture.runAsync(() -> {
      try {
        while (done.get() < n) {
          HttpResponse<String> r = request("GET", "/activities/double/tasks?worker=rest-worker",
              null, null);
          if (r.statusCode() == 204) {
            continue;
          }
          JsonNode task = ok(r, 200);
          int x = JSON.readTree(task.get("input").asText()).asInt();
          ok(request("POST", "/task-tokens/" + task.get("taskToken").asText() + "/success",
              "application/json", Integer.toString(2 * x)), 200);
          done.incrementAndGet();
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    String output = engine.engine().whenFinished(started.get("executionArn").asText())
        .get(60, TimeUnit.SECONDS).output();
    worker.get(10, TimeUnit.SECONDS);
    JsonNode out = JSON.readTree(output);
    for (int i = 0; i < n; i++) {
      assertThat(out.get(i).asInt()).isEqualTo(2 * i);
    }
    ok(request("DELETE", "/activities/double", null, null), 200);
    ok(request("GET", "/activities/double", null, null), 404);
  }

  @Test
  void awsProtocolGetActivityTaskAndSendTaskSuccess() throws Exception {
    JsonNode created = ok(aws("CreateActivity", "{\"name\":\"aws-act\"}"), 200);
    String activityArn = created.get("activityArn").asText();
    assertThat(ok(aws("DescribeActivity", "{\"activityArn\":\"" + activityArn + "\"}"), 200)
        .get("name").asText()).isEqualTo("aws-act");
    assertThat(ok(aws("ListActivities", "{}"), 200).get("activities").toString())
        .contains(activityArn);
    // The long poll is waiting before the task exists.
    CompletableFuture<HttpResponse<String>> poll = HTTP.sendAsync(build("POST", "/",
        AwsJsonProtocol.CONTENT_TYPE, "{\"activityArn\":\"" + activityArn
            + "\",\"workerName\":\"aws-worker\"}", "GetActivityTask"),
        HttpResponse.BodyHandlers.ofString());
    String machine = ok(aws("CreateStateMachine", JSON.writeValueAsString(JSON
        .createObjectNode().put("name", "aws-activity").put("roleArn", "r")
        .put("definition", "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Task\","
            + "\"Resource\":\"" + activityArn + "\",\"End\":true}}}"))), 200)
        .get("stateMachineArn").asText();
    String exec = ok(aws("StartExecution", "{\"stateMachineArn\":\"" + machine
        + "\",\"input\":\"{\\\"n\\\":1}\"}"), 200).get("executionArn").asText();
    JsonNode task = ok(poll.get(20, TimeUnit.SECONDS), 200);
    assertThat(task.get("input").asText()).isEqualTo("{\"n\":1}");
    String token = task.get("taskToken").asText();
    ok(aws("SendTaskHeartbeat", "{\"taskToken\":\"" + token + "\"}"), 200);
    ok(aws("SendTaskSuccess", "{\"taskToken\":\"" + token + "\",\"output\":\"{\\\"n\\\":2}\"}"),
        200);
    engine.engine().whenFinished(exec).get(20, TimeUnit.SECONDS);
    JsonNode described = ok(aws("DescribeExecution", "{\"executionArn\":\"" + exec + "\"}"),
        200);
    assertThat(described.get("output").asText()).isEqualTo("{\"n\":2}");

    HttpResponse<String> r = aws("SendTaskSuccess", "{\"taskToken\":\"" + token
        + "\",\"output\":\"{}\"}");
    assertThat(ok(r, 400).get("__type").asText()).endsWith("#TaskDoesNotExist");
    r = aws("SendTaskFailure", "{\"taskToken\":\"bad token\"}");
    assertThat(ok(r, 400).get("__type").asText()).endsWith("#InvalidToken");
    r = aws("GetActivityTask", "{\"activityArn\":\"arn:aws:states:us-east-1:123456789012"
        + ":activity:missing\"}");
    assertThat(ok(r, 400).get("__type").asText()).endsWith("#ActivityDoesNotExist");
    r = aws("GetActivityTask", "{}");
    assertThat(ok(r, 400).get("__type").asText()).endsWith("#ValidationException");
    ok(aws("DeleteActivity", "{\"activityArn\":\"" + activityArn + "\"}"), 200);
  }
}
