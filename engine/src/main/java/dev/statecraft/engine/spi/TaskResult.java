package dev.statecraft.engine.spi;

import com.fasterxml.jackson.databind.JsonNode;

/** How a task ended: with an output, or with an error name and cause. */
public sealed interface TaskResult {
  record Success(JsonNode output) implements TaskResult {}

  record Failure(String error, String cause) implements TaskResult {}

  static TaskResult success(JsonNode output) {
    return new Success(output);
  }

  static TaskResult failure(String error, String cause) {
    return new Failure(error, cause);
  }
}
