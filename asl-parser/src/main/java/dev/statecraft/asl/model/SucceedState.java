package dev.statecraft.asl.model;

/** A Succeed state: ends its scope successfully. */
public record SucceedState(String name, String comment, QueryLanguage queryLanguage, DataFlow io)
    implements State {}
