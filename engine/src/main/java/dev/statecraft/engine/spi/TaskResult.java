package dev.statecraft.engine.spi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.CompletionStage;

/**
 * How a task ended: with an output, or with an error name and cause.
 *
 * <p>For a callback task ({@code .waitForTaskToken}) a {@link Success} only says the request
 * went out (the task then waits for SendTaskSuccess/Failure); {@link Answered} is the answer
 * itself, as a mocked integration gives it.
 */
public sealed interface TaskResult {
  record Success(JsonNode output) implements TaskResult {}

  /** The task's result even for a callback task: no callback is awaited. */
  record Answered(JsonNode output) implements TaskResult {}

  /**
   * The request went out and the task goes on ({@code .sync}, the job-run pattern): {@code
   * output} is the service's answer, recorded as TaskSubmitted, and {@code outcome} completes
   * with how the task ends. Cancelling the task cancels {@code outcome}.
   */
  record Submitted(JsonNode output, CompletionStage<TaskResult> outcome) implements TaskResult {}

  record Failure(String error, String cause) implements TaskResult {}

  static TaskResult success(JsonNode output) {
    return new Success(output);
  }

  static TaskResult answered(JsonNode output) {
    return new Answered(output);
  }

  static TaskResult failure(String error, String cause) {
    return new Failure(error, cause);
  }
}
