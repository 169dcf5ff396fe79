package dev.statecraft.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The optional bearer token. */
class BearerAuthTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static TestEngine engine;
  private static ApiServer server;
  private static String base;

  @BeforeAll
  static void start() {
    engine = new TestEngine();
    server = new ApiServer(engine.service()).authToken("s3cret").shutdownGrace(0);
    base = "http://127.0.0.1:" + server.start("127.0.0.1", 0);
  }

  @AfterAll
  static void stop() {
    server.close();
    engine.close();
  }

  private static int status(String path, String authorization, String target) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    if (target != null) {
      b.header("X-Amz-Target", target).POST(HttpRequest.BodyPublishers.ofString("{}"));
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  @Test
  void healthIsOpenEverythingElseNeedsTheToken() throws Exception {
    assertThat(status("/health", null, null)).isEqualTo(200);
    assertThat(status("/state-machines", null, null)).isEqualTo(401);
    assertThat(status("/state-machines", "Bearer wrong", null)).isEqualTo(401);
    assertThat(status("/state-machines", "Bearer s3cret", null)).isEqualTo(200);
  }

  @Test
  void awsClientsUseTheTokenAsAccessKeyId() throws Exception {
    String sig = "AWS4-HMAC-SHA256 Credential=s3cret/20260101/us-east-1/states/aws4_request,"
        + " SignedHeaders=host, Signature=abc";
    assertThat(status("/", sig, "AWSStepFunctions.ListStateMachines")).isEqualTo(200);
    assertThat(status("/", sig.replace("s3cret", "other"), "AWSStepFunctions.ListStateMachines"))
        .isEqualTo(401);
  }
}
