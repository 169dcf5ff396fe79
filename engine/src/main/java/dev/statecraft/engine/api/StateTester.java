package dev.statecraft.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statecraft.asl.Asl;
import dev.statecraft.asl.ParseResult;
import dev.statecraft.engine.core.EventType;
import dev.statecraft.engine.core.ExecutionInfo;
import dev.statecraft.engine.core.HistoryEvent;
import dev.statecraft.engine.core.Inspector;
import dev.statecraft.engine.core.Json;
import dev.statecraft.engine.runtime.ExecutionResult;
import dev.statecraft.engine.runtime.ExpressRunner;
import dev.statecraft.engine.runtime.TimeSource;
import dev.statecraft.engine.spi.TaskHandler;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * TestState: runs one state on an input, without a state machine. The state is wrapped in a
 * machine where every state it can go to (Next, Default, Choices, Catch) is a Succeed state of
 * that name, so the run ends as soon as the state is left and tells where it went.
 */
public final class StateTester {
  private static final String STATE = "TestState";
  private final List<TaskHandler> handlers;

  public StateTester(List<TaskHandler> handlers) {
    this.handlers = List.copyOf(handlers);
  }

  /** How much a test shows (TestState's inspectionLevel). */
  public enum InspectionLevel {
    /** The outcome only. */
    INFO,
    /** Also the data after each processing stage ({@code inspectionData}). */
    DEBUG,
    /** As DEBUG; AWS adds an HTTP Task's raw request and response, which we do not record. */
    TRACE
  }

  /**
   * The outcome of a test.
   *
   * @param status SUCCEEDED, FAILED or CAUGHT_ERROR
   * @param output the state's output (JSON text) when it succeeded or caught its error
   * @param nextState where it goes next, or null when it ends the workflow or failed
   * @param inspectionData at DEBUG and TRACE: each stage's data as JSON text, in the order the
   *     stages ran ({@code input}, {@code afterInputPath}, {@code afterParameters}, {@code
   *     result}, ...); empty at INFO
   */
  public record Outcome(String status, String output, String error, String cause,
      String nextState, Map<String, String> inspectionData) {}

  public Outcome test(String stateDefinition, String input) {
    return test(stateDefinition, input, InspectionLevel.INFO);
  }

  public Outcome test(String stateDefinition, String input, InspectionLevel level) {
    JsonNode state;
    try {
      state = Json.parse(stateDefinition);
    } catch (RuntimeException e) {
      throw new StatesApiException.InvalidDefinition("Invalid State Definition: the state is not"
          + " valid JSON");
    }
    if (!state.isObject()) {
      throw new StatesApiException.InvalidDefinition("Invalid State Definition: a state must be"
          + " a JSON object");
    }
    Set<String> targets = new LinkedHashSet<>();
    collectTargets(state, targets);
    ObjectNode machine = Json.object();
    machine.put("StartAt", STATE);
    ObjectNode states = machine.putObject("States");
    states.set(STATE, state);
    for (String t : targets) {
      if (!t.equals(STATE)) {
        states.putObject(t).put("Type", "Succeed");
      }
    }
    if (state.has("QueryLanguage")) {
      machine.set("QueryLanguage", state.get("QueryLanguage"));
    }
    ParseResult parsed = Asl.parse(machine);
    if (!parsed.valid()) {
      throw new StatesApiException.InvalidDefinition("Invalid State Definition: "
          + parsed.errors().get(0).message());
    }
    JsonNode in;
    try {
      in = input == null || input.isBlank() ? Json.object() : Json.parse(input);
    } catch (RuntimeException e) {
      throw new StatesApiException.InvalidExecutionInput("Invalid input: not valid JSON");
    }
    long now = System.currentTimeMillis();
    ExecutionInfo info = new ExecutionInfo("arn:aws:states:us-east-1:123456789012:execution:"
        + "TestStateMachine:test", "test", "arn:aws:states:us-east-1:123456789012:stateMachine:"
        + "TestStateMachine", "TestStateMachine", "arn:aws:iam::123456789012:role/test", now, 0);
    // The tested state is the only top-level state that runs (its targets are Succeed states
    // the inspector also sees: their stages come after, and the first value of a stage wins).
    Map<String, String> stages = new LinkedHashMap<>();
    Inspector inspector = level == InspectionLevel.INFO ? null
        : (stage, value) -> stages.putIfAbsent(stage, Json.write(value));
    ExecutionResult r;
    try {
      r = new ExpressRunner(handlers).run(parsed.machine(), in,
          new ExpressRunner.Options(info, TimeSource.virtual(now), true, now, inspector));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    String next = null;
    boolean caught = false;
    for (HistoryEvent e : r.history()) {
      if (e.type() == EventType.SucceedStateEntered) {
        next = e.details().get("name").asText();
        // Went to a Catch target after a failure event of the state: the error was caught.
        caught = isCatchTarget(state, next) && r.history().stream()
            .anyMatch(x -> x.type().name().endsWith("Failed")
                && x.type() != EventType.ExecutionFailed);
      }
    }
    if (r.status() != dev.statecraft.engine.core.ExecutionStatus.SUCCEEDED) {
      return new Outcome("FAILED", null, r.error(), r.cause(), null, stages);
    }
    return new Outcome(caught ? "CAUGHT_ERROR" : "SUCCEEDED", Json.write(r.output()), null, null,
        next, stages);
  }

  private static boolean isCatchTarget(JsonNode state, String name) {
    for (JsonNode c : state.path("Catch")) {
      if (name.equals(c.path("Next").asText())) {
        return true;
      }
    }
    return false;
  }

  private static void collectTargets(JsonNode state, Set<String> out) {
    if (state.path("Next").isTextual()) {
      out.add(state.get("Next").asText());
    }
    if (state.path("Default").isTextual()) {
      out.add(state.get("Default").asText());
    }
    for (String list : List.of("Choices", "Catch")) {
      for (Iterator<JsonNode> it = state.path(list).elements(); it.hasNext(); ) {
        JsonNode n = it.next().get("Next");
        if (n != null && n.isTextual()) {
          out.add(n.asText());
        }
      }
    }
  }
}
