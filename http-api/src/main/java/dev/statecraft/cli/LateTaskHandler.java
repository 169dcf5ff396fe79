package dev.statecraft.cli;

import dev.statecraft.engine.spi.TaskHandler;
import dev.statecraft.engine.spi.TaskRequest;
import dev.statecraft.engine.spi.TaskResult;
import java.util.concurrent.CompletionStage;

/**
 * A task handler set after the engine is built. {@code serve} needs it: the integrations share
 * the HTTP server's Vert.x, the server needs the Step Functions API, and the API needs the
 * engine, which takes its handlers when it is built. The engine is started only after {@link
 * #set}, so no task reaches an unset handler.
 */
final class LateTaskHandler implements TaskHandler {
  private volatile TaskHandler delegate;

  void set(TaskHandler handler) {
    this.delegate = handler;
  }

  @Override
  public boolean supports(String resource) {
    TaskHandler d = delegate;
    return d != null && d.supports(resource);
  }

  @Override
  public CompletionStage<TaskResult> invoke(TaskRequest request) {
    return delegate.invoke(request);
  }
}
