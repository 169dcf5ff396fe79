package dev.statecraft.engine.core.jsonata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.statecraft.asl.expr.JsonataExpr;
import dev.statecraft.engine.core.StateFailure;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class JsonataEvaluatorTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long NOW = 1_700_000_000_123L; // 2023-11-14T22:13:20.123Z

  private final Map<String, JsonNode> variables = new HashMap<>();

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  private JsonataBindings bindings(String states) {
    return new JsonataBindings(json(states), variables::get, new SplittableRandom(7), NOW);
  }

  private JsonNode eval(String expr, String states) {
    return JsonataEvaluator.evaluate(JsonataExpr.compile("{% " + expr + " %}"), bindings(states));
  }

  private JsonNode eval(String expr) {
    return eval(expr, "{\"input\": {}, \"context\": {}}");
  }

  private StateFailure failure(String expr) {
    try {
      eval(expr);
    } catch (StateFailure f) {
      return f;
    }
    throw new AssertionError("expected a failure for " + expr);
  }

  // ---- $states and variables ----

  @Test
  void bindsStates() {
    String states =
        "{\"input\": {\"a\": [1, 2]}, \"context\": {\"State\": {\"Name\": \"S\"}},"
            + " \"result\": {\"r\": true}, \"errorOutput\": {\"Error\": \"E\"}}";
    assertThat(eval("$states.input.a", states)).isEqualTo(json("[1, 2]"));
    assertThat(eval("$states.context.State.Name", states)).isEqualTo(json("\"S\""));
    assertThat(eval("$states.result.r", states)).isEqualTo(json("true"));
    assertThat(eval("$states.errorOutput.Error", states)).isEqualTo(json("\"E\""));
  }

  @Test
  void unchangedInputComesBackAsTheSameNode() {
    JsonNode states = json("{\"input\": {\"big\": {\"x\": [1, 2, 3]}}}");
    JsonNode out =
        JsonataEvaluator.evaluate(
            JsonataExpr.compile("{% $states.input.big %}"),
            new JsonataBindings(states, n -> null, new SplittableRandom(1), NOW));
    assertThat(out).isSameAs(states.get("input").get("big"));
  }

  @Test
  void bindsReferencedVariablesOnly() {
    variables.put("var_constant_1", json("1"));
    variables.put("name", json("\"María\""));
    variables.put("nothing", json("null"));
    Map<String, Integer> lookups = new HashMap<>();
    Function<String, JsonNode> counting =
        n -> {
          lookups.merge(n, 1, Integer::sum);
          return variables.get(n);
        };
    JsonNode out =
        JsonataEvaluator.evaluate(
            JsonataExpr.compile(
                "{% {'sum': $sum($states.input.v) + $var_constant_1, 'n': $name, 'z': $nothing} %}"),
            new JsonataBindings(json("{\"input\": {\"v\": [1, 2, 3]}}"), counting, new Random(1), NOW));
    assertThat(out).isEqualTo(json("{\"sum\": 7, \"n\": \"María\", \"z\": null}"));
    assertThat(lookups).containsOnlyKeys("sum", "var_constant_1", "name", "nothing");
  }

  @Test
  void statesCannotBeShadowedByAVariable() {
    variables.put("states", json("\"shadow\""));
    assertThat(eval("$states.input.a", "{\"input\": {\"a\": 1}}")).isEqualTo(json("1"));
  }

  @Test
  void noInputDocumentAtTopLevel() {
    assertThat(eval("$", "{\"input\": {\"a\": 1}}")).isNull();
    assertThat(eval("a", "{\"input\": {\"a\": 1}}")).isNull();
  }

  // ---- undefined and null ----

  @Test
  void undefinedIsNullAndJsonNullIsNullNode() {
    assertThat(eval("$doesNotExist")).isNull();
    assertThat(eval("$states.input.missing")).isNull();
    assertThat(eval("null")).isEqualTo(json("null"));
    assertThat(eval("$states.input.n", "{\"input\": {\"n\": null}}")).isEqualTo(json("null"));
    assertThat(eval("$exists($states.input.n)", "{\"input\": {\"n\": null}}"))
        .isEqualTo(json("true"));
    assertThat(eval("{'a': $nope, 'b': null}")).isEqualTo(json("{\"b\": null}"));
  }

  @Test
  void evaluateFieldFailsOnUndefinedWithAwsCause() {
    JsonataExpr expr = JsonataExpr.compile("{% $doesNotExist %}");
    assertThatThrownBy(() -> JsonataEvaluator.evaluateField(expr, "Assign/result", bindings("{}")))
        .isInstanceOf(StateFailure.class)
        .satisfies(
            t -> {
              StateFailure f = (StateFailure) t;
              assertThat(f.error()).isEqualTo("States.QueryEvaluationError");
              assertThat(f.cause())
                  .isEqualTo(
                      "The JSONata expression '$doesNotExist' specified for the field"
                          + " 'Assign/result' returned nothing (undefined).");
            });
  }

  @Test
  void unexpectedTypeCauseMatchesAws() {
    JsonataExpr expr = JsonataExpr.compile("{% {'foo': 'bar'} %}");
    JsonNode value = JsonataEvaluator.evaluateField(expr, "Items", bindings("{}"));
    assertThat(JsonataCauses.unexpectedType(expr, "Items", "array", value).cause())
        .isEqualTo(
            "The JSONata expression '{'foo': 'bar'}' specified for the field 'Items' returned an"
                + " unexpected result type. Expected 'array', but was 'object' for value:"
                + " {\"foo\":\"bar\"}");
  }

  // ---- numbers ----

  @Test
  void numbersComeOutAsJsonWritesThem() {
    assertThat(eval("2.5 * 2")).isEqualTo(json("5"));
    assertThat(eval("2.5 * 2").isIntegralNumber()).isTrue();
    assertThat(eval("1.0").isIntegralNumber()).isTrue();
    assertThat(eval("0.1 + 0.2").doubleValue()).isEqualTo(0.30000000000000004);
    assertThat(eval("-0")).isEqualTo(json("0"));
    assertThat(eval("$states.input.b + 1", "{\"input\": {\"b\": 12345678901234}}"))
        .isEqualTo(json("12345678901235"));
    assertThat(eval("$states.input.f * 2", "{\"input\": {\"f\": 1.5}}")).isEqualTo(json("3"));
    assertThat(eval("$sum($states.input.v)", "{\"input\": {\"v\": [1, 2.0, 3]}}"))
        .isEqualTo(json("6"));
    assertThat(eval("1e300 * 10").doubleValue()).isEqualTo(1e301);
  }

  // ---- errors ----

  @Test
  void typeErrorsAreQueryEvaluationErrors() {
    StateFailure f = failure("'a' + 1");
    assertThat(f.error()).isEqualTo("States.QueryEvaluationError");
    assertThat(f.cause()).startsWith("T2001: ").contains("left side of the \"+\" operator");
  }

  @Test
  void evaluateFieldNamesExpressionAndFieldInErrors() {
    JsonataExpr expr = JsonataExpr.compile("{% $abs('x') %}");
    assertThatThrownBy(() -> JsonataEvaluator.evaluateField(expr, "Output/a", bindings("{}")))
        .isInstanceOfSatisfying(
            StateFailure.class,
            f ->
                assertThat(f.cause())
                    .startsWith(
                        "The JSONata expression '$abs('x')' specified for the field 'Output/a'"
                            + " threw an error during evaluation. T0410: Argument 1 of function"
                            + " \"abs\""));
  }

  @Test
  void evalIsNotAvailable() {
    assertThat(failure("$eval('1 + 1')").cause()).startsWith("T1006");
  }

  @Test
  void nonFiniteNumbersFail() {
    assertThat(failure("1 / 0").error()).isEqualTo("States.QueryEvaluationError");
  }

  @Test
  void functionResultsFail() {
    assertThat(failure("function($x) { $x }").cause()).contains("cannot be represented in JSON");
  }

  @Test
  void aFunctionResultForAFieldIsAnUnsupportedResultType() {
    // AWS (LocalStack test_map_state_items_eval_jsonata_fail[function]) words it this way.
    JsonataExpr expr = JsonataExpr.compile("{% $fn := function($x){$x} %}");
    assertThatThrownBy(() -> JsonataEvaluator.evaluateField(expr, "Items", bindings("{}")))
        .isInstanceOfSatisfying(
            StateFailure.class,
            f -> {
              assertThat(f.error()).isEqualTo("States.QueryEvaluationError");
              assertThat(f.cause())
                  .isEqualTo(
                      "The JSONata expression '$fn := function($x){$x}' specified for the field"
                          + " 'Items' returned an unsupported result type.");
            });
  }

  // ---- AWS functions ----

  @Test
  void partition() {
    assertThat(eval("$partition([0, 1, 2, 3], 3)")).isEqualTo(json("[[0, 1, 2], [3]]"));
    assertThat(eval("$partition([0], 1)")).isEqualTo(json("[[0]]"));
    assertThat(eval("$partition([0, 1], 5)")).isEqualTo(json("[[0, 1]]"));
    assertThat(eval("$partition([1, 2, 3], 1.9)")).isEqualTo(json("[[1], [2], [3]]"));
    assertThat(eval("$partition([1, 2])")).isEqualTo(json("[[1, 2]]"));
    assertThat(eval("$partition([], 2)")).isNull();
    assertThat(eval("$partition([1], 0)")).isNull();
    assertThat(failure("$partition([1], -2)").cause()).startsWith("D3137");
    assertThat(failure("$partition('x', 1)").cause()).startsWith("T0412");
    assertThat(failure("$partition([1], 'x')").cause())
        .isEqualTo("T0410: Argument 2 of function \"partition\" does not match function signature");
    assertThat(failure("$partition([1], 1, 1)").cause()).startsWith("T0410: Argument 3");
  }

  @Test
  void range() {
    assertThat(eval("$range(0, 10, 2)")).isEqualTo(json("[0, 2, 4, 6, 8, 10]"));
    assertThat(eval("$range(0, 10, 3)")).isEqualTo(json("[0, 3, 6, 9]"));
    assertThat(eval("$range(1, 9, 9)")).isEqualTo(json("1"));
    assertThat(eval("$range(5, 1, -2)")).isEqualTo(json("[5, 3, 1]"));
    assertThat(eval("$range(1, 5, -1)")).isNull();
    assertThat(eval("$range(1, 5, 0)")).isNull();
    assertThat(eval("$range(1, 5)")).isNull();
    assertThat(failure("$range('a', 5, 1)").cause()).startsWith("T0410: Argument 1");
  }

  @Test
  void hash() {
    assertThat(eval("$hash('input data', 'MD5')").textValue())
        .isEqualTo("812f45842bc6d66ee14572ce20db8e86");
    assertThat(eval("$hash('', 'SHA-256')").textValue())
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    assertThat(eval("$hash('a')")).isNull();
    assertThat(failure("$hash('a', 'SHA-3')").cause()).startsWith("D3137: Hash algorithm 'SHA-3'");
    assertThat(failure("$hash(1, 'MD5')").cause()).startsWith("T0410: Argument 1");
  }

  @Test
  void randomIsDeterministic() {
    assertThat(eval("$random(42)").doubleValue()).isEqualTo(0.7275636800328681);
    JsonNode first = eval("$random()");
    assertThat(first.doubleValue()).isBetween(0.0, 1.0);
    assertThat(eval("$random()")).isEqualTo(first); // same random source state, same value
    assertThat(eval("[$random(), $random()]").get(0))
        .isNotEqualTo(eval("[$random(), $random()]").get(1));
  }

  @Test
  void uuidIsVersion4AndDeterministic() {
    String uuid = eval("$uuid()").textValue();
    assertThat(uuid).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    assertThat(eval("$uuid()").textValue()).isEqualTo(uuid);
    assertThat(failure("$uuid(1)").cause()).startsWith("T0410: Argument 1");
  }

  @Test
  void parse() {
    assertThat(eval("$parse('[1, 2, \"HelloWorld\"]')")).isEqualTo(json("[1, 2, \"HelloWorld\"]"));
    assertThat(eval("$parse('1.1')")).isEqualTo(json("1.1"));
    assertThat(eval("$parse('-0')")).isEqualTo(json("0"));
    assertThat(eval("$parse('{\"a\": null}').a")).isEqualTo(json("null"));
    assertThat(failure("$parse('{')").cause()).startsWith("D3137");
    assertThat(failure("$parse('1 2')").cause()).startsWith("D3137");
    assertThat(failure("$parse('')").cause()).startsWith("D3137");
  }

  @Test
  void clockIsTheGivenTime() {
    assertThat(eval("$millis()")).isEqualTo(json(Long.toString(NOW)));
    assertThat(eval("$now()").textValue()).isEqualTo("2023-11-14T22:13:20.123Z");
    assertThat(eval("$now('[Y0001]-[M01]-[D01]')").textValue()).isEqualTo("2023-11-14");
    assertThat(eval("$fromMillis($millis())").textValue()).isEqualTo("2023-11-14T22:13:20.123Z");
  }

  @Test
  void standardFunctionsWork() {
    assertThat(eval("$contains(\"hello$world\", /^hello\\$/)")).isEqualTo(json("true"));
    assertThat(eval("$number('2')")).isEqualTo(json("2"));
    assertThat(eval("$merge([{'a': 1}, {'b': 2}])")).isEqualTo(json("{\"a\": 1, \"b\": 2}"));
    assertThat(eval("$variable := 1")).isEqualTo(json("1"));
    assertThat(eval("$string({'a': 1.5, 'b': [1, null]})").textValue())
        .isEqualTo("{\"a\":1.5,\"b\":[1,null]}");
    assertThat(eval("$states.input.items[price > 10].name",
            "{\"input\": {\"items\": [{\"price\": 5, \"name\": \"a\"}, {\"price\": 20, \"name\": \"b\"}]}}"))
        .isEqualTo(json("\"b\""));
    assertThat(eval("$map($states.input.v, function($x) { $x * 2 })", "{\"input\": {\"v\": [1, 2]}}"))
        .isEqualTo(json("[2, 4]"));
    assertThat(eval("$count($keys($states.input))", "{\"input\": {\"a\": 1, \"b\": 2}}"))
        .isEqualTo(json("2"));
  }
}
