package dev.statecraft.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

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

  private static java.util.Map.Entry<String, String> entry(String k, String v) {
    return java.util.Map.entry(k, v);
  }
}
