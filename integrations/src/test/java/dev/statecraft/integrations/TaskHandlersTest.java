package dev.statecraft.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.engine.core.ExecutionStatus;
import dev.statecraft.engine.runtime.ExecutionResult;
import dev.statecraft.engine.spi.TaskHandler;
import dev.statecraft.engine.spi.TaskRequest;
import dev.statecraft.engine.spi.TaskResult;
import dev.statecraft.integrations.config.StatecraftConfig;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Routing and the failures TaskHandlers turns every problem into. */
class TaskHandlersTest {
  private static TaskHandlers handlers;

  @BeforeAll
  static void start() {
    handlers = TaskHandlers.create(StatecraftConfig.empty()); // owns its Vert.x
  }

  @AfterAll
  static void stop() {
    handlers.close();
  }

  private static ExecutionResult runTask(TaskHandler h, String resource, String rest)
      throws InterruptedException {
    return Runs.run(h, """
        {"StartAt": "Work", "States": {
          "Work": {"Type": "Task", "Resource": "%s" %s, "End": true}}}"""
        .formatted(resource, rest), "{}");
  }

  @Test
  void unknownServicesFailWithACauseThatSaysHowToConfigureThem() throws Exception {
    ExecutionResult r = runTask(handlers, "arn:aws:states:::sns:publish",
        ", \"Parameters\": {\"Message\": \"hi\"}");
    assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(r.error()).isEqualTo("States.TaskFailed");
    assertThat(r.cause()).contains("arn:aws:states:::sns:publish").contains("'sns'")
        .contains("mocks:").contains("functions:");
  }

  @Test
  void callbackTasksNothingCanSendAreLeftToTheEngineToPark() throws Exception {
    assertThat(handlers.supports("arn:aws:states:::sqs:sendMessage.waitForTaskToken")).isFalse();
    assertThat(handlers.supports("arn:aws:states:::sqs:sendMessage")).isTrue();
    ExecutionResult r = runTask(handlers, "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
        ", \"Parameters\": {\"MessageBody\": {\"t.$\": \"$$.Task.Token\"}}");
    // The in-memory runner has no callbacks: it says no integration runs the resource.
    assertThat(r.error()).isEqualTo("States.TaskFailed");
    assertThat(r.cause()).contains("sqs:sendMessage.waitForTaskToken");
  }

  @Test
  void activitiesAndForeignResourcesAreExplained() throws Exception {
    assertThat(runTask(handlers, "arn:aws:states:us-east-1:123456789012:activity:approve", "")
        .cause()).contains("activity:approve");
    assertThat(runTask(handlers, "arn:aws:sns:us-east-1:123456789012:my-topic", "").cause())
        .contains("not an ARN Statecraft can run");
  }

  @Test
  void aHandlerThatThrowsOrFailsDoesNotCrashTheExecution() throws Exception {
    TaskHandler throwing = new TaskHandler() {
      @Override
      public boolean supports(String resource) {
        return true;
      }

      @Override
      public CompletionStage<TaskResult> invoke(TaskRequest request) {
        throw new IllegalStateException("handler bug");
      }
    };
    ExecutionResult r = runTask(TaskHandlers.of(List.of(throwing), null),
        "arn:aws:states:::x:y", "");
    assertThat(r.error()).isEqualTo("States.TaskFailed");
    assertThat(r.cause()).contains("handler bug");

    TaskHandler failing = new TaskHandler() {
      @Override
      public boolean supports(String resource) {
        return true;
      }

      @Override
      public CompletionStage<TaskResult> invoke(TaskRequest request) {
        return CompletableFuture.failedFuture(new IllegalArgumentException("async bug"));
      }
    };
    assertThat(runTask(TaskHandlers.of(List.of(failing), null), "arn:aws:states:::x:y", "")
        .cause()).contains("async bug");
  }

  @Test
  void aTaskThatNeverAnswersTimesOutAfterTimeoutSeconds() throws Exception {
    TaskHandler silent = new TaskHandler() {
      @Override
      public boolean supports(String resource) {
        return true;
      }

      @Override
      public CompletionStage<TaskResult> invoke(TaskRequest request) {
        return new CompletableFuture<>();
      }
    };
    ExecutionResult plain = runTask(TaskHandlers.of(List.of(silent), null),
        "arn:aws:states:::x:y", ", \"TimeoutSeconds\": 1");
    assertThat(plain.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(plain.error()).isEqualTo("States.Timeout");
  }
}
