package dev.statecraft.engine.core;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What happens to an execution from outside the interpreter. Every event carries its time, so the
 * interpreter never reads a clock.
 */
public sealed interface Event {
  /** Epoch milliseconds at which the event happened. */
  long timeMillis();

  /**
   * A worker (or integration) began the task.
   *
   * @param workerName the activity worker that took the task (GetActivityTask), else null
   * @param submitted for a callback task ({@code .waitForTaskToken}) whose integration sent its
   *     request: the integration's answer, recorded as TaskSubmitted while the task waits for
   *     its callback; else null
   */
  record TaskStarted(long taskId, String workerName, JsonNode submitted, long timeMillis)
      implements Event {
    public TaskStarted(long taskId, long timeMillis) {
      this(taskId, null, null, timeMillis);
    }

    public TaskStarted(long taskId, String workerName, long timeMillis) {
      this(taskId, workerName, null, timeMillis);
    }
  }

  /** The task's request went out ({@code .sync}): {@code output} is the service's answer. */
  record TaskSubmitted(long taskId, JsonNode output, long timeMillis) implements Event {}

  /** The task finished with an output. */
  record TaskSucceeded(long taskId, JsonNode output, long timeMillis) implements Event {}

  /** The task failed with an error name and cause. */
  record TaskFailed(long taskId, String error, String cause, long timeMillis) implements Event {}

  /** The task exceeded its TimeoutSeconds or HeartbeatSeconds. */
  record TaskTimedOut(long taskId, String error, String cause, long timeMillis) implements Event {}

  /** A timer started by {@link Command.StartTimer} is due. */
  record TimerFired(long timerId, long timeMillis) implements Event {}

  /** StopExecution: abort with an optional error and cause. */
  record Stop(String error, String cause, long timeMillis) implements Event {}

  /**
   * RedriveExecution: a FAILED, TIMED_OUT or ABORTED execution runs again from the state where
   * it stopped, with that state's input; what succeeded before is not repeated.
   */
  record Redrive(long timeMillis) implements Event {}

  /** Go on after a step that stopped at its budget ({@link Command.Continue}). */
  record Continue(long timeMillis) implements Event {}

  /** The execution's TimeoutSeconds elapsed. */
  record ExecutionTimeout(long timeMillis) implements Event {}
}
