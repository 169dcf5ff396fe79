package dev.statecraft.asl.model;

import dev.statecraft.asl.expr.Template;

/**
 * A Pass state: passes its input on, optionally with a fixed {@code Result}.
 *
 * @param result the {@code Result} value (a constant), or null
 */
public record PassState(
    String name,
    String comment,
    QueryLanguage queryLanguage,
    Transition transition,
    DataFlow io,
    Template result)
    implements State {}
