package dev.statecraft.engine.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds AWS-shaped history events for one step and numbers them. */
final class History {
  private final ExecutionState execution;
  private final long now;
  final List<HistoryEvent> events = new ArrayList<>();

  History(ExecutionState execution, long now) {
    this.execution = execution;
    this.now = now;
  }

  boolean enabled(Frame frame) {
    return execution.recordHistory && (frame == null || !frame.silent);
  }

  /**
   * Appends an event; previousEventId is the frame's last event (or the execution's last event
   * when the frame has none yet).
   */
  long add(Frame frame, EventType type, JsonNode details) {
    return add(frame, type, details,
        frame != null && frame.lastEventId > 0 ? frame.lastEventId : execution.lastEventId);
  }

  /** Appends an event with an explicit previousEventId. */
  long add(Frame frame, EventType type, JsonNode details, long previous) {
    long id = ++execution.lastEventId;
    if (frame != null) {
      frame.lastEventId = id;
    }
    events.add(new HistoryEvent(id, previous, now, type, details));
    return id;
  }

  static ObjectNode payload(String field, JsonNode value) {
    ObjectNode d = Json.object();
    d.put(field, Json.write(value));
    d.putObject(field + "Details").put("truncated", false);
    return d;
  }

  static ObjectNode stateEntered(String name, JsonNode input) {
    ObjectNode d = Json.object();
    d.put("name", name);
    d.put("input", Json.write(input));
    d.putObject("inputDetails").put("truncated", false);
    return d;
  }

  static ObjectNode stateExited(String name, JsonNode output, Map<String, JsonNode> assigned) {
    ObjectNode d = Json.object();
    d.put("name", name);
    d.put("output", Json.write(output));
    d.putObject("outputDetails").put("truncated", false);
    if (assigned != null && !assigned.isEmpty()) {
      ObjectNode vars = d.putObject("assignedVariables");
      assigned.forEach((k, v) -> vars.put(k, Json.write(v)));
      d.putObject("assignedVariablesDetails").put("truncated", false);
    }
    return d;
  }

  static ObjectNode error(String error, String cause) {
    ObjectNode d = Json.object();
    if (error != null) {
      d.put("error", error);
    }
    if (cause != null) {
      d.put("cause", cause);
    }
    return d;
  }

  static ObjectNode iteration(String mapName, int index) {
    ObjectNode d = Json.object();
    d.put("name", mapName);
    d.put("index", index);
    return d;
  }

  List<HistoryEvent> events() {
    return events;
  }

  static List<String> types(List<HistoryEvent> events) {
    List<String> out = new ArrayList<>(events.size());
    for (HistoryEvent e : events) {
      out.add(e.type().name());
    }
    return out;
  }
}
