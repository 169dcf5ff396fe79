package dev.statecraft.engine.api;

/**
 * What GetActivityTask hands a worker.
 *
 * @param taskToken the token to answer with (SendTaskSuccess / Failure / Heartbeat)
 * @param input the task's input (JSON text)
 */
public record ActivityTask(String taskToken, String input) {}
