package dev.statecraft.asl.expr;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A compiled value that is computed when a state runs: a payload template (JSONPath
 * {@code Parameters}, {@code ResultSelector}, {@code Assign} with {@code .$} keys), a JSONata
 * template ({@code Arguments}, {@code Output}, {@code Assign} with {@code {% %}} strings), or a
 * single dynamic field value ({@code SecondsPath}, {@code TimeoutSeconds: "{% ... %}"}).
 */
public sealed interface Template {

  /** A value with nothing to evaluate. */
  record Constant(JsonNode value) implements Template {}

  /** A JSONPath path read from the input, the context object or a variable. */
  record PathValue(PathExpr path) implements Template {}

  /**
   * An intrinsic function call such as {@code States.Format(...)}.
   *
   * @param source the call as written, quoted in error causes
   */
  record IntrinsicValue(IntrinsicCall call, String source) implements Template {}

  /** A JSONata expression ({@code {% ... %}}). */
  record JsonataValue(JsonataExpr expr) implements Template {}

  /** An object some of whose members are dynamic. Keys have their {@code .$} suffix removed. */
  record ObjectTemplate(List<Field> fields) implements Template {
    public ObjectTemplate {
      fields = List.copyOf(fields);
    }
  }

  /** An array some of whose elements are dynamic. */
  record ArrayTemplate(List<Template> items) implements Template {
    public ArrayTemplate {
      items = List.copyOf(items);
    }
  }

  /** One member of an {@link ObjectTemplate}. */
  record Field(String name, Template value) {}

  /** True when evaluating gives the same value whatever the data. */
  default boolean isConstant() {
    return this instanceof Constant;
  }
}
