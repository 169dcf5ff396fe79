package dev.statecraft.asl.model;

/** Placeholder; replaced by the full model. */
public record StateMachine(String startAt) {}
