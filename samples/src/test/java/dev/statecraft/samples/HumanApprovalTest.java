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
 * <p>The approver's answer is delivered by completing the parked task here. TODO(tokens): once
 * the callback routes are merged, answer with {@code POST /task-tokens/{token}/success} (body
 * {@code {"approved": true, "approver": …}}) instead of {@link Approver#answer}, and let
 * RequestApproval be a real function that mails the token.
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

  private static JsonNode request() throws Exception {
    return JSON.readTree(Files.readString(FOLDER.resolve("input.json")));
  }

  @Test
  void anApprovalWithinTheDayApprovesTheRequest() throws Exception {
    String id = server.start("HumanApproval", "approve", request(), null);
    server.advance(3_600); // an hour later, well within TimeoutSeconds

    approver.answer(JSON.readTree("{\"approved\":true,\"approver\":\"kim@example.com\"}"));

    JsonNode done = server.finished(id);
    assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("SUCCEEDED");
    assertThat(JSON.readTree(done.get("output").asText())).isEqualTo(JSON.readTree(
        "{\"requestId\":\"req-77\",\"outcome\":\"APPROVED\",\"approver\":\"kim@example.com\"}"));
  }

  @Test
  void theApproverSeesTheRequestAndATaskToken() throws Exception {
    server.start("HumanApproval", "payload", request(), null);

    JsonNode payload = approver.waiting().get().at("/Payload");
    assertThat(payload.at("/request/summary").asText()).isEqualTo("Buy a second espresso machine");
    assertThat(payload.at("/taskToken").asText()).isEqualTo(approver.waiting().token());
  }

  @Test
  void aRejectionFailsTheExecution() throws Exception {
    String id = server.start("HumanApproval", "reject", request(), null);

    approver.answer(JSON.readTree("{\"approved\":false,\"approver\":\"kim@example.com\"}"));

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
   * Stands in for the approval function plus the callback: parks RequestApproval's task with its
   * token until the test answers. Executions started with a test case go to the mocks.
   */
  static final class Approver implements TaskHandler {
    record Waiting(TaskRequest request, CompletableFuture<TaskResult> answer) {
      JsonNode get() {
        return request.input();
      }

      String token() {
        return request.taskToken();
      }
    }

    private final Map<String, Waiting> byExecution = new ConcurrentHashMap<>();
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
      CompletableFuture<TaskResult> answer = new CompletableFuture<>();
      byExecution.put(request.executionArn(), new Waiting(request, answer));
      return answer;
    }

    Waiting waiting() {
      assertThat(byExecution).hasSize(1);
      return byExecution.values().iterator().next();
    }

    void answer(JsonNode decision) {
      waiting().answer().complete(TaskResult.success(decision));
    }
  }
}
