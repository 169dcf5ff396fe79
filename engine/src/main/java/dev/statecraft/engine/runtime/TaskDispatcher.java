package dev.statecraft.engine.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statecraft.asl.model.ErrorNames;
import dev.statecraft.engine.core.Event;
import dev.statecraft.engine.core.Json;
import dev.statecraft.engine.core.TaskResources;
import dev.statecraft.engine.spi.TaskHandler;
import dev.statecraft.engine.spi.TaskRequest;
import dev.statecraft.engine.spi.TaskResult;
import dev.statecraft.engine.store.TaskRecord;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * Hands committed tasks to their {@link TaskHandler} and turns each answer into an event for the
 * execution. Never waits: a handler's answer arrives on whatever thread completes its stage.
 *
 * <p>Tasks with a token are completed by callback (SendTaskSuccess/Failure), not by a handler's
 * answer: an activity task goes to its activity's queue for a worker; a {@code
 * .waitForTaskToken} task runs its handler (if any supports the Resource) only to hand the token
 * out — a handler's success records TaskStarted and TaskSubmitted (with the handler's answer) and
 * the task stays parked, a failure fails it.
 * After a restart a started callback task is not run again: it is already out there.
 */
final class TaskDispatcher implements AutoCloseable {
  private final List<TaskHandler> handlers;
  private final Clock clock;
  private final BiConsumer<String, Event> deliver;
  private final ActivityQueues activities;
  /** Tasks in flight, "arn#taskId" → the handler's stage, so a cancel can reach it. */
  private final Map<String, CompletableFuture<TaskResult>> inFlight = new ConcurrentHashMap<>();

  TaskDispatcher(List<TaskHandler> handlers, Clock clock, BiConsumer<String, Event> deliver) {
    this.handlers = handlers;
    this.clock = clock;
    this.deliver = deliver;
    this.activities = new ActivityQueues(deliver, clock);
  }

  ActivityQueues activities() {
    return activities;
  }

  /**
   * Starts a task (again, after a restart: the same id, token and input).
   *
   * @param announce whether to report TaskStarted first (false when it is already recorded)
   */
  void dispatch(TaskRecord t, boolean announce) {
    String arn = t.executionArn();
    boolean callback = t.token() != null;
    if (callback && !announce) {
      return; // a worker or a third party holds the token already
    }
    if (TaskResources.isActivity(t.resource())) {
      activities.offer(t);
      return;
    }
    TaskHandler handler = null;
    for (TaskHandler h : handlers) {
      if (h.supports(t.resource())) {
        handler = h;
        break;
      }
    }
    if (handler == null && callback) {
      // Nothing to call: whoever completes the token learns it from $$.Task.Token elsewhere.
      deliver.accept(arn, new Event.TaskStarted(t.taskId(), clock.millis()));
      return;
    }
    if (handler == null) {
      deliver.accept(arn, new Event.TaskFailed(t.taskId(), ErrorNames.TASK_FAILED,
          "No integration is configured for resource '" + t.resource() + "'. Register a"
              + " TaskHandler for it (local function, HTTP endpoint or mock) in the engine"
              + " configuration.", clock.millis()));
      return;
    }
    if (announce && !callback) {
      deliver.accept(arn, new Event.TaskStarted(t.taskId(), clock.millis()));
    }
    TaskRequest request = new TaskRequest(arn, t.taskId(), t.stateName(), t.resource(),
        Json.parse(t.input()), t.token(), t.timeoutSeconds(), t.heartbeatSeconds(),
        t.credentials() == null ? null : Json.parse(t.credentials()));
    String key = arn + "#" + t.taskId();
    CompletableFuture<TaskResult> stage;
    try {
      stage = handler.invoke(request).toCompletableFuture();
    } catch (RuntimeException e) {
      deliver.accept(arn, new Event.TaskFailed(t.taskId(), ErrorNames.TASK_FAILED, e.toString(),
          clock.millis()));
      return;
    }
    await(t, callback, key, stage);
  }

  /** Turns the handler's answer, when it comes, into the task's next event. */
  private void await(TaskRecord t, boolean callback, String key,
      CompletableFuture<TaskResult> stage) {
    String arn = t.executionArn();
    inFlight.put(key, stage);
    stage.whenComplete((result, error) -> {
      if (stage.isCancelled()) {
        return; // the execution no longer waits for it
      }
      if (result instanceof TaskResult.Submitted s) {
        // The request went out; the outcome comes later (.sync). A cancel now reaches it.
        CompletableFuture<TaskResult> outcome = s.outcome().toCompletableFuture();
        if (!inFlight.remove(key, stage)) {
          outcome.cancel(true); // cancelled while the request was going out
          return;
        }
        if (callback) {
          // Only the callback ends a callback task, whatever the handler's outcome says.
          deliver.accept(arn, new Event.TaskStarted(t.taskId(), null, submitted(s.output()),
              clock.millis()));
          return;
        }
        deliver.accept(arn, new Event.TaskSubmitted(t.taskId(), submitted(s.output()),
            clock.millis()));
        await(t, callback, key, outcome);
        return;
      }
      inFlight.remove(key, stage);
      if (callback && error == null && result instanceof TaskResult.Success s) {
        // A callback task's request went out: TaskStarted and TaskSubmitted with the
        // integration's answer (AWS records both); the task now waits for its callback.
        deliver.accept(arn, new Event.TaskStarted(t.taskId(), null, submitted(s.output()),
            clock.millis()));
        return;
      }
      deliver.accept(arn, outcome(t.taskId(), result, error, clock.millis()));
    });
  }

  /**
   * The event that ends a task from its handler's final answer (not Submitted): succeeded with
   * the output, or failed with the handler's error, States.TaskFailed for an exception.
   */
  static Event outcome(long taskId, TaskResult result, Throwable error, long now) {
    if (error != null) {
      Throwable cause = error instanceof CompletionException && error.getCause() != null
          ? error.getCause() : error;
      return new Event.TaskFailed(taskId, ErrorNames.TASK_FAILED,
          String.valueOf(cause.getMessage()), now);
    }
    if (result instanceof TaskResult.Answered a) {
      return new Event.TaskSucceeded(taskId, a.output(), now);
    }
    if (result instanceof TaskResult.Success s) {
      return new Event.TaskSucceeded(taskId, s.output(), now);
    }
    if (result instanceof TaskResult.Failure f) {
      return new Event.TaskFailed(taskId, f.error(), f.cause(), now);
    }
    return new Event.TaskFailed(taskId, ErrorNames.TASK_FAILED,
        "The integration answered without a result", now);
  }

  /** What TaskSubmitted records: the integration's answer, or {} when there was none. */
  static JsonNode submitted(JsonNode output) {
    return output == null || output.isMissingNode() ? Json.object() : output;
  }

  /** Cancels a task the execution no longer waits for (best effort: the handler may finish). */
  void cancel(String arn, long taskId) {
    activities.remove(arn, taskId);
    CompletableFuture<TaskResult> stage = inFlight.remove(arn + "#" + taskId);
    if (stage != null) {
      stage.cancel(true);
    }
  }

  int inFlight() {
    return inFlight.size();
  }

  /** The execution ended: forget its queued activity tasks. */
  void executionEnded(String arn) {
    activities.removeExecution(arn);
  }

  @Override
  public void close() {
    activities.close();
  }
}
