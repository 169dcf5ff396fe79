package dev.statecraft.engine.store;

import dev.statecraft.engine.core.ExecutionStatus;

/**
 * The summary row of an execution plus what it takes to rebuild it: with the state machine
 * version, the input, the identity and the seed, replaying the stored input events through the
 * interpreter gives back the execution's state.
 *
 * @param arn the execution ARN
 * @param stateMachineArn the state machine it belongs to
 * @param stateMachineName its name (kept: the state machine may be deleted later)
 * @param stateMachineVersion the version it started with
 * @param name the execution name (unique within its state machine)
 * @param roleArn the role it runs as
 * @param status current status
 * @param input the execution input (JSON text)
 * @param output the output (JSON text) when SUCCEEDED, else null
 * @param error the error name when it failed, else null
 * @param cause the cause when it failed, else null
 * @param startMillis start time (epoch ms)
 * @param stopMillis end time (epoch ms), or 0 while running
 * @param seed the random seed handed to the interpreter
 * @param redriveCount how many times it was redriven
 * @param inputEvents how many input events are stored (the optimistic version of the row)
 * @param historyEvents how many history events are stored (the last event id)
 */
public record ExecutionRecord(
    String arn,
    String stateMachineArn,
    String stateMachineName,
    int stateMachineVersion,
    String name,
    String roleArn,
    ExecutionStatus status,
    String input,
    String output,
    String error,
    String cause,
    long startMillis,
    long stopMillis,
    long seed,
    int redriveCount,
    int inputEvents,
    long historyEvents) {

  /** A copy with another redrive count. */
  public ExecutionRecord withRedriveCount(int count) {
    return new ExecutionRecord(arn, stateMachineArn, stateMachineName, stateMachineVersion, name,
        roleArn, status, input, output, error, cause, startMillis, stopMillis, seed, count,
        inputEvents, historyEvents);
  }

  /** A copy with a new status and result, and the counters of a step. */
  public ExecutionRecord advance(ExecutionStatus status, String output, String error, String cause,
      long stopMillis, int inputEvents, long historyEvents) {
    return new ExecutionRecord(arn, stateMachineArn, stateMachineName, stateMachineVersion, name,
        roleArn, status, input, output, error, cause, startMillis, stopMillis, seed, redriveCount,
        inputEvents, historyEvents);
  }
}
