package dev.statecraft.integrations.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statecraft.engine.core.Json;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The result of {@code arn:aws:states:::lambda:invoke}, shaped as Step Functions returns Lambda's
 * Invoke response: {@code ExecutedVersion}, {@code Payload}, {@code SdkHttpMetadata} ({@code
 * AllHttpHeaders}, {@code HttpHeaders}, {@code HttpStatusCode}), {@code SdkResponseMetadata}
 * ({@code RequestId}) and {@code StatusCode}.
 */
final class InvokeOutput {
  private InvokeOutput() {}

  /**
   * @param payload the function's result
   * @param executedVersion the version that ran ({@code $LATEST} unless a version was asked for)
   * @param requestId the call's id
   * @param statusCode 200 for a synchronous call, 202 for {@code InvocationType: Event}
   */
  static JsonNode of(JsonNode payload, String executedVersion, String requestId, int statusCode) {
    String body = payload == null ? "" : Json.write(payload);
    String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC));
    ObjectNode headers = Json.object();
    headers.put("Connection", "keep-alive");
    headers.put("Content-Length", Integer.toString(body.length()));
    headers.put("Content-Type", "application/json");
    headers.put("Date", date);
    headers.put("X-Amz-Executed-Version", executedVersion);
    headers.put("x-amzn-Remapped-Content-Length", "0");
    headers.put("x-amzn-RequestId", requestId);
    ObjectNode all = Json.object();
    headers.fields().forEachRemaining(e -> all.putArray(e.getKey()).add(e.getValue()));

    ObjectNode out = Json.object();
    out.put("ExecutedVersion", executedVersion);
    out.set("Payload", payload == null ? Json.NODES.textNode("") : payload);
    ObjectNode http = out.putObject("SdkHttpMetadata");
    http.set("AllHttpHeaders", all);
    http.set("HttpHeaders", headers);
    http.put("HttpStatusCode", statusCode);
    out.putObject("SdkResponseMetadata").put("RequestId", requestId);
    out.put("StatusCode", statusCode);
    return out;
  }

  /** The version Lambda reports: a numeric qualifier, else {@code $LATEST} (aliases included). */
  static String executedVersion(String qualifier) {
    return qualifier != null && qualifier.chars().allMatch(Character::isDigit) ? qualifier
        : "$LATEST";
  }
}
