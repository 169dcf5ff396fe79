package dev.statecraft.engine.core.jsonata;

import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.JsonNode;
import dev.statecraft.asl.expr.JsonataExpr;
import dev.statecraft.engine.core.StateFailure;

/**
 * Evaluates compiled JSONata expressions the way Step Functions does: {@code $states} and the
 * workflow variables bound, AWS's extra functions registered, no input document ({@code $} is
 * undefined at the top level), and {@code $now}/{@code $millis}/{@code $random}/{@code $uuid}
 * reading the given time and random source, so the same bindings give the same result.
 *
 * <h2>Undefined and errors</h2>
 *
 * <ul>
 *   <li>{@link #evaluate} returns null when the expression yields nothing (undefined) and a
 *       {@code NullNode} for JSON null. Whether undefined is an error depends on the field, so
 *       the caller decides; AWS fails every field we know of (Output, Assign, Arguments,
 *       Condition, Items, Seconds, ...) with {@link JsonataCauses#undefinedResult}.
 *   <li>{@link #evaluateField} does that check for you and names the field in every cause.
 *   <li>Evaluation errors (type errors, bad function arguments, a result with no JSON form) throw
 *       {@link StateFailure} with {@code States.QueryEvaluationError}.
 * </ul>
 *
 * <h2>Threads</h2>
 *
 * Stateless and thread-safe. dashjoin's {@code Jsonata} keeps per-evaluation scratch state in a
 * per-thread copy and reads a shared instance's fields only to build the frame; with a fresh
 * frame per call (and {@link JsonataExpr#compile} keeping shared instances out of the per-thread
 * slot) one compiled expression can be evaluated by many threads at once.
 */
public final class JsonataEvaluator {

  private JsonataEvaluator() {}

  /**
   * Evaluates {@code expr}.
   *
   * @return the result, {@code NullNode} for JSON null, or null when the result is undefined
   * @throws StateFailure {@code States.QueryEvaluationError} when evaluation fails; the cause is
   *     the bare JSONata message (use {@link #evaluateField} for AWS's full sentence)
   */
  public static JsonNode evaluate(JsonataExpr expr, JsonataBindings bindings) {
    return run(expr, bindings, null);
  }

  /**
   * Evaluates the expression written in ASL field {@code field} (AWS's path, such as
   * {@code Output/result}) and requires a value.
   *
   * @throws StateFailure {@code States.QueryEvaluationError} with AWS's cause when evaluation
   *     fails or the result is undefined
   */
  public static JsonNode evaluateField(JsonataExpr expr, String field, JsonataBindings bindings) {
    JsonNode result = run(expr, bindings, field);
    if (result == null) {
      throw JsonataCauses.undefinedResult(expr, field);
    }
    return result;
  }

  private static JsonNode run(JsonataExpr expr, JsonataBindings bindings, String field) {
    Jsonata.Frame frame = frame(expr, bindings);
    Object raw;
    try {
      // No input document: Step Functions reaches data only through $states and variables.
      raw = expr.compiled().evaluate(null, frame);
    } catch (JException e) {
      throw JsonataCauses.evaluationError(expr, field, JsonataCauses.message(e));
    } catch (StackOverflowError e) {
      throw JsonataCauses.evaluationError(expr, field, "U1001: Stack overflow error");
    } catch (RuntimeException e) {
      // dashjoin lets some internal failures escape raw (ClassCast, NullPointer, ...).
      throw JsonataCauses.evaluationError(expr, field, String.valueOf(e.getMessage()));
    }
    if (field != null && raw != null && JsonataValues.isFunction(raw)) {
      throw JsonataCauses.unsupportedResultType(expr, field);
    }
    try {
      return JsonataValues.toJson(raw);
    } catch (JsonataValues.NonJsonResultException e) {
      throw JsonataCauses.evaluationError(expr, field, e.getMessage());
    }
  }

  /**
   * A fresh frame with this call's bindings. dashjoin copies it into a new frame under the
   * expression's environment, so nothing here leaks into the shared compiled expression.
   */
  private static Jsonata.Frame frame(JsonataExpr expr, JsonataBindings bindings) {
    Jsonata.Frame frame = new Jsonata.Frame(null);
    AwsFunctions.bind(frame, bindings.random(), bindings.nowEpochMillis());
    // Only names the expression mentions are looked up, so a large variable scope costs nothing.
    // Variables are bound before $states so that $states always wins, as AWS reserves the name.
    for (String name : expr.referencedNames()) {
      if (!name.equals("states")) {
        JsonNode value = bindings.variables().apply(name);
        if (value != null) {
          frame.bind(name, JsonataValues.toJsonata(value));
        }
      }
    }
    frame.bind("states", JsonataValues.toJsonata(bindings.states()));
    return frame;
  }
}
