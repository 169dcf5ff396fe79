package dev.statecraft.engine.core.intrinsic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statecraft.asl.expr.IntrinsicCall;
import dev.statecraft.asl.expr.IntrinsicParser;
import dev.statecraft.asl.model.ErrorNames;
import dev.statecraft.engine.core.StateFailure;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Evaluation across functions: nesting, path roots, missing paths, error causes. */
class IntrinsicEvaluatorTest extends IntrinsicTestSupport {

  @Test
  void nestedCalls() {
    assertThat(
            eval(
                "States.ArrayGetItem(States.StringSplit($.n, '-'), "
                    + "States.MathAdd(States.ArrayLength(States.StringSplit($.n, '-')), -1))",
                "{\"n\":\"a-b-c\"}"))
        .isEqualTo(json("\"c\""));
    assertThat(
            eval(
                "States.Format('{}.{}.{}', States.ArrayGetItem(States.StringSplit(States.ArrayGetItem("
                    + "States.StringSplit($.Arn, '/'), 2), '.'), 0), States.ArrayGetItem(States.StringSplit("
                    + "States.ArrayGetItem(States.StringSplit($.Arn, '/'), 2), '.'), 1), 'z')",
                "{\"Arn\":\"arn:aws:x/recipe/my.image.name/1\"}"))
        .isEqualTo(json("\"my.image.z\""));
  }

  @Test
  void readsContextAndVariables() {
    JsonNode context = json("{\"Execution\":{\"Name\":\"exec-1\"},\"StateMachine\":{\"Id\":\"arn:x\",\"Name\":\"sm\"}}");
    IntrinsicCall call =
        IntrinsicParser.parse("States.Format('{} {} {}', $$.Execution.Name, $$.StateMachine, $greeting)");
    JsonNode out =
        EVALUATOR.evaluate(
            call,
            resolver(json("{}"), context, Map.of("greeting", json("\"hi\""))),
            new SplittableRandom(1));
    assertThat(out.textValue()).isEqualTo("exec-1 {Id=arn:x, Name=sm} hi");
  }

  @Test
  void indefinitePathsYieldTheArrayOfMatches() {
    assertThat(eval("States.ArrayLength($.items[?(@.ok == true)])",
            "{\"items\":[{\"ok\":true},{\"ok\":false},{\"ok\":true}]}"))
        .isEqualTo(json("2"));
  }

  @Test
  void missingPathIsARuntimeErrorNamingThePathAndInput() {
    StateFailure f = failure("States.Format('{}', $.nope)", "{\"other\":1}");
    assertThat(f.error()).isEqualTo(ErrorNames.RUNTIME);
    assertThat(f.cause())
        .isEqualTo(
            "The function 'States.Format('{}', $.nope)' had the following error: "
                + "The JsonPath argument for the field '$.nope' could not be found in the input "
                + "'{\"other\":1}'");
  }

  @Test
  void pathToJsonNullIsAValueNotAMissingPath() {
    assertThat(eval("States.Array($.n)", "{\"n\":null}")).isEqualTo(json("[null]"));
  }

  @Test
  void causeNamesTheWholeExpressionEvenForNestedFailures() {
    StateFailure f = failure("States.Array(States.ArrayLength('x'))", "{}");
    assertThat(f.error()).isEqualTo(ErrorNames.INTRINSIC_FAILURE);
    assertThat(f.cause())
        .startsWith("The function 'States.Array(States.ArrayLength('x'))' had the following error: ")
        .contains("Argument 1 of States.ArrayLength must be an array");
  }

  @Test
  void causeQuotesTheSourceTextWhenGiven() {
    String source = "States.ArrayLength( 'x' )";
    StateFailure f =
        catchThrowableOfType(
            StateFailure.class,
            () ->
                EVALUATOR.evaluate(
                    IntrinsicParser.parse(source),
                    source,
                    resolver(json("{}"), json("{}"), Map.of()),
                    new SplittableRandom(1)));
    assertThat(f.cause()).startsWith("The function '" + source + "' had the following error: ");
  }

  @Test
  void evaluatingTwiceGivesTheSameResultAndLeavesTheInputAlone() {
    JsonNode input = json("{\"a\":{\"x\":1},\"b\":{\"y\":2}}");
    IntrinsicCall call = IntrinsicParser.parse("States.JsonMerge($.a, $.b, false)");
    var resolver = resolver(input, json("{}"), Map.of());
    JsonNode first = EVALUATOR.evaluate(call, resolver, new SplittableRandom(1));
    JsonNode second = EVALUATOR.evaluate(call, resolver, new SplittableRandom(1));
    assertThat(first).isEqualTo(second).isEqualTo(json("{\"x\":1,\"y\":2}"));
    assertThat(input).isEqualTo(json("{\"a\":{\"x\":1},\"b\":{\"y\":2}}"));
  }
}
