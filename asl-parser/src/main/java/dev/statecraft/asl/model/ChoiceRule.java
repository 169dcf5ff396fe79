package dev.statecraft.asl.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statecraft.asl.expr.JsonataExpr;
import dev.statecraft.asl.expr.PathExpr;
import dev.statecraft.asl.expr.Template;
import java.util.List;

/** A Choice rule: a boolean test on the state's input (JSONPath) or a JSONata Condition. */
public sealed interface ChoiceRule {

  /** True when every rule holds. */
  record And(List<ChoiceRule> rules) implements ChoiceRule {
    public And {
      rules = List.copyOf(rules);
    }
  }

  /** True when any rule holds. */
  record Or(List<ChoiceRule> rules) implements ChoiceRule {
    public Or {
      rules = List.copyOf(rules);
    }
  }

  /** True when the rule does not hold. */
  record Not(ChoiceRule rule) implements ChoiceRule {}

  /**
   * {@code Variable} compared with a literal or, for the {@code ...Path} operators, with another
   * path's value.
   *
   * @param variable the Variable path
   * @param operator the comparison
   * @param value the literal operand (null for path variants)
   * @param valuePath the operand path for {@code ...Path} operators, else null
   */
  record Comparison(PathExpr variable, Operator operator, JsonNode value, PathExpr valuePath)
      implements ChoiceRule {
    /** The operator's name as written, e.g. {@code NumericEqualsPath}. */
    public String aslName() {
      return operator.aslName() + (valuePath != null ? "Path" : "");
    }
  }

  /** A JSONata {@code Condition}. */
  record Condition(JsonataExpr expr) implements ChoiceRule {}

  /** A JSONata Condition given as a literal boolean (AWS allows {@code "Condition": true}). */
  record Constant(boolean value) implements ChoiceRule {}

  /**
   * A top-level rule with its transition.
   *
   * @param rule the test
   * @param next where to go when it holds
   * @param assign Assign evaluated when the rule is taken, or null
   * @param output JSONata Output when the rule is taken, or null
   * @param comment the rule's Comment, or null
   */
  record Branch(ChoiceRule rule, String next, Template assign, Template output, String comment) {}

  /** The comparison operators of ASL (without the {@code Path} suffix). */
  enum Operator {
    STRING_EQUALS("StringEquals", Kind.STRING, Relation.EQ),
    STRING_LESS_THAN("StringLessThan", Kind.STRING, Relation.LT),
    STRING_GREATER_THAN("StringGreaterThan", Kind.STRING, Relation.GT),
    STRING_LESS_THAN_EQUALS("StringLessThanEquals", Kind.STRING, Relation.LE),
    STRING_GREATER_THAN_EQUALS("StringGreaterThanEquals", Kind.STRING, Relation.GE),
    STRING_MATCHES("StringMatches", Kind.STRING, Relation.MATCHES),
    NUMERIC_EQUALS("NumericEquals", Kind.NUMERIC, Relation.EQ),
    NUMERIC_LESS_THAN("NumericLessThan", Kind.NUMERIC, Relation.LT),
    NUMERIC_GREATER_THAN("NumericGreaterThan", Kind.NUMERIC, Relation.GT),
    NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", Kind.NUMERIC, Relation.LE),
    NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals", Kind.NUMERIC, Relation.GE),
    BOOLEAN_EQUALS("BooleanEquals", Kind.BOOLEAN, Relation.EQ),
    TIMESTAMP_EQUALS("TimestampEquals", Kind.TIMESTAMP, Relation.EQ),
    TIMESTAMP_LESS_THAN("TimestampLessThan", Kind.TIMESTAMP, Relation.LT),
    TIMESTAMP_GREATER_THAN("TimestampGreaterThan", Kind.TIMESTAMP, Relation.GT),
    TIMESTAMP_LESS_THAN_EQUALS("TimestampLessThanEquals", Kind.TIMESTAMP, Relation.LE),
    TIMESTAMP_GREATER_THAN_EQUALS("TimestampGreaterThanEquals", Kind.TIMESTAMP, Relation.GE),
    IS_NULL("IsNull", Kind.TYPE_TEST, Relation.EQ),
    IS_PRESENT("IsPresent", Kind.TYPE_TEST, Relation.EQ),
    IS_NUMERIC("IsNumeric", Kind.TYPE_TEST, Relation.EQ),
    IS_STRING("IsString", Kind.TYPE_TEST, Relation.EQ),
    IS_BOOLEAN("IsBoolean", Kind.TYPE_TEST, Relation.EQ),
    IS_TIMESTAMP("IsTimestamp", Kind.TYPE_TEST, Relation.EQ);

    private final String aslName;
    private final Kind kind;
    private final Relation relation;

    Operator(String aslName, Kind kind, Relation relation) {
      this.aslName = aslName;
      this.kind = kind;
      this.relation = relation;
    }

    public String aslName() {
      return aslName;
    }

    public Kind kind() {
      return kind;
    }

    public Relation relation() {
      return relation;
    }

    /** Whether a {@code ...Path} variant exists (all but the type tests and StringMatches). */
    public boolean hasPathVariant() {
      return kind != Kind.TYPE_TEST && this != STRING_MATCHES;
    }

    /** Finds the operator for a field name such as {@code NumericEqualsPath}; null if none. */
    public static Operator forField(String field) {
      String base = field.endsWith("Path") ? field.substring(0, field.length() - 4) : field;
      for (Operator op : values()) {
        if (op.aslName.equals(field) || (op.hasPathVariant() && op.aslName.equals(base)
            && field.endsWith("Path"))) {
          return op;
        }
      }
      return null;
    }
  }

  /** The operand type an operator compares. */
  enum Kind {
    STRING,
    NUMERIC,
    BOOLEAN,
    TIMESTAMP,
    TYPE_TEST
  }

  /** How two operands relate. */
  enum Relation {
    EQ,
    LT,
    GT,
    LE,
    GE,
    MATCHES
  }
}
