package dev.statecraft.engine.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statecraft.asl.Asl;
import dev.statecraft.asl.model.StateMachine;
import org.junit.jupiter.api.Test;

/** A loop without waits pauses at the step budget instead of holding the thread. */
class StepBudgetTest {
  private static final String COUNTER = """
      {"StartAt":"Init","States":{
        "Init":{"Type":"Pass","Result":{"i":0},"Next":"Inc"},
        "Inc":{"Type":"Pass","Parameters":{"i.$":"States.MathAdd($.i, 1)"},"Next":"Check"},
        "Check":{"Type":"Choice","Choices":[{"Variable":"$.i","NumericGreaterThanEquals":%d,
          "Next":"Done"}],"Default":"Inc"},
        "Done":{"Type":"Succeed"}}}""";

  private static StateMachine machine(int laps) {
    return Asl.parse(COUNTER.formatted(laps)).machine();
  }

  private static final ExecutionInfo INFO = new ExecutionInfo("arn:e", "e", "arn:sm", "sm",
      "role", 0, 0);

  @Test
  void aLongLoopPausesAndContinuesToTheSameResult() {
    int laps = Interpreter.STEP_BUDGET; // 2 states per lap: twice the budget
    Interpreter.Started s = Interpreter.start(machine(laps), INFO, Json.object(), 1, false);
    assertThat(s.state().status()).isEqualTo(ExecutionStatus.RUNNING);
    assertThat(s.step().commands()).containsExactly(new Command.Continue());
    int steps = 1;
    Step step = s.step();
    while (step.commands().contains(new Command.Continue())) {
      step = Interpreter.step(s.state(), new Event.Continue(0));
      steps++;
    }
    assertThat(steps).isBetween(2, 4);
    assertThat(s.state().status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    JsonNode out = s.state().output();
    assertThat(out.get("i").asInt()).isEqualTo(laps);
  }

  @Test
  void aStopBetweenStepsEndsAnEndlessLoop() {
    Interpreter.Started s = Interpreter.start(machine(Integer.MAX_VALUE), INFO, Json.object(), 1,
        false);
    assertThat(s.step().commands()).contains(new Command.Continue());
    Step stopped = Interpreter.step(s.state(), new Event.Stop("User", "endless", 0));
    assertThat(s.state().status()).isEqualTo(ExecutionStatus.ABORTED);
    assertThat(stopped.commands()).doesNotContain(new Command.Continue());
  }
}
