package dev.statecraft.asl.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.statecraft.asl.expr.IntrinsicParser;
import dev.statecraft.asl.expr.JsonataExpr;
import dev.statecraft.asl.expr.PathExpr;
import dev.statecraft.asl.expr.Template;
import dev.statecraft.asl.validate.DiagnosticCodes;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Compiles the dynamic parts of a definition once: JSONPath payload templates ({@code "key.$"}
 * members), JSONata templates ({@code "{% ... %}"} strings), paths and intrinsic calls. Problems
 * become diagnostics; the result is then a best-effort template that is never executed.
 */
final class TemplateCompiler {
  private final BuildContext ctx;

  TemplateCompiler(BuildContext ctx) {
    this.ctx = ctx;
  }

  /** A JSONPath payload template (Parameters, ResultSelector, ItemSelector, Assign, ...). */
  Template payload(JsonNode node, String pointer, String field) {
    if (node.isObject()) {
      List<Template.Field> fields = new ArrayList<>();
      boolean dynamic = false;
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String key = e.getKey();
        String at = BuildContext.child(pointer, key);
        if (key.endsWith(".$") && key.length() > 2) {
          dynamic = true;
          fields.add(new Template.Field(key.substring(0, key.length() - 2),
              dynamicValue(e.getValue(), at, field)));
        } else {
          Template value = payload(e.getValue(), at, field);
          dynamic |= !value.isConstant();
          warnNoDollar(key, e.getValue(), at);
          fields.add(new Template.Field(key, value));
        }
      }
      return dynamic ? new Template.ObjectTemplate(fields) : new Template.Constant(node);
    }
    if (node.isArray()) {
      List<Template> items = new ArrayList<>();
      boolean dynamic = false;
      for (int i = 0; i < node.size(); i++) {
        Template t = payload(node.get(i), BuildContext.child(pointer, i), field);
        dynamic |= !t.isConstant();
        items.add(t);
      }
      return dynamic ? new Template.ArrayTemplate(items) : new Template.Constant(node);
    }
    return new Template.Constant(node);
  }

  private void warnNoDollar(String key, JsonNode value, String pointer) {
    if (value.isTextual()) {
      String s = value.asText();
      if (s.startsWith("$.") || s.startsWith("$$.") || IntrinsicParser.looksLikeIntrinsic(s)) {
        ctx.warning(DiagnosticCodes.NO_DOLLAR, pointer, "The value of '" + key
            + "' looks like a path or an intrinsic function, but the key does not end with"
            + " '.$', so it is used as a literal string");
      }
    }
  }

  /** The value of a {@code "key.$"} member: a path or an intrinsic function call. */
  private Template dynamicValue(JsonNode value, String pointer, String field) {
    if (!value.isTextual()) {
      ctx.error(DiagnosticCodes.SCHEMA_VALIDATION_FAILED, pointer,
          "The value of a field whose name ends in '.$' must be a string holding a path or an"
              + " intrinsic function, in " + field);
      return new Template.Constant(value);
    }
    String text = value.asText();
    if (IntrinsicParser.looksLikeIntrinsic(text)) {
      return intrinsic(text, pointer);
    }
    PathExpr path = path(text, pointer, field, false);
    return path == null ? new Template.Constant(value) : new Template.PathValue(path);
  }

  Template intrinsic(String text, String pointer) {
    try {
      return new Template.IntrinsicValue(IntrinsicParser.parse(text), text);
    } catch (IllegalArgumentException e) {
      ctx.error(DiagnosticCodes.INVALID_INTRINSIC_FUNCTION, pointer,
          "Invalid intrinsic function '" + text + "': " + e.getMessage());
      return new Template.Constant(JsonNodeFactory.instance.textNode(text));
    }
  }

  /**
   * Compiles a path; reports and returns null when invalid.
   *
   * @param reference true when ASL requires a Reference Path (a single node)
   */
  PathExpr path(String text, String pointer, String field, boolean reference) {
    PathExpr path;
    try {
      path = PathExpr.compile(text);
    } catch (IllegalArgumentException e) {
      ctx.error(DiagnosticCodes.INVALID_JSON_PATH, pointer,
          "The value of '" + field + "' is not a valid JSONPath: '" + text + "' ("
              + e.getMessage() + ")");
      return null;
    }
    if (reference && !path.isDefinite()) {
      ctx.error(DiagnosticCodes.INVALID_REFERENCE_PATH, pointer,
          "The value of '" + field + "' must be a reference path (selecting a single node,"
              + " without wildcards or filters): '" + text + "'");
      return null;
    }
    return path;
  }

  /** A JSONata template: any string {@code {% ... %}} anywhere in the value is an expression. */
  Template jsonata(JsonNode node, String pointer, String field) {
    if (node.isTextual()) {
      String s = node.asText();
      if (JsonataExpr.isExpression(s)) {
        return jsonataExpr(s, pointer, field);
      }
      return new Template.Constant(node);
    }
    if (node.isObject()) {
      List<Template.Field> fields = new ArrayList<>();
      boolean dynamic = false;
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        Template t = jsonata(e.getValue(), BuildContext.child(pointer, e.getKey()), field);
        dynamic |= !t.isConstant();
        fields.add(new Template.Field(e.getKey(), t));
      }
      return dynamic ? new Template.ObjectTemplate(fields) : new Template.Constant(node);
    }
    if (node.isArray()) {
      List<Template> items = new ArrayList<>();
      boolean dynamic = false;
      for (int i = 0; i < node.size(); i++) {
        Template t = jsonata(node.get(i), BuildContext.child(pointer, i), field);
        dynamic |= !t.isConstant();
        items.add(t);
      }
      return dynamic ? new Template.ArrayTemplate(items) : new Template.Constant(node);
    }
    return new Template.Constant(node);
  }

  Template jsonataExpr(String text, String pointer, String field) {
    try {
      JsonataExpr expr = JsonataExpr.compile(text);
      String unsupported = expr.unsupportedReason();
      if (unsupported != null) {
        ctx.error(DiagnosticCodes.UNSUPPORTED_JSONATA_EXPRESSION, pointer,
            "The JSONata expression in '" + field + "' is not supported: " + unsupported);
      }
      return new Template.JsonataValue(expr);
    } catch (IllegalArgumentException e) {
      ctx.error(DiagnosticCodes.INVALID_JSONATA_EXPRESSION, pointer,
          "The JSONata expression in '" + field + "' does not parse: " + e.getMessage());
      return new Template.Constant(JsonNodeFactory.instance.textNode(text));
    }
  }
}
