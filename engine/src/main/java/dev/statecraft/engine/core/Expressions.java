package dev.statecraft.engine.core;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statecraft.asl.expr.JsonataExpr;
import dev.statecraft.asl.expr.Template;
import dev.statecraft.engine.core.intrinsic.IntrinsicEvaluator;
import dev.statecraft.engine.core.jsonata.JsonataBindings;
import dev.statecraft.engine.core.jsonata.JsonataEvaluator;

/** Bridges compiled intrinsic calls and JSONata expressions to their evaluators. */
final class Expressions {
  private Expressions() {}

  private static final IntrinsicEvaluator INTRINSICS = new IntrinsicEvaluator();

  static JsonNode intrinsic(Template.IntrinsicValue value, EvalContext ctx) {
    return INTRINSICS.evaluate(value.call(), value.source(), ctx, ctx.random());
  }

  /**
   * Evaluates a JSONata expression written in ASL field {@code field} (e.g. {@code Output/x});
   * an undefined result is States.QueryEvaluationError, as in AWS.
   */
  static JsonNode jsonata(JsonataExpr expr, EvalContext ctx, String field) {
    return JsonataEvaluator.evaluateField(expr, field, bindings(ctx));
  }

  /** Evaluates JSONata; null when the expression yields nothing (undefined). */
  static JsonNode jsonataOrUndefined(JsonataExpr expr, EvalContext ctx) {
    return JsonataEvaluator.evaluate(expr, bindings(ctx));
  }

  private static JsonataBindings bindings(EvalContext ctx) {
    return new JsonataBindings(ctx.states(), ctx.frame.variables::get, ctx.random(),
        ctx.nowMillis);
  }
}
