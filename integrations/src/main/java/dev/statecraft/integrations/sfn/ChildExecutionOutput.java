package dev.statecraft.integrations.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statecraft.engine.api.StartResult;
import dev.statecraft.engine.core.ExecutionStatus;
import dev.statecraft.engine.core.Json;
import dev.statecraft.engine.store.ExecutionRecord;

/**
 * What a {@code states:startExecution} task returns, in the shapes AWS returns them: the
 * StartExecution response for request-response and {@code .waitForTaskToken} starts, the child's
 * DescribeExecution response (PascalCase, keys in alphabetical order, dates in epoch
 * milliseconds) for {@code .sync} (Input and Output as JSON text) and {@code .sync:2} (as JSON
 * values).
 */
final class ChildExecutionOutput {
  private ChildExecutionOutput() {}

  /** {@code {ExecutionArn, SdkHttpMetadata, SdkResponseMetadata, StartDate}}. */
  static ObjectNode started(StartResult s, String requestId) {
    ObjectNode out = Json.object();
    out.put("ExecutionArn", s.executionArn());
    String body = "{\"executionArn\":\"" + s.executionArn() + "\",\"startDate\":"
        + s.startMillis() / 1000.0 + "}";
    ObjectNode headers = Json.object();
    headers.put("Content-Length", String.valueOf(body.length()));
    headers.put("Content-Type", "application/x-amz-json-1.0");
    headers.put("x-amzn-RequestId", requestId);
    ObjectNode all = Json.object();
    headers.fields().forEachRemaining(e -> all.putArray(e.getKey()).add(e.getValue()));
    ObjectNode http = out.putObject("SdkHttpMetadata");
    http.set("AllHttpHeaders", all);
    http.set("HttpHeaders", headers);
    http.put("HttpStatusCode", 200);
    out.putObject("SdkResponseMetadata").put("RequestId", requestId);
    out.put("StartDate", s.startMillis());
    return out;
  }

  /**
   * The child's DescribeExecution response.
   *
   * @param parsed true for {@code .sync:2}: Input and Output as JSON values, not JSON text
   */
  static ObjectNode described(ExecutionRecord r, boolean parsed) {
    ObjectNode out = Json.object();
    if (r.cause() != null) {
      out.put("Cause", r.cause());
    }
    if (r.error() != null) {
      out.put("Error", r.error());
    }
    out.put("ExecutionArn", r.arn());
    out.set("Input", payload(r.input(), parsed));
    out.putObject("InputDetails").put("Included", true);
    out.put("Name", r.name());
    if (r.output() != null) {
      out.set("Output", payload(r.output(), parsed));
      out.putObject("OutputDetails").put("Included", true);
    }
    out.put("RedriveCount", r.redriveCount());
    if (r.status() == ExecutionStatus.SUCCEEDED) {
      out.put("RedriveStatus", "NOT_REDRIVABLE");
      out.put("RedriveStatusReason", "Execution is SUCCEEDED and cannot be redriven");
    } else {
      out.put("RedriveStatus", "REDRIVABLE");
    }
    out.put("StartDate", r.startMillis());
    out.put("StateMachineArn", r.stateMachineArn());
    out.put("Status", r.status().name());
    out.put("StopDate", r.stopMillis());
    return out;
  }

  private static JsonNode payload(String json, boolean parsed) {
    return parsed ? Json.parse(json) : Json.NODES.textNode(json);
  }
}
