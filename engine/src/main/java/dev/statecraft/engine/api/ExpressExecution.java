package dev.statecraft.engine.api;

import dev.statecraft.engine.core.ExecutionStatus;

/**
 * An Express execution as the recent-executions view shows it (Express keeps no history).
 *
 * @param output JSON text when SUCCEEDED
 * @param stopMillis 0 while running
 */
public record ExpressExecution(
    String executionArn,
    String stateMachineArn,
    String name,
    ExecutionStatus status,
    String input,
    String output,
    String error,
    String cause,
    long startMillis,
    long stopMillis) {}
