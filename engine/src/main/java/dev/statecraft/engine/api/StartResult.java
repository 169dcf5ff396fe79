package dev.statecraft.engine.api;

/** What StartExecution returns. */
public record StartResult(String executionArn, long startMillis) {}
