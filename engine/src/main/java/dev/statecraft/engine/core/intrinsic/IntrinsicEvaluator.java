package dev.statecraft.engine.core.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statecraft.asl.expr.IntrinsicArg;
import dev.statecraft.asl.expr.IntrinsicCall;
import dev.statecraft.asl.expr.PathExpr;
import dev.statecraft.asl.expr.PathResolver;
import dev.statecraft.asl.model.ErrorNames;
import dev.statecraft.engine.core.StateFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Evaluates parsed intrinsic function calls ({@code States.Format}, {@code States.ArrayRange},
 * ...) the way AWS Step Functions does.
 *
 * <p>The evaluator is stateless and thread-safe. It is pure: paths are read through the given
 * {@link PathResolver} and randomness ({@code States.UUID}, unseeded {@code States.MathRandom})
 * comes from the given {@link RandomGenerator}, so a replay with the same generator state gives
 * the same values.
 *
 * <p>Failures are {@link StateFailure}s whose cause has AWS's shape {@code The function '<expr>'
 * had the following error: <reason>}; the caller prefixes the state part ("An error occurred
 * while executing the state ..."). A bad argument raises {@code States.IntrinsicFailure}; a path
 * argument that selects nothing raises {@code States.Runtime}, as AWS does.
 */
public final class IntrinsicEvaluator {

  private static final PathExpr INPUT = PathExpr.compile("$");

  /**
   * Evaluates a call, quoting it in error causes as {@link IntrinsicCall#toString()} renders it.
   *
   * @throws StateFailure {@code States.IntrinsicFailure} or {@code States.Runtime}
   */
  public JsonNode evaluate(IntrinsicCall call, PathResolver resolver, RandomGenerator random) {
    return evaluate(call, call.toString(), resolver, random);
  }

  /**
   * Evaluates a call, quoting {@code sourceText} (the expression exactly as the definition wrote
   * it) in error causes.
   *
   * @throws StateFailure {@code States.IntrinsicFailure} or {@code States.Runtime}
   */
  public JsonNode evaluate(
      IntrinsicCall call, String sourceText, PathResolver resolver, RandomGenerator random) {
    Objects.requireNonNull(call, "call");
    Objects.requireNonNull(resolver, "resolver");
    Objects.requireNonNull(random, "random");
    try {
      return call(call, resolver, random);
    } catch (IntrinsicException e) {
      // AWS names the whole expression, not the nested call that failed.
      throw new StateFailure(
          e.error(), "The function '" + sourceText + "' had the following error: " + e.reason());
    }
  }

  private JsonNode call(IntrinsicCall call, PathResolver resolver, RandomGenerator random) {
    List<JsonNode> values = new ArrayList<>(call.args().size());
    for (IntrinsicArg arg : call.args()) {
      values.add(argument(arg, resolver, random));
    }
    return IntrinsicTable.get(call.function()).apply(new Args(call.name(), values, random));
  }

  private JsonNode argument(IntrinsicArg arg, PathResolver resolver, RandomGenerator random) {
    if (arg instanceof IntrinsicArg.Literal literal) {
      return literal.value();
    }
    if (arg instanceof IntrinsicArg.PathArg pathArg) {
      JsonNode value = resolver.resolve(pathArg.path());
      if (value == null) {
        throw new IntrinsicException(
            ErrorNames.RUNTIME,
            "The JsonPath argument for the field '" + pathArg.path().text()
                + "' could not be found in the input '"
                + JsonValues.compact(resolver.resolve(INPUT)) + "'");
      }
      return value;
    }
    return call((IntrinsicCall) arg, resolver, random);
  }
}
