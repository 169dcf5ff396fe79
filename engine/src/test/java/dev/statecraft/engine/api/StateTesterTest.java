package dev.statecraft.engine.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.statecraft.engine.api.StateTester.InspectionLevel;
import dev.statecraft.engine.core.Json;
import dev.statecraft.engine.spi.TaskHandler;
import dev.statecraft.engine.spi.TaskRequest;
import dev.statecraft.engine.spi.TaskResult;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/** TestState's outcome and, at DEBUG, the data after each processing stage. */
class StateTesterTest {
  private final TaskHandler lambda = new TaskHandler() {
    @Override
    public boolean supports(String resource) {
      return resource.contains(":lambda:");
    }

    @Override
    public CompletionStage<TaskResult> invoke(TaskRequest r) {
      return CompletableFuture.completedFuture(TaskResult.success(
          Json.parse("{\"value\":" + (r.input().get("id").asInt() * 7) + "}")));
    }
  };
  private final StateTester tester = new StateTester(List.of(lambda));

  private static final String TASK = """
      {"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","InputPath":"$.order",
       "Parameters":{"id.$":"$.id"},"ResultSelector":{"v.$":"$.value"},"ResultPath":"$.res",
       "Next":"Ship"}""";

  @Test
  void debugShowsEveryStageOfAJsonPathTask() {
    StateTester.Outcome o = tester.test(TASK, "{\"order\":{\"id\":1},\"x\":2}",
        InspectionLevel.DEBUG);

    assertThat(o.status()).isEqualTo("SUCCEEDED");
    assertThat(o.nextState()).isEqualTo("Ship");
    assertThat(o.inspectionData()).containsExactly(
        entry("input", "{\"order\":{\"id\":1},\"x\":2}"),
        entry("afterInputPath", "{\"id\":1}"),
        entry("afterParameters", "{\"id\":1}"),
        entry("result", "{\"value\":7}"),
        entry("afterResultSelector", "{\"v\":7}"),
        entry("afterResultPath", "{\"order\":{\"id\":1},\"x\":2,\"res\":{\"v\":7}}"));
    assertThat(Json.parse(o.output())).isEqualTo(Json.parse(
        o.inspectionData().get("afterResultPath")));
  }

  @Test
  void infoShowsTheOutcomeOnly() {
    StateTester.Outcome o = tester.test(TASK, "{\"order\":{\"id\":2}}");
    assertThat(o.status()).isEqualTo("SUCCEEDED");
    assertThat(o.inspectionData()).isEmpty();
  }

  @Test
  void jsonataShowsArgumentsResultAndVariables() {
    StateTester.Outcome o = tester.test("""
        {"QueryLanguage":"JSONata","Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
         "Arguments":{"id":"{% $states.input.n %}"},"Assign":{"seen":"{% $states.result.value %}"},
         "Output":"{% $states.result.value + 1 %}","End":true}""", "{\"n\":3}",
        InspectionLevel.TRACE);

    assertThat(o.status()).isEqualTo("SUCCEEDED");
    assertThat(o.output()).isEqualTo("22");
    assertThat(o.inspectionData()).containsExactly(
        entry("input", "{\"n\":3}"),
        entry("afterArguments", "{\"id\":3}"),
        entry("result", "{\"value\":21}"),
        entry("variables", "{\"seen\":21}"));
  }

  @Test
  void aChoiceShowsItsInputAfterInputPath() {
    StateTester.Outcome o = tester.test("""
        {"Type":"Choice","InputPath":"$.a","Choices":[
          {"Variable":"$.b","NumericGreaterThan":1,"Next":"Big"}],"Default":"Small"}""",
        "{\"a\":{\"b\":5}}", InspectionLevel.DEBUG);

    assertThat(o.nextState()).isEqualTo("Big");
    assertThat(o.inspectionData()).containsExactly(entry("input", "{\"a\":{\"b\":5}}"),
        entry("afterInputPath", "{\"b\":5}"));
  }

