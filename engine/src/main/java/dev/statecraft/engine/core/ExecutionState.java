package dev.statecraft.engine.core;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statecraft.asl.model.StateMachine;
import java.util.HashMap;
import java.util.Map;

/**
 * Everything the interpreter knows about one execution between two steps. Only the interpreter
 * changes it, one step at a time, and one thread at a time; the runtime persists it after each
 * step and hands it back with the next event.
 */
public final class ExecutionState {
  final StateMachine machine;
  ExecutionInfo info;
  final JsonNode input;
  final boolean recordHistory;

  ExecutionStatus status = ExecutionStatus.RUNNING;
  Frame root;
  /** Watches the top-level state's data stages (TestState), or null. Not replayed state. */
  Inspector inspector;

  /** Shows a stage of a top-level state's data (frame {@code f}) to the inspector, if any. */
  void inspect(Frame f, String stage, JsonNode value) {
    if (inspector != null && f.parent == null && value != null) {
      inspector.stage(stage, value);
    }
  }
  JsonNode output;
  String error;
  String cause;

  long lastEventId;
  long nextId = 1;
  /** SplitMix64 state: random bits for States.UUID / MathRandom, replayed identically. */
  long randomState;
  /** Tasks and timers in flight: id → the frame waiting for it. */
  final Map<Long, Frame> waiting = new HashMap<>();
  /** Tasks waiting whose TaskSubmitted is recorded (a second one, after a restart, is not). */
  final java.util.Set<Long> submitted = new java.util.HashSet<>();
  int transitions;
  /** Frames a step left runnable when it reached its budget; the next Continue resumes them. */
  final java.util.List<Frame> paused = new java.util.ArrayList<>();

  ExecutionState(StateMachine machine, ExecutionInfo info, JsonNode input, long seed,
      boolean recordHistory) {
    this.machine = machine;
    this.info = info;
    this.input = input;
    this.randomState = seed;
    this.recordHistory = recordHistory;
  }

  public ExecutionStatus status() {
    return status;
  }

  public JsonNode output() {
    return output;
  }

  public String error() {
    return error;
  }

  public String cause() {
    return cause;
  }

  public ExecutionInfo info() {
    return info;
  }

  public StateMachine machine() {
    return machine;
  }

  /** States entered so far (a Parallel or Map counts once, plus what runs inside it). */
  public int transitions() {
    return transitions;
  }

  long newId() {
    return nextId++;
  }

  /** The next 64 random bits (SplitMix64), deterministic from the execution's seed. */
  long nextRandom() {
    long z = (randomState += 0x9E3779B97F4A7C15L);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
