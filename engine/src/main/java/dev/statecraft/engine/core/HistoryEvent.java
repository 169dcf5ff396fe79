package dev.statecraft.engine.core;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One entry of an execution's history, shaped like AWS's {@code HistoryEvent}.
 *
 * @param id 1-based, contiguous within an execution
 * @param previousEventId the id of the event this one follows from (0 for the first)
 * @param timestampMillis when it happened (epoch milliseconds, from the triggering event's time)
 * @param type the event type
 * @param details the {@code …EventDetails} object, or null when the type has none
 */
public record HistoryEvent(
    long id, long previousEventId, long timestampMillis, EventType type, JsonNode details) {}
