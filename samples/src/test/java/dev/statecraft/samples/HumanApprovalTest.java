package dev.statecraft.samples;

import static dev.statecraft.samples.SampleServer.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statecraft.engine.spi.TaskHandler;
import dev.statecraft.engine.spi.TaskRequest;
import dev.statecraft.engine.spi.TaskResult;
import dev.statecraft.integrations.TaskHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * samples/human-approval through the HTTP API: the approver answers the task token, or nobody
 * does and the one-day timeout escalates.
 *
 * <p>The approver answers the way a real one would: {@code POST /task-tokens/{token}/success}
 * with {@code {"approved": …, "approver": …}}, the token taken from the request it was sent.
 */
class HumanApprovalTest {
  private static final Path FOLDER = Path.of("human-approval");
  private final Approver approver = new Approver();
  private SampleServer server;

  @BeforeEach
  void start() throws Exception {
    server = new SampleServer(FOLDER, "HumanApproval", List.of(approver));
    approver.mocks = server.handlers();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** The approver's click: the callback URL with the token it was handed. */
  private void answer(String decision) throws Exception {
    String token = approver.waiting().taskToken();
    var r = server.send("POST", "/task-tokens/" + token + "/success", decision);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
  }

  private static JsonNode request() throws Exception {
    return JSON.readTree(Files.readString(FOLDER.resolve("input.json")));
  }

  @Test
  void anApprovalWithinTheDayApprovesTheRequest() throws Exception {
    String id = server.start("HumanApproval", "approve", request(), null);
    server.advance(3_600); // an hour later, well within TimeoutSeconds

    answer("{\"approved\":true,\"approver\":\"kim@example.com\"}");

    JsonNode done = server.finished(id);
    assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("SUCCEEDED");
    assertThat(JSON.readTree(done.get("output").asText())).isEqualTo(JSON.readTree(
        "{\"requestId\":\"req-77\",\"outcome\":\"APPROVED\",\"approver\":\"kim@example.com\"}"));
  }

  @Test
  void theApproverSeesTheRequestAndATaskToken() throws Exception {
    server.start("HumanApproval", "payload", request(), null);

    JsonNode payload = approver.waiting().input().at("/Payload");
    assertThat(payload.at("/request/summary").asText()).isEqualTo("Buy a second espresso machine");
    assertThat(payload.at("/taskToken").asText()).isEqualTo(approver.waiting().taskToken());
  }

  @Test
  void aRejectionFailsTheExecution() throws Exception {
    String id = server.start("HumanApproval", "reject", request(), null);

    answer("{\"approved\":false,\"approver\":\"kim@example.com\"}");

    JsonNode done = server.finished(id);
    assertThat(done.get("status").asText()).isEqualTo("FAILED");
    assertThat(done.get("error").asText()).isEqualTo("Approval.Rejected");
  }

  @Test
  void noAnswerWithinADayEscalates() throws Exception {
    String id = server.start("HumanApproval", "silence", request(), null);

    server.advance(86_400);

    JsonNode done = server.finished(id);
    assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("SUCCEEDED");
    assertThat(JSON.readTree(done.get("output").asText())).isEqualTo(JSON.readTree("""
        {"requestId":"req-77","outcome":"ESCALATED","escalateTo":"finance-leads@example.com"}"""));
  }

  @Test
  void theMockTestCasesOfTheReadmeGiveTheSameOutcomes() throws Exception {
    String approved = server.start("HumanApproval", "mock-approved", request(), "Approved");
    String silent = server.start("HumanApproval", "mock-silent", request(), "NoAnswer");

    assertThat(JSON.readTree(server.finished(approved).get("output").asText())
        .get("outcome").asText()).isEqualTo("APPROVED");
    assertThat(JSON.readTree(server.finished(silent).get("output").asText())
        .get("outcome").asText()).isEqualTo("ESCALATED");
  }

  /**
   * Stands in for the function that mails the approver: it records the request (with its task
   * token) and returns at once; the task then waits for the callback. Executions started with a
   * test case go to the mocks.
   */
  static final class Approver implements TaskHandler {
    private final Map<String, TaskRequest> byExecution = new ConcurrentHashMap<>();
    volatile TaskHandlers mocks;

    @Override
    public boolean supports(String resource) {
      return resource.equals("arn:aws:states:::lambda:invoke.waitForTaskToken");
    }

    @Override
    public CompletionStage<TaskResult> invoke(TaskRequest request) {
      if (mocks.mocks().map(m -> m.covers(request)).orElse(false)) {
        return mocks.invoke(request); // an execution started with a test case
      }
      byExecution.put(request.executionArn(), request);
      return CompletableFuture.completedFuture(TaskResult.success(JSON.createObjectNode()
          .put("StatusCode", 200)));
    }

    TaskRequest waiting() {
      assertThat(byExecution).hasSize(1);
      return byExecution.values().iterator().next();
    }
  }
}