  private static final String MACHINE = """
      {"QueryLanguage":"JSONata","StartAt":"Load","States":{
        "Load":{"Type":"Pass","Output":{"n":1},"Next":"Charge"},
        "Charge":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
          "Arguments":{"id":"{% $states.input.n %}"},
          "Output":"{% $states.result.value + $bonus %}",
          "Catch":[{"ErrorEquals":["Card.Declined"],"Next":"Refund"}],"Next":"Ship"},
        "Ship":{"Type":"Succeed"},"Refund":{"Type":"Succeed"}}}""";

  @Test
  void aStateOfAWholeMachineRunsWithVariablesAndTheMachinesQueryLanguage() {
    StateTester.Outcome o = tester.test(new StateTester.Request(MACHINE, "Charge", "{\"n\":6}",
        "{\"bonus\":100}", null, InspectionLevel.INFO));

    assertThat(o.status()).isEqualTo("SUCCEEDED");
    assertThat(o.output()).isEqualTo("142"); // 6 * 7 from the integration, + $bonus
    assertThat(o.nextState()).isEqualTo("Ship");
  }

  @Test
  void aMockAnswersInsteadOfTheIntegration() {
    StateTester.Outcome ok = tester.test(new StateTester.Request(MACHINE, "Charge", "{\"n\":6}",
        "{\"bonus\":1}", new StateTester.Mock(Json.parse("{\"value\":41}"), null, null),
        InspectionLevel.INFO));
    assertThat(ok.output()).isEqualTo("42");

    StateTester.Outcome caught = tester.test(new StateTester.Request(MACHINE, "Charge",
        "{\"n\":1}", null, new StateTester.Mock(null, "Card.Declined", "no funds"),
        InspectionLevel.INFO));
    assertThat(caught.status()).isEqualTo("CAUGHT_ERROR");
    assertThat(caught.nextState()).isEqualTo("Refund");
    assertThat(Json.parse(caught.output())).isEqualTo(Json.parse(
        "{\"Error\":\"Card.Declined\",\"Cause\":\"no funds\"}"));

    StateTester.Outcome failed = tester.test(new StateTester.Request(MACHINE, "Charge",
        "{\"n\":1}", null, new StateTester.Mock(null, "Other.Error", "boom"),
        InspectionLevel.INFO));
    assertThat(failed.status()).isEqualTo("FAILED");
    assertThat(failed.error()).isEqualTo("Other.Error");
  }

  @Test
  void badRequestsAreRefusedWithAwsErrors() {
    assertThatThrownBy(() -> tester.test(new StateTester.Request(MACHINE, "Nope", "{}", null,
        null, InspectionLevel.INFO))).isInstanceOf(StatesApiException.InvalidDefinition.class)
        .hasMessageContaining("Nope");
    assertThatThrownBy(() -> tester.test(new StateTester.Request(TASK, "Charge", "{}", null,
        null, InspectionLevel.INFO))).isInstanceOf(StatesApiException.InvalidDefinition.class)
        .hasMessageContaining("whole state machine");
    assertThatThrownBy(() -> tester.test(new StateTester.Request(MACHINE, "Charge", "{}", "[1]",
        null, InspectionLevel.INFO))).isInstanceOf(StatesApiException.ValidationException.class);
    assertThatThrownBy(() -> tester.test(new StateTester.Request(MACHINE, "Charge", "{}",
        "{\"my-var\":1}", null, InspectionLevel.INFO)))
        .isInstanceOf(StatesApiException.ValidationException.class).hasMessageContaining("my-var");
  }

  @Test
  void aStateThatGoesToItselfRunsOnceAndSaysSo() {
    StateTester.Outcome o = tester.test(new StateTester.Request("""
        {"StartAt":"Loop","States":{"Loop":{"Type":"Choice","Choices":[
          {"Variable":"$.again","BooleanEquals":true,"Next":"Loop"}],"Default":"Out"},
         "Out":{"Type":"Succeed"}}}""", "Loop", "{\"again\":true}", null, null,
        InspectionLevel.INFO));
    assertThat(o.nextState()).isEqualTo("Loop");
  }

  private static java.util.Map.Entry<String, String> entry(String k, String v) {
    return java.util.Map.entry(k, v);
  }
}
