package dev.statecraft.engine.core;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the interpreter asks the runtime to do after a step. The runtime carries them out only
 * after the step's state and history are committed, and reports back with {@link Event}s.
 */
public sealed interface Command {

  /**
   * Run a task through the integration named by {@code resource}.
   *
   * @param taskId identifies the task in the later {@link Event.TaskSucceeded} or
   *     {@link Event.TaskFailed}
   * @param stateName the Task state's name
   * @param resource the Task's Resource
   * @param input the effective input (after Parameters/Arguments)
   * @param timeoutSeconds the task timeout, or null
   * @param heartbeatSeconds the heartbeat timeout, or null
   * @param token the task token handed to {@code .waitForTaskToken} integrations
   * @param credentials the evaluated Credentials, or null
   */
  record ScheduleTask(
      long taskId,
      String stateName,
      String resource,
      JsonNode input,
      Long timeoutSeconds,
      Long heartbeatSeconds,
      String token,
      JsonNode credentials)
      implements Command {}

  /**
   * The step stopped after its budget of states (a long loop without waits); deliver
   * {@link Event.Continue} to go on. Between the two the runtime may check its limits (Express's
   * five minutes, a stop request) so that no single step holds a thread indefinitely.
   */
  record Continue() implements Command {}

  /** Cancel a task that is no longer wanted (its branch failed or the execution stopped). */
  record CancelTask(long taskId) implements Command {}

  /**
   * Deliver {@link Event.TimerFired} with this id at the given time.
   *
   * @param dueMillis epoch milliseconds
   */
  record StartTimer(long timerId, long dueMillis) implements Command {}

  /** A timer that must not fire any more. */
  record CancelTimer(long timerId) implements Command {}

  /**
   * The execution ended; status is SUCCEEDED, FAILED, TIMED_OUT or ABORTED.
   *
   * @param output the output (SUCCEEDED), else null
   */
  record Finish(ExecutionStatus status, JsonNode output, String error, String cause)
      implements Command {}
}
