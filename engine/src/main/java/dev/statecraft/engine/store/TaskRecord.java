package dev.statecraft.engine.store;

/**
 * A task in flight: enough to re-issue it after a restart with the same id and token.
 *
 * @param executionArn the execution it belongs to
 * @param taskId the interpreter's task id
 * @param token the task token (unique)
 * @param stateName the Task state
 * @param resource the Resource ARN
 * @param input the effective input (JSON text)
 * @param timeoutSeconds TimeoutSeconds, or null
 * @param heartbeatSeconds HeartbeatSeconds, or null
 * @param credentials evaluated Credentials (JSON text), or null
 * @param started whether TaskStarted is already recorded
 */
public record TaskRecord(
    String executionArn,
    long taskId,
    String token,
    String stateName,
    String resource,
    String input,
    Long timeoutSeconds,
    Long heartbeatSeconds,
    String credentials,
    boolean started) {}
