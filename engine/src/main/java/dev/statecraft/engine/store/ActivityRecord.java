package dev.statecraft.engine.store;

/** An activity: a named queue of tasks that workers poll. */
public record ActivityRecord(String arn, String name, long createdMillis) {}
