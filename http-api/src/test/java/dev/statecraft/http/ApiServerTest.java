package dev.statecraft.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.vertx.ext.web.Route;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The server over real HTTP on loopback. */
class ApiServerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static ApiServer server;
  private static String base;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static TestEngine engine;

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

  private static HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(String path, String contentType, String body,
      String target) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
    if (target != null) {
      b.header("X-Amz-Target", target);
    }
    return send(b);
  }

  @Test
  void everyEventLoopServesOnTheOnePort() throws Exception {
    try (TestEngine other = new TestEngine()) {
      ApiServer three = new ApiServer(other.service()).shutdownGrace(0).eventLoops(3);
      try {
        int port = three.start("127.0.0.1", 0);
        assertThat(three.listeningPorts()).containsExactly(port, port, port);
        // Fresh clients open fresh connections, which Vert.x hands to the servers in turn.
        for (int i = 0; i < 6; i++) {
          HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
              URI.create("http://127.0.0.1:" + port + "/health")).build(),
              HttpResponse.BodyHandlers.ofString());
          assertThat(r.statusCode()).isEqualTo(200);
        }
      } finally {
        three.close();
      }
    }
    ApiServer unused = new ApiServer(engine.service());
    try {
      assertThatThrownBy(() -> unused.eventLoops(0)).isInstanceOf(IllegalArgumentException.class);
    } finally {
      unused.close();
    }
  }

  @Test
  void health() throws Exception {
    HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/health")));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(r.body()).get("status").asText()).isEqualTo("UP");
  }

  @Test
  void validateGivesDiagnosticsWithPositions() throws Exception {
    String yaml = "StartAt: A\nStates:\n  A:\n    Type: Pass\n    Next: Missing\n";
    HttpResponse<String> r = post("/validate", "application/yaml", yaml, null);
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(r.body());
    assertThat(body.get("valid").asBoolean()).isFalse();
    JsonNode d = body.get("diagnostics").get(0);
    assertThat(d.get("code").asText()).isEqualTo("MISSING_TRANSITION_TARGET");
    assertThat(d.get("pointer").asText()).isEqualTo("/States/A/Next");
    assertThat(d.get("line").asInt()).isEqualTo(5);

    r = post("/validate", "application/json",
        "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Succeed\"}}}", null);
    assertThat(JSON.readTree(r.body()).get("valid").asBoolean()).isTrue();
  }

  @Test
  void emptyValidateBodyIs400WithAReason() throws Exception {
    HttpResponse<String> r = post("/validate", "application/json", "", null);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(r.body()).get("error").asText()).isEqualTo("ValidationException");
  }

  @Test
  void awsValidateStateMachineDefinition() throws Exception {
    String req = "{\"definition\": \"{\\\"StartAt\\\": \\\"X\\\", \\\"States\\\": {}}\"}";
    HttpResponse<String> r = post("/", AwsJsonProtocol.CONTENT_TYPE, req,
        "AWSStepFunctions.ValidateStateMachineDefinition");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(r.body());
    assertThat(body.get("result").asText()).isEqualTo("FAIL");
    assertThat(body.get("diagnostics")).isNotEmpty();
  }

  @Test
  void awsErrorsCarryTheModelledType() throws Exception {
    HttpResponse<String> r = post("/", AwsJsonProtocol.CONTENT_TYPE, "{}",
        "AWSStepFunctions.NoSuchThing");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(r.body()).get("__type").asText())
        .isEqualTo("com.amazonaws.swf.service.v2.model#UnknownOperationException");
    r = post("/", AwsJsonProtocol.CONTENT_TYPE, "{not json",
        "AWSStepFunctions.ValidateStateMachineDefinition");
    assertThat(JSON.readTree(r.body()).get("__type").asText()).endsWith("#SerializationException");
    r = post("/", AwsJsonProtocol.CONTENT_TYPE, "{}",
        "AWSStepFunctions.ValidateStateMachineDefinition");
    assertThat(JSON.readTree(r.body()).get("__type").asText()).endsWith("#ValidationException");
  }

  @Test
  void unknownPathIsAJson404() throws Exception {
    HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/nope")));
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(r.body()).get("error").asText()).isEqualTo("ResourceNotFound");
  }

  @Test
  void metricsAreServedInPrometheusFormat() throws Exception {
    send(HttpRequest.newBuilder(URI.create(base + "/health")));
    HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/metrics")));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("vertx_http_server_requests");
  }

  @Test
  void openApiDocumentsEveryRoute() throws Exception {
    HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/openapi.yaml")));
    JsonNode doc = new YAMLMapper().readTree(r.body());
    assertThat(doc.get("openapi").asText()).startsWith("3.1");
    Set<String> documented = new TreeSet<>();
    doc.get("paths").fieldNames().forEachRemaining(documented::add);
    Set<String> routed = new TreeSet<>();
    for (Route route : server.router().getRoutes()) {
      if (route.getPath() != null) {
        routed.add(route.getPath().replaceAll(":([A-Za-z]+)", "{$1}"));
      }
    }
    assertThat(documented).isEqualTo(routed);
  }
}
