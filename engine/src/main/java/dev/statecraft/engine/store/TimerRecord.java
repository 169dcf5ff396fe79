package dev.statecraft.engine.store;

/**
 * A durable timer.
 *
 * @param executionArn the execution it belongs to
 * @param timerId unique within the execution and kind
 * @param kind what it fires
 * @param dueMillis when it is due (epoch ms)
 */
public record TimerRecord(String executionArn, long timerId, TimerKind kind, long dueMillis) {}
