package dev.statecraft.asl.model;

import dev.statecraft.asl.expr.Template;

/**
 * A Wait state: delays for a number of seconds or until a timestamp.
 *
 * @param seconds Seconds or SecondsPath (or JSONata), or null
 * @param timestamp Timestamp or TimestampPath (or JSONata), or null; exactly one is set
 */
public record WaitState(
    String name,
    String comment,
    QueryLanguage queryLanguage,
    Transition transition,
    DataFlow io,
    Template seconds,
    Template timestamp)
    implements State {}
