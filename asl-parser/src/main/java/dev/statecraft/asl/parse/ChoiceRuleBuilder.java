package dev.statecraft.asl.parse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statecraft.asl.expr.AslTimestamp;
import dev.statecraft.asl.expr.IntrinsicParser;
import dev.statecraft.asl.expr.JsonataExpr;
import dev.statecraft.asl.expr.PathExpr;
import dev.statecraft.asl.expr.Template;
import dev.statecraft.asl.model.ChoiceRule;
import dev.statecraft.asl.model.ChoiceRule.Operator;
import dev.statecraft.asl.model.QueryLanguage;
import dev.statecraft.asl.validate.DiagnosticCodes;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** Builds Choice rules, checking each operator's operand type and the rules of nesting. */
final class ChoiceRuleBuilder {
  private static final Set<String> BRANCH_FIELDS = Set.of("Next", "Assign", "Output", "Comment");

  private final BuildContext ctx;
  private final TemplateCompiler templates;

  ChoiceRuleBuilder(BuildContext ctx, TemplateCompiler templates) {
    this.ctx = ctx;
    this.templates = templates;
  }

  /** A top-level entry of {@code Choices}: a rule plus Next (and Assign/Output). */
  ChoiceRule.Branch branch(JsonNode node, String pointer, QueryLanguage ql) {
    // A missing Next or a stray End is reported by the JSON Schema.
    JsonNode next = node.get("Next");
    Template assign = null;
    Template output = null;
    if (node.has("Assign")) {
      JsonNode a = node.get("Assign");
      String at = BuildContext.child(pointer, "Assign");
      assign = ql == QueryLanguage.JSONATA ? templates.jsonata(a, at, "Assign")
          : templates.payload(a, at, "Assign");
    }
    if (node.has("Output")) {
      if (ql != QueryLanguage.JSONATA) {
        ctx.error(DiagnosticCodes.INVALID_QUERY_LANGUAGE_FIELD,
            BuildContext.child(pointer, "Output"),
            "'Output' is only allowed when the query language is JSONata");
      } else {
        output = templates.jsonata(node.get("Output"), BuildContext.child(pointer, "Output"),
            "Output");
      }
    }
    ChoiceRule rule = ql == QueryLanguage.JSONATA ? condition(node, pointer) : rule(node, pointer);
    String comment = node.path("Comment").isTextual() ? node.get("Comment").asText() : null;
    return new ChoiceRule.Branch(rule, next == null ? null : next.asText(), assign, output,
        comment);
  }

