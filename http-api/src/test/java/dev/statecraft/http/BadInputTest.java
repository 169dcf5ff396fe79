package dev.statecraft.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A client's mistake on any route is a 4xx with a JSON body naming the problem — never a 500,
 * never a hang.
 */
class BadInputTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static TestEngine engine;
  private static ApiServer server;
  private static String base;

  @BeforeAll
  static void start() throws Exception {
    engine = new TestEngine();
    server = new ApiServer(engine.service()).shutdownGrace(0);
    base = "http://127.0.0.1:" + server.start("127.0.0.1", 0);
    send("POST", "/state-machines", "application/json",
        "{\"name\":\"m\",\"definition\":{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\","
            + "\"End\":true}}}}");
  }

  @AfterAll
  static void stop() {
    server.close();
    engine.close();
  }

  private static HttpResponse<String> send(String method, String path, String type, String body)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).method(method,
        body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    if (type != null) {
      b.header("Content-Type", type);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static Stream<Arguments> mistakes() {
    String broken = "{\"name\": ";
    return Stream.of(
        Arguments.of("POST", "/state-machines", broken, 400),
        Arguments.of("POST", "/state-machines", "[1,2]", 400),
        Arguments.of("POST", "/state-machines", "{\"name\":\"x\"}", 400),
        Arguments.of("POST", "/state-machines", "{\"name\":7,\"definition\":{}}", 400),
        Arguments.of("POST", "/state-machines",
            "{\"name\":\"bad name?\",\"definition\":{\"StartAt\":\"A\",\"States\":{\"A\":"
                + "{\"Type\":\"Succeed\"}}}}", 400),
        Arguments.of("POST", "/state-machines",
            "{\"name\":\"x\",\"type\":\"FAST\",\"definition\":{}}", 400),
        Arguments.of("GET", "/state-machines?maxResults=abc", null, 400),
        Arguments.of("GET", "/state-machines?maxResults=100000", null, 400),
        Arguments.of("GET", "/state-machines/nope", null, 404),
        Arguments.of("PUT", "/state-machines/m", broken, 400),
        Arguments.of("PUT", "/state-machines/m", "{\"definition\":{\"StartAt\":\"Z\"}}", 400),
        Arguments.of("DELETE", "/state-machines/nope", null, 404),
        Arguments.of("GET", "/state-machines/m/versions/abc", null, 400),
        Arguments.of("GET", "/state-machines/m/versions/99", null, 404),
        Arguments.of("POST", "/state-machines/m/executions", broken, 400),
        Arguments.of("POST", "/state-machines/m/executions", "{\"input\":\"{not json\"}", 400),
        Arguments.of("POST", "/state-machines/m/executions", "{\"name\":5}", 400),
        Arguments.of("POST", "/state-machines/nope/executions", "{}", 404),
        Arguments.of("POST", "/state-machines/m/executions?mode=sync", "{}", 400),
        Arguments.of("GET", "/executions", null, 400),
        Arguments.of("GET", "/executions?stateMachine=m&status=DONE", null, 400),
        Arguments.of("GET", "/executions/no-colon", null, 400),
        Arguments.of("GET", "/executions/m:missing", null, 404),
        Arguments.of("POST", "/executions/m:missing/stop", "{}", 404),
        Arguments.of("POST", "/executions/m:missing/stop", broken, 400),
        Arguments.of("POST", "/executions/m:missing/redrive", null, 404),
        Arguments.of("GET", "/executions/m:missing/history?limit=x", null, 400),
        Arguments.of("POST", "/task-tokens/not-a-token/success", "{}", 400),
        // A well-formed token nobody issued: unknown before its body is looked at.
        Arguments.of("POST", "/task-tokens/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/success",
            broken, 404),
        Arguments.of("POST", "/task-tokens/not-a-token/failure", "{\"error\":1}", 400),
        Arguments.of("POST", "/task-tokens/not-a-token/heartbeat", null, 400),
        Arguments.of("POST", "/activities", broken, 400),
        Arguments.of("POST", "/activities", "{}", 400),
        Arguments.of("GET", "/activities/nope", null, 404),
        Arguments.of("GET", "/activities/nope/tasks?waitSeconds=abc", null, 400),
        Arguments.of("POST", "/validate", "", 400),
        Arguments.of("GET", "/no/such/route", null, 404),
        Arguments.of("PATCH", "/state-machines/m", "{}", 404));
  }

  @ParameterizedTest(name = "{0} {1} -> {3}")
  @MethodSource("mistakes")
  void clientMistakesGetA4xxWithAJsonReason(String method, String path, String body,
      int status) throws Exception {
    HttpResponse<String> r = send(method, path, body == null ? null : "application/json", body);
    assertThat(r.statusCode()).as(method + " " + path + " -> " + r.body()).isEqualTo(status);
    JsonNode json = JSON.readTree(r.body());
    assertThat(json.get("error").asText()).isNotBlank();
    assertThat(json.get("message").asText()).isNotBlank();
  }
}
