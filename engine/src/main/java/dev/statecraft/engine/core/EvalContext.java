package dev.statecraft.engine.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statecraft.asl.expr.PathExpr;
import dev.statecraft.asl.expr.PathResolver;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * What one evaluation sees: the value {@code $} stands for, the context object {@code $$} (built
 * only when asked for), the variables, and for JSONata the {@code $states} extras.
 */
final class EvalContext implements PathResolver {
  private static final DateTimeFormatter ISO_MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  final ExecutionState execution;
  final Frame frame;
  final JsonNode input;
  final long nowMillis;
  /** $states.result / $states.errorOutput for JSONata, else null. */
  JsonNode result;
  JsonNode errorOutput;
  /** $$.Map.Item while evaluating a Map's ItemSelector. */
  JsonNode mapItemValue;
  int mapItemIndex = -1;
  private JsonNode context;

  EvalContext(ExecutionState execution, Frame frame, JsonNode input, long nowMillis) {
    this.execution = execution;
    this.frame = frame;
    this.input = input;
    this.nowMillis = nowMillis;
  }

  /** Shows a stage of a top-level state's data to the run's inspector, if there is one. */
  void inspect(String stage, JsonNode value) {
    execution.inspect(frame, stage, value);
  }

  EvalContext withInput(JsonNode newInput) {
    EvalContext c = new EvalContext(execution, frame, newInput, nowMillis);
    c.result = result;
    c.errorOutput = errorOutput;
    c.mapItemValue = mapItemValue;
    c.mapItemIndex = mapItemIndex;
    return c;
  }

  @Override
  public JsonNode resolve(PathExpr path) {
    return switch (path.root()) {
      case INPUT -> path.read(input);
      case CONTEXT -> path.read(context());
      case VARIABLE -> {
        JsonNode v = frame.variables.get(path.variable());
        if (v == null) {
          throw new StateFailure(dev.statecraft.asl.model.ErrorNames.RUNTIME,
              "The variable '$" + path.variable() + "' is not defined");
        }
        yield path.read(v);
      }
    };
  }

  /** A fresh random source for one evaluation, drawn from the execution's replayable bits. */
  RandomGenerator random() {
    return new SplittableRandom(execution.nextRandom());
  }

  static String iso(long millis) {
    return ISO_MILLIS.format(Instant.ofEpochMilli(millis));
  }

  /** The context object {@code $$}. */
  JsonNode context() {
    if (context == null) {
      ObjectNode c = Json.object();
      ExecutionInfo info = execution.info;
      ObjectNode exec = c.putObject("Execution");
      exec.put("Id", info.executionArn());
      exec.set("Input", execution.input);
      exec.put("StartTime", iso(info.startMillis()));
      exec.put("Name", info.name());
      exec.put("RoleArn", info.roleArn());
      if (info.redriveCount() != null) {
        exec.put("RedriveCount", info.redriveCount());
      }
      ObjectNode st = c.putObject("State");
      st.put("EnteredTime", iso(frame.enteredMillis));
      st.put("Name", frame.state == null ? null : frame.state.name());
      if (frame.state instanceof dev.statecraft.asl.model.Recoverable) {
        st.put("RetryCount", frame.retryCount); // AWS shows it only where Retry exists
      }
      ObjectNode sm = c.putObject("StateMachine");
      sm.put("Id", info.stateMachineArn());
      sm.put("Name", info.stateMachineName());
      if (frame.taskToken != null) {
        c.putObject("Task").put("Token", frame.taskToken);
      }
      if (mapItemIndex >= 0) {
        ObjectNode item = c.putObject("Map").putObject("Item");
        item.put("Index", mapItemIndex);
        item.set("Value", mapItemValue);
      }
      context = c;
    }
    return context;
  }

  /** The JSONata {@code $states} object. */
  JsonNode states() {
    ObjectNode s = Json.object();
    s.set("input", input);
    s.set("context", context());
    if (result != null) {
      s.set("result", result);
    }
    if (errorOutput != null) {
      s.set("errorOutput", errorOutput);
    }
    return s;
  }
}
