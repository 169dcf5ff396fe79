package dev.statecraft.engine.store;

/** What a due timer turns into. */
public enum TimerKind {
  /** An interpreter timer (Wait, retry backoff, execution TimeoutSeconds): TimerFired. */
  STATE,
  /** A task's TimeoutSeconds: TaskTimedOut; the timer id is the task id. */
  TASK_TIMEOUT,
  /** A task's HeartbeatSeconds: TaskTimedOut; the timer id is the task id. */
  TASK_HEARTBEAT,
  /** The engine's maximum execution duration (one year by default). */
  MAX_DURATION
}
