package dev.statecraft.engine.core;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statecraft.asl.expr.Template;
import dev.statecraft.engine.core.intrinsic.IntrinsicEvaluator;
import dev.statecraft.asl.expr.JsonataExpr;

/** Bridges compiled intrinsic calls and JSONata expressions to their evaluators. */
final class Expressions {
  private Expressions() {}

  private static final IntrinsicEvaluator INTRINSICS = new IntrinsicEvaluator();

  static JsonNode intrinsic(Template.IntrinsicValue value, EvalContext ctx) {
    return INTRINSICS.evaluate(value.call(), value.source(), ctx, ctx.random());
  }

  /** Evaluates JSONata; returns null when the expression yields nothing (undefined). */
  static JsonNode jsonata(JsonataExpr expr, EvalContext ctx) {
    throw new StateFailure("States.Runtime", "JSONata is not wired yet");
  }
}
