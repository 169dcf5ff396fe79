package dev.statecraft.engine.core;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statecraft.asl.expr.IntrinsicCall;
import dev.statecraft.asl.expr.JsonataExpr;

/** Bridges compiled intrinsic calls and JSONata expressions to their evaluators. */
final class Expressions {
  private Expressions() {}

  static JsonNode intrinsic(IntrinsicCall call, EvalContext ctx) {
    throw new StateFailure("States.Runtime", "intrinsic functions are not wired yet");
  }

  /** Evaluates JSONata; returns null when the expression yields nothing (undefined). */
  static JsonNode jsonata(JsonataExpr expr, EvalContext ctx) {
    throw new StateFailure("States.Runtime", "JSONata is not wired yet");
  }
}
