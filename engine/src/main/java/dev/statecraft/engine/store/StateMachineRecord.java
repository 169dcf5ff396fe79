package dev.statecraft.engine.store;

/**
 * One version of a state machine. An update writes a new version; executions keep the version
 * they started with.
 *
 * @param arn the state machine ARN (without version suffix)
 * @param name the state machine name
 * @param type STANDARD or EXPRESS
 * @param version 1 for the first definition, then +1 per update
 * @param definition the ASL text as given
 * @param roleArn the role executions run as
 * @param createdMillis when the state machine was created (epoch ms)
 * @param versionMillis when this version was written (epoch ms)
 */
public record StateMachineRecord(
    String arn,
    String name,
    StateMachineType type,
    int version,
    String definition,
    String roleArn,
    long createdMillis,
    long versionMillis) {}
