package dev.statecraft.asl.expr;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A parsed intrinsic function call such as {@code States.Format('{}', $.name)}.
 *
 * @param name the full function name, for example {@code States.Format}
 * @param args the arguments in order (an unmodifiable copy)
 */
public record IntrinsicCall(String name, List<IntrinsicArg> args) implements IntrinsicArg {

  public IntrinsicCall {
    Objects.requireNonNull(name, "name");
    args = List.copyOf(args);
  }

  /** The function this call names; parsed calls always name a known one. */
  public IntrinsicFunction function() {
    return IntrinsicFunction.byName(name)
        .orElseThrow(() -> new IllegalStateException("unknown intrinsic function " + name));
  }

  /**
   * The call written back as ASL text, in a canonical spacing ({@code ", "} between arguments).
   * AWS quotes the expression in error causes; callers that kept the source text should prefer
   * it, since this rendering may differ in spacing or number spelling.
   */
  @Override
  public String toString() {
    return args.stream().map(Object::toString).collect(Collectors.joining(", ", name + "(", ")"));
  }
}
