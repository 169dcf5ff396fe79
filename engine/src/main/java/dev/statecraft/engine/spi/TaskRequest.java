package dev.statecraft.engine.spi;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One task to run.
 *
 * @param executionArn the execution the task belongs to
 * @param taskId the task's id within its execution: new for every attempt, the same when the
 *     engine dispatches the task again after a restart (so a handler can make its side effect
 *     idempotent, as the nested-execution handler does with the child's name)
 * @param stateName the Task state
 * @param resource the Resource ARN
 * @param input the effective input (after Parameters/Arguments)
 * @param taskToken the token for {@code .waitForTaskToken} (else null)
 * @param timeoutSeconds TimeoutSeconds, or null
 * @param heartbeatSeconds HeartbeatSeconds, or null
 * @param credentials evaluated Credentials, or null
 */
public record TaskRequest(
    String executionArn,
    long taskId,
    String stateName,
    String resource,
    JsonNode input,
    String taskToken,
    Long timeoutSeconds,
    Long heartbeatSeconds,
    JsonNode credentials) {}
