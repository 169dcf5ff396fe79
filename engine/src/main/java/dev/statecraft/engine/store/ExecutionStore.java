package dev.statecraft.engine.store;

import dev.statecraft.engine.core.ExecutionStatus;
import dev.statecraft.engine.core.HistoryEvent;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Executions, their input events and history, timers and tasks in flight. */
public interface ExecutionStore {
  /**
   * Inserts a new execution together with its first step.
   *
   * @throws DuplicateKeyException when the ARN, or the name within the state machine, is taken
   */
  void create(StepCommit first);

  /**
   * Writes one step: the summary row, the input event, history, timers and tasks — all or
   * nothing. A step that ends the execution (terminal status) also removes every timer and task
   * it still had.
   *
   * @throws ConcurrentCommitException when the stored input-event count is not
   *     {@code step.expectedInputEvents()}
   */
  void commit(StepCommit step);

  Optional<ExecutionRecord> find(String executionArn);

  Optional<ExecutionRecord> findByName(String stateMachineArn, String name);

  /**
   * Executions of a state machine, newest first.
   *
   * @param status only this status, or null for all
   */
  Page<ExecutionRecord> list(String stateMachineArn, ExecutionStatus status, String pageToken,
      int limit);

  /** ARNs of every execution with status RUNNING. */
  List<String> running();

  /** The stored input events, oldest first. */
  List<String> inputEvents(String executionArn);

  /**
   * A page of history.
   *
   * @param reverse newest first
   */
  Page<HistoryEvent> history(String executionArn, String pageToken, int limit, boolean reverse);

  /** Tasks in flight of an execution, by task id. */
  List<TaskRecord> tasks(String executionArn);

  /** The task in flight holding this token (an indexed lookup). */
  Optional<TaskRecord> taskByToken(String token);

  /**
   * Remembers that the task's token timed out, so a late callback learns why it is refused.
   * Call before committing the step that consumes the timeout (that step removes the task).
   */
  void markTaskTimedOut(String executionArn, long taskId, long nowMillis);

  /** Whether this token belonged to a task that timed out. */
  boolean tokenTimedOut(String token);

  /**
   * Moves an armed timer to a new due time (a heartbeat renews the heartbeat timer).
   *
   * @return false when no such timer is armed
   */
  boolean rescheduleTimer(TimerRecord timer);

  /**
   * Removes one timer outside a step: one that fired for an execution that has ended or is gone
   * (no step will consume it, and left alone it would fire again at every poll).
   */
  void removeTimer(TimerRecord timer);

  /** Records that an execution answers its tasks from a mock test case (until removed). */
  void saveTestCase(TestCaseRecord binding);

  /** Forgets an execution's test case (no effect when it has none). */
  void removeTestCase(String executionArn);

  /** Every execution bound to a test case. */
  List<TestCaseRecord> testCases();

  /** Timers due at or before {@code nowMillis}, earliest first. */
  List<TimerRecord> dueTimers(long nowMillis, int limit);

  /** The earliest due time of any timer, if there is one. */
  OptionalLong nextTimerDue();

  /** Removes an execution and everything it owns (for name reuse after retention). */
  void delete(String executionArn);
}
