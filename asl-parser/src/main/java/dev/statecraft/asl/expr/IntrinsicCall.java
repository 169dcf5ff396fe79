package dev.statecraft.asl.expr;

import java.util.List;

/** Placeholder until the intrinsic parser lands. */
public record IntrinsicCall(String name, List<Object> args) {}