  private ChoiceRule condition(JsonNode node, String pointer) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!BRANCH_FIELDS.contains(f) && !f.equals("Condition")) {
        ctx.error(DiagnosticCodes.INVALID_QUERY_LANGUAGE_FIELD, BuildContext.child(pointer, f),
            "'" + f + "' is not allowed in a JSONata Choice rule; use 'Condition'");
      }
    }
    JsonNode c = node.get("Condition");
    String at = BuildContext.child(pointer, "Condition");
    if (c == null) {
      ctx.error(DiagnosticCodes.SCHEMA_VALIDATION_FAILED, pointer,
          "A JSONata Choice rule must have a 'Condition'");
      return new ChoiceRule.Constant(false);
    }
    if (c.isBoolean()) {
      return new ChoiceRule.Constant(c.asBoolean());
    }
    if (c.isTextual() && JsonataExpr.isExpression(c.asText())) {
      Template t = templates.jsonataExpr(c.asText(), at, "Condition");
      if (t instanceof Template.JsonataValue v) {
        return new ChoiceRule.Condition(v.expr());
      }
    }
    // Any other value is refused by the JSON Schema (a boolean or a '{% %}' string).
    return new ChoiceRule.Constant(false);
  }

  /** A JSONPath rule: And/Or/Not or a comparison on {@code Variable}. */
  ChoiceRule rule(JsonNode node, String pointer) {
    if (!node.isObject()) {
      return new ChoiceRule.Constant(false); // the schema reports it
    }
    if (node.has("Condition")) {
      ctx.error(DiagnosticCodes.INVALID_QUERY_LANGUAGE_FIELD,
          BuildContext.child(pointer, "Condition"),
          "'Condition' is only allowed when the query language is JSONata");
    }
    if (node.has("And") || node.has("Or")) {
      String op = node.has("And") ? "And" : "Or";
      JsonNode list = node.get(op);
      List<ChoiceRule> rules = new ArrayList<>();
      // Not an array, or empty: the schema reports it.
      for (int i = 0; list.isArray() && i < list.size(); i++) {
        rules.add(rule(list.get(i), BuildContext.child(BuildContext.child(pointer, op), i)));
      }
      return op.equals("And") ? new ChoiceRule.And(rules) : new ChoiceRule.Or(rules);
    }
    if (node.has("Not")) {
      // A nested rule with Next is an unknown field to the schema.
      return new ChoiceRule.Not(rule(node.get("Not"), BuildContext.child(pointer, "Not")));
    }
    return comparison(node, pointer);
  }

  private ChoiceRule comparison(JsonNode node, String pointer) {
    JsonNode variable = node.get("Variable");
    Operator operator = null;
    String operatorField = null;
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      Operator op = Operator.forField(f);
      if (op != null) {
        if (operator != null) {
          ctx.error(DiagnosticCodes.SCHEMA_VALIDATION_FAILED, BuildContext.child(pointer, f),
              "A Choice rule must have exactly one comparison operator, found '" + operatorField
                  + "' and '" + f + "'");
        } else {
          operator = op;
          operatorField = f;
        }
      }
    }
    if (variable == null || !variable.isTextual()) {
      ctx.error(DiagnosticCodes.SCHEMA_VALIDATION_FAILED, pointer,
          "A Choice rule must have 'Variable' (a reference path) with a comparison operator,"
              + " or be an 'And', 'Or' or 'Not' rule");
      return new ChoiceRule.Constant(false);
    }
    PathExpr variablePath = variable(variable.asText(), BuildContext.child(pointer, "Variable"));
    if (operator == null) {
      ctx.error(DiagnosticCodes.SCHEMA_VALIDATION_FAILED, pointer,
          "A Choice rule with 'Variable' needs a comparison operator such as 'StringEquals'");
      return new ChoiceRule.Constant(false);
    }
    JsonNode operand = node.get(operatorField);
    String at = BuildContext.child(pointer, operatorField);
    boolean isPath = !operatorField.equals(operator.aslName());
    if (isPath) {
      if (!operand.isTextual()) {
        return new ChoiceRule.Constant(false); // the schema reports a non-string path
      }
      PathExpr p = templates.path(operand.asText(), at, operatorField, true);
      return variablePath == null || p == null ? new ChoiceRule.Constant(false)
          : new ChoiceRule.Comparison(variablePath, operator, null, p);
    }
    checkOperand(operator, operatorField, operand, at);
    return variablePath == null ? new ChoiceRule.Constant(false)
        : new ChoiceRule.Comparison(variablePath, operator, operand, null);
  }

  /** Choice's Variable is a reference path: an intrinsic function is not allowed there. */
  private PathExpr variable(String text, String pointer) {
    if (IntrinsicParser.looksLikeIntrinsic(text)) {
      ctx.error(DiagnosticCodes.INVALID_REFERENCE_PATH, pointer,
          "'Variable' must be a reference path such as '$.value'; an intrinsic function cannot"
              + " be used here: '" + text + "'");
      return null;
    }
    return templates.path(text, pointer, "Variable", true);
  }

  /**
   * Operand types (string, number, boolean) are the JSON Schema's job; only what it cannot say,
   * that a timestamp string is RFC 3339, is checked here.
   */
  private void checkOperand(Operator op, String field, JsonNode operand, String at) {
    if (op.kind() == ChoiceRule.Kind.TIMESTAMP && operand.isTextual()
        && !AslTimestamp.isValid(operand.asText())) {
      ctx.error(DiagnosticCodes.INVALID_TIMESTAMP, at, "'" + field
          + "' must be an RFC 3339 timestamp such as 2016-03-14T01:59:00Z, got '"
          + operand.asText() + "'");
    }
  }
}
