package dev.statecraft.asl.expr;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * One argument of an intrinsic function call: a literal value, a path, or a nested call.
 *
 * <p>Instances are immutable; they are built once by {@link IntrinsicParser} when a definition is
 * loaded and evaluated many times.
 */
public sealed interface IntrinsicArg permits IntrinsicArg.Literal, IntrinsicArg.PathArg, IntrinsicCall {

  /**
   * A literal written in the expression: a string (escapes already resolved), a number, a
   * boolean or null.
   *
   * @param value the literal's JSON value; never Java null (JSON null is a {@code NullNode})
   */
  record Literal(JsonNode value) implements IntrinsicArg {
    public Literal {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
      if (value.isTextual()) {
        return "'" + IntrinsicParser.escape(value.textValue()) + "'";
      }
      return value.toString();
    }
  }

  /**
   * A path argument ({@code $...}, {@code $$...} or {@code $var...}), read when the call runs.
   *
   * @param path the compiled path
   */
  record PathArg(PathExpr path) implements IntrinsicArg {
    public PathArg {
      Objects.requireNonNull(path, "path");
    }

    @Override
    public String toString() {
      return path.text();
    }
  }
}
