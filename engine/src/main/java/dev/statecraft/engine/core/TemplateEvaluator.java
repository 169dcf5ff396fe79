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
   * @param field where the template sits, as AWS names it in causes: {@code Output/result} for
   *     JSONata, {@code value.$} for a payload-template member
   */
  static JsonNode evaluate(Template template, EvalContext ctx, String field) {
    if (template instanceof Template.Constant c) {
      return c.value();
    }
    if (template instanceof Template.PathValue p) {
      JsonNode v = ctx.resolve(p.path());
      if (v == null) {
        throw new StateFailure(ErrorNames.RUNTIME, "The JSONPath '" + p.path().text()
            + "' specified for the field '" + field + "' could not be found in the input '"
            + Json.write(ctx.input) + "'");
      }
      return v;
    }
    if (template instanceof Template.IntrinsicValue i) {
      return Expressions.intrinsic(i, ctx);
    }
    if (template instanceof Template.JsonataValue j) {
      return Expressions.jsonata(j.expr(), ctx, field);
    }
    if (template instanceof Template.ObjectTemplate o) {
      ObjectNode out = Json.object();
      for (Template.Field f : o.fields()) {
        out.set(f.name(), evaluate(f.value(), ctx, memberField(field, f)));
      }
      return out;
    }
    if (template instanceof Template.ArrayTemplate a) {
      ArrayNode out = Json.NODES.arrayNode(a.items().size());
      for (int i = 0; i < a.items().size(); i++) {
        Template t = a.items().get(i);
        out.add(evaluate(t, ctx, t instanceof Template.JsonataValue ? field + "/" + i : field));
      }
      return out;
    }
    throw new IllegalStateException("unknown template " + template);
  }

  private static String memberField(String parent, Template.Field f) {
    Template v = f.value();
    if (v instanceof Template.PathValue || v instanceof Template.IntrinsicValue) {
      return f.name() + ".$";
    }
    if (v instanceof Template.JsonataValue || v instanceof Template.ObjectTemplate
        || v instanceof Template.ArrayTemplate) {
      return parent + "/" + f.name();
    }
    return f.name();
  }
}
