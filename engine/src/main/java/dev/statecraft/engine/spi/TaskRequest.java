package dev.statecraft.engine.spi;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One task to run.
 *
 * @param executionArn the execution the task belongs to
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
    String stateName,
    String resource,
    JsonNode input,
    String taskToken,
    Long timeoutSeconds,
    Long heartbeatSeconds,
    JsonNode credentials) {}
