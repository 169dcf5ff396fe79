package dev.statecraft.engine.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statecraft.asl.expr.Template;
import dev.statecraft.asl.model.ErrorNames;

/** Evaluates compiled templates and dynamic field values against an {@link EvalContext}. */
final class TemplateEvaluator {
  private TemplateEvaluator() {}

  /**
   * Evaluates a template.
   *
   * @param field the ASL field being evaluated, for error causes
   */
  static JsonNode evaluate(Template template, EvalContext ctx, String field) {
    if (template instanceof Template.Constant c) {
      return c.value();
    }
    if (template instanceof Template.PathValue p) {
      JsonNode v = ctx.resolve(p.path());
      if (v == null) {
        throw new StateFailure(ErrorNames.RUNTIME, "The JSONPath '" + p.path().text()
            + "' specified for the field '" + field + ".$' could not be found in the input '"
            + Json.write(ctx.input) + "'");
      }
      return v;
    }
    if (template instanceof Template.IntrinsicValue i) {
      return Expressions.intrinsic(i, ctx);
    }
    if (template instanceof Template.JsonataValue j) {
      JsonNode v = Expressions.jsonata(j.expr(), ctx);
      if (v == null) {
        throw new StateFailure(ErrorNames.QUERY_EVALUATION_ERROR,
            "The JSONata expression '" + j.expr() + "' specified for the field '" + field
                + "' returned nothing (undefined).");
      }
      return v;
    }
    if (template instanceof Template.ObjectTemplate o) {
      ObjectNode out = Json.object();
      for (Template.Field f : o.fields()) {
        if (f.value() instanceof Template.JsonataValue j) {
          JsonNode v = Expressions.jsonata(j.expr(), ctx);
          if (v != null) {
            out.set(f.name(), v); // JSONata: an undefined member is left out
          }
        } else {
          out.set(f.name(), evaluate(f.value(), ctx, f.name()));
        }
      }
      return out;
    }
    if (template instanceof Template.ArrayTemplate a) {
      ArrayNode out = Json.NODES.arrayNode(a.items().size());
      for (Template t : a.items()) {
        out.add(evaluate(t, ctx, field));
      }
      return out;
    }
    throw new IllegalStateException("unknown template " + template);
  }
}
