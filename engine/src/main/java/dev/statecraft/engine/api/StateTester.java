package dev.statecraft.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statecraft.asl.Asl;
import dev.statecraft.asl.ParseResult;
import dev.statecraft.asl.expr.PathExpr;
import dev.statecraft.engine.core.EventType;
import dev.statecraft.engine.core.ExecutionInfo;
import dev.statecraft.engine.core.HistoryEvent;
import dev.statecraft.engine.core.Inspector;
import dev.statecraft.engine.core.Json;
import dev.statecraft.engine.runtime.ExecutionResult;
import dev.statecraft.engine.runtime.ExpressRunner;
import dev.statecraft.engine.runtime.TimeSource;
import dev.statecraft.engine.spi.TaskHandler;
import dev.statecraft.engine.spi.TaskRequest;
import dev.statecraft.engine.spi.TaskResult;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

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

  /**
   * A mocked answer for the tested Task state (TestState's {@code mock}): its result, or an
   * error and cause.
   */
  public record Mock(JsonNode result, String error, String cause) {}

  /**
   * One test.
   *
   * @param definition a state, or a whole state machine with {@code stateName}
   * @param stateName the state of a whole machine to test (its StartAt when null)
   * @param input the state's input (JSON text; {} when null)
   * @param variables workflow variables the state sees (a JSON object as text), or null
   * @param mock the Task state's answer instead of calling its integration, or null
   * @param level what to return
   */
  public record Request(String definition, String stateName, String input, String variables,
      Mock mock, InspectionLevel level) {}

  public Outcome test(String stateDefinition, String input, InspectionLevel level) {
    return test(new Request(stateDefinition, null, input, null, null, level));
  }

  public Outcome test(Request request) {
    JsonNode definition;
    try {
      definition = Json.parse(request.definition());
    } catch (RuntimeException e) {
      throw new StatesApiException.InvalidDefinition("Invalid State Definition: the state is not"
          + " valid JSON");
    }
    if (!definition.isObject()) {
      throw new StatesApiException.InvalidDefinition("Invalid State Definition: a state must be"
          + " a JSON object");
    }
    boolean wholeMachine = definition.has("States");
    if (request.stateName() != null && !wholeMachine) {
      throw new StatesApiException.InvalidDefinition("Invalid State Definition: with stateName"
          + " the definition must be a whole state machine (StartAt and States)");
    }
    String name = STATE;
    JsonNode state = definition;
    JsonNode queryLanguage = definition.get("QueryLanguage");
    if (wholeMachine) {
      ParseResult whole = Asl.parse(definition);
      if (!whole.valid()) {
        throw new StatesApiException.InvalidDefinition("Invalid State Machine Definition: "
            + whole.errors().get(0).message());
      }
      name = request.stateName() != null ? request.stateName()
          : definition.path("StartAt").asText();
      state = definition.get("States").get(name);
      if (state == null) {
        throw new StatesApiException.InvalidDefinition("Invalid State Definition: the state"
            + " machine has no top-level state named '" + name + "'");
      }
      if (state.has("QueryLanguage")) {
        queryLanguage = state.get("QueryLanguage");
      }
    }
    Set<String> targets = new LinkedHashSet<>();
    collectTargets(state, targets);
    if (targets.contains(name)) {
      name = STATE; // a state that goes to itself: its target must end the run
    }
    ObjectNode machine = Json.object();
    machine.put("StartAt", name);
    ObjectNode states = machine.putObject("States");
    states.set(name, state);
    for (String t : targets) {
      if (!t.equals(name)) {
        states.putObject(t).put("Type", "Succeed");
      }
    }
    if (queryLanguage != null) {
      machine.set("QueryLanguage", queryLanguage);
    }
    ParseResult parsed = Asl.parse(machine);
    if (!parsed.valid()) {
      throw new StatesApiException.InvalidDefinition("Invalid State Definition: "
          + parsed.errors().get(0).message());
    }
    Map<String, JsonNode> variables = variables(request.variables());
    String input = request.input();
    InspectionLevel level = request.level() == null ? InspectionLevel.INFO : request.level();
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
      List<TaskHandler> answering = request.mock() == null ? handlers
          : List.of(new MockAnswer(request.mock()));
      r = new ExpressRunner(answering).run(parsed.machine(), in,
          new ExpressRunner.Options(info, TimeSource.virtual(now), true, now, inspector,
              variables));
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

  /** The variables given to the test, checked: a JSON object, each name a valid variable. */
  private static Map<String, JsonNode> variables(String text) {
    if (text == null || text.isBlank()) {
      return Map.of();
    }
    JsonNode vars;
    try {
      vars = Json.parse(text);
    } catch (RuntimeException e) {
      throw new StatesApiException.ValidationException("Invalid variables: not valid JSON");
    }
    if (!vars.isObject()) {
      throw new StatesApiException.ValidationException("Invalid variables: expected a JSON"
          + " object of variable names to values");
    }
    Map<String, JsonNode> out = new LinkedHashMap<>();
    vars.fields().forEachRemaining(e -> {
      if (!PathExpr.isVariableName(e.getKey()) || e.getKey().length() > 80) {
        throw new StatesApiException.ValidationException("Invalid variables: '" + e.getKey()
            + "' is not a variable name (a letter or '_', then letters, digits or '_'; at most"
            + " 80 characters)");
      }
      out.put(e.getKey(), e.getValue());
    });
    return out;
  }

  /** Answers every task of the test with the mocked result or error, calling nothing. */
  private record MockAnswer(Mock mock) implements TaskHandler {
    @Override
    public boolean supports(String resource) {
      return true;
    }

    @Override
    public CompletionStage<TaskResult> invoke(TaskRequest request) {
      return CompletableFuture.completedFuture(mock.error() != null || mock.result() == null
          ? TaskResult.failure(mock.error(), mock.cause())
          : TaskResult.answered(mock.result()));
    }
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
