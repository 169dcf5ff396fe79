package dev.statecraft.engine.spi;

import java.util.concurrent.CompletionStage;

/**
 * Does the work of Task states whose Resource it supports. Implementations live in the
 * integrations module (HTTP, activities, local functions, nested executions, mocks); the engine
 * picks the first handler that supports a resource.
 */
public interface TaskHandler {
  /** Whether this handler runs the given Resource ARN. */
  boolean supports(String resource);

  /**
   * Starts the task. The stage completes with the task's result; it may complete much later
   * (a callback), and it must never block the calling thread.
   */
  CompletionStage<TaskResult> invoke(TaskRequest request);
}
