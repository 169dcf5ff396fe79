package dev.statecraft.engine.core;

/**
 * The fixed facts of an execution, as the context object ({@code $$.Execution},
 * {@code $$.StateMachine}) shows them.
 *
 * @param executionArn the execution's ARN ({@code $$.Execution.Id})
 * @param name the execution name
 * @param stateMachineArn the state machine ARN ({@code $$.StateMachine.Id})
 * @param stateMachineName the state machine name
 * @param roleArn the execution role ARN
 * @param startMillis when the execution started (epoch milliseconds)
 * @param redriveCount {@code $$.Execution.RedriveCount}; null for Express executions, which
 *     have none
 */
public record ExecutionInfo(
    String executionArn,
    String name,
    String stateMachineArn,
    String stateMachineName,
    String roleArn,
    long startMillis,
    Integer redriveCount) {}
