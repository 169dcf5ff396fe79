package dev.statecraft.engine.core;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statecraft.asl.expr.AslTimestamp;
import dev.statecraft.asl.model.ChoiceRule;
import dev.statecraft.asl.model.ChoiceRule.Operator;
import dev.statecraft.engine.core.jsonata.JsonataCauses;
import java.time.Instant;

/**
 * Evaluates Choice rules with AWS's type rules: a comparison on a value of the wrong type is
 * false rather than an error, but a path that selects nothing is a States.Runtime error (the
 * type tests such as IsPresent excepted).
 */
final class ChoiceEvaluator {
  private ChoiceEvaluator() {}

  static boolean matches(ChoiceRule rule, EvalContext ctx) {
    if (rule instanceof ChoiceRule.And and) {
      for (ChoiceRule r : and.rules()) {
        if (!matches(r, ctx)) {
          return false;
        }
      }
      return true;
    }
    if (rule instanceof ChoiceRule.Or or) {
      for (ChoiceRule r : or.rules()) {
        if (matches(r, ctx)) {
          return true;
        }
      }
      return false;
    }
    if (rule instanceof ChoiceRule.Not not) {
      return !matches(not.rule(), ctx);
    }
    if (rule instanceof ChoiceRule.Constant c) {
      return c.value();
    }
    if (rule instanceof ChoiceRule.Condition c) {
      JsonNode v = Expressions.jsonata(c.expr(), ctx, "Condition");
      if (!v.isBoolean()) {
        throw JsonataCauses.unexpectedType(c.expr(), "Condition", "boolean", v);
      }
      return v.booleanValue();
    }
    return compare((ChoiceRule.Comparison) rule, ctx);
  }

  private static boolean compare(ChoiceRule.Comparison c, EvalContext ctx) {
    JsonNode value = ctx.resolve(c.variable());
    Operator op = c.operator();
    switch (op) {
      case IS_PRESENT:
        return (value != null) == c.value().asBoolean();
      case IS_NULL:
        return (value != null && value.isNull()) == c.value().asBoolean();
      case IS_NUMERIC:
        return (value != null && value.isNumber()) == c.value().asBoolean();
      case IS_STRING:
        return (value != null && value.isTextual()) == c.value().asBoolean();
      case IS_BOOLEAN:
        return (value != null && value.isBoolean()) == c.value().asBoolean();
      case IS_TIMESTAMP:
        return (value != null && value.isTextual() && AslTimestamp.isValid(value.asText()))
            == c.value().asBoolean();
      default:
        break;
    }
    // AWS fails the execution rather than treating a missing field as a non-match.
    if (value == null) {
      throw invalidPath(c.variable());
    }
    JsonNode operand = c.value();
    if (c.valuePath() != null) {
      operand = ctx.resolve(c.valuePath());
      if (operand == null) {
        throw invalidPath(c.valuePath());
      }
    }
    return switch (op.kind()) {
      case STRING -> value.isTextual() && operand.isTextual()
          && (op.relation() == ChoiceRule.Relation.MATCHES
              ? wildcardMatch(value.asText(), operand.asText())
              : relate(value.asText().compareTo(operand.asText()), op.relation()));
      case NUMERIC -> value.isNumber() && operand.isNumber()
          && relate(value.decimalValue().compareTo(operand.decimalValue()), op.relation());
      case BOOLEAN -> value.isBoolean() && operand.isBoolean()
          && value.booleanValue() == operand.booleanValue();
      case TIMESTAMP -> {
        if (!value.isTextual() || !operand.isTextual()) {
          yield false;
        }
        Instant a = AslTimestamp.parse(value.asText());
        Instant b = AslTimestamp.parse(operand.asText());
        yield a != null && b != null && relate(a.compareTo(b), op.relation());
      }
      case TYPE_TEST -> false;
    };
  }

  private static StateFailure invalidPath(dev.statecraft.asl.expr.PathExpr path) {
    return new StateFailure(dev.statecraft.asl.model.ErrorNames.RUNTIME, "Invalid path '"
        + path.text() + "': The choice state's condition path references an invalid value.");
  }

  private static boolean relate(int cmp, ChoiceRule.Relation relation) {
    return switch (relation) {
      case EQ -> cmp == 0;
      case LT -> cmp < 0;
      case GT -> cmp > 0;
      case LE -> cmp <= 0;
      case GE -> cmp >= 0;
      case MATCHES -> false;
    };
  }

  /**
   * StringMatches: {@code *} matches any run of characters; {@code \*} is a literal star and
   * {@code \\} a literal backslash.
   */
  static boolean wildcardMatch(String text, String pattern) {
    // Iterative glob matching with backtracking on the last star: linear-ish, no regex blowup.
    int t = 0;
    int p = 0;
    int starP = -1;
    int starT = -1;
    while (t < text.length()) {
      if (p < pattern.length()) {
        char pc = pattern.charAt(p);
        if (pc == '*') {
          starP = ++p;
          starT = t;
          continue;
        }
        if (pc == '\\' && p + 1 < pattern.length()) {
          if (pattern.charAt(p + 1) == text.charAt(t)) {
            p += 2;
            t++;
            continue;
          }
        } else if (pc == text.charAt(t)) {
          p++;
          t++;
          continue;
        }
      }
      if (starP < 0) {
        return false;
      }
      p = starP;
      t = ++starT;
    }
    while (p < pattern.length() && pattern.charAt(p) == '*') {
      p++;
    }
    return p == pattern.length();
  }
}
