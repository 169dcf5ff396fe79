package dev.statecraft.http;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One operation of the AWS JSON 1.0 protocol ({@code X-Amz-Target: AWSStepFunctions.<Name>}).
 * It runs off the event loop and may block; it fails by throwing {@link ApiException}.
 */
@FunctionalInterface
interface AwsAction {
  JsonNode handle(JsonNode request);

  /**
   * An operation answered later: {@link #start} may block briefly (validation, JDBC) and returns
   * the stage that completes with the response.
   */
  @FunctionalInterface
  interface Async {
    java.util.concurrent.CompletionStage<JsonNode> start(JsonNode request);
  }
}
