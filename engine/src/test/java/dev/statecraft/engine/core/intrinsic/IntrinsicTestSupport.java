package dev.statecraft.engine.core.intrinsic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.statecraft.asl.expr.IntrinsicParser;
import dev.statecraft.asl.expr.PathResolver;
import dev.statecraft.asl.model.ErrorNames;
import dev.statecraft.engine.core.StateFailure;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/** Parses and evaluates expressions against a JSON input, context and variables. */
abstract class IntrinsicTestSupport {
  static final ObjectMapper MAPPER = new ObjectMapper();
  static final JsonNodeFactory N = JsonNodeFactory.instance;
  static final IntrinsicEvaluator EVALUATOR = new IntrinsicEvaluator();

  static JsonNode json(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  static PathResolver resolver(JsonNode input, JsonNode context, Map<String, JsonNode> variables) {
    return path ->
        switch (path.root()) {
          case INPUT -> path.read(input);
          case CONTEXT -> path.read(context);
          case VARIABLE -> variables.containsKey(path.variable())
              ? path.read(variables.get(path.variable()))
              : null;
        };
  }

  static JsonNode eval(String expression, String input) {
    return eval(expression, json(input), new SplittableRandom(42));
  }

  static JsonNode eval(String expression) {
    return eval(expression, "{}");
  }

  static JsonNode eval(String expression, JsonNode input, RandomGenerator random) {
    return EVALUATOR.evaluate(
        IntrinsicParser.parse(expression), resolver(input, json("{}"), Map.of()), random);
  }

  static StateFailure failure(String expression, String input) {
    StateFailure f =
        catchThrowableOfType(StateFailure.class, () -> eval(expression, input));
    assertThat(f).as("expected %s to fail", expression).isNotNull();
    return f;
  }

  /** Asserts a States.IntrinsicFailure whose cause names the expression and contains the text. */
  static void assertIntrinsicFailure(String expression, String input, String causeContains) {
    StateFailure f = failure(expression, input);
    assertThat(f.error()).isEqualTo(ErrorNames.INTRINSIC_FAILURE);
    assertThat(f.cause())
        .startsWith("The function '" + expression + "' had the following error: ")
        .contains(causeContains);
  }

  static void assertIntrinsicFailure(String expression, String causeContains) {
    assertIntrinsicFailure(expression, "{}", causeContains);
  }
}
