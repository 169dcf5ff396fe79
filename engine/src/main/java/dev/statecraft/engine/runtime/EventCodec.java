package dev.statecraft.engine.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statecraft.engine.core.Event;
import dev.statecraft.engine.core.Json;

/**
 * Input events as stored text: one small JSON object per event, e.g.
 * {@code {"t":"TimerFired","id":7,"at":1700000000000}}. Replaying the decoded events through the
 * interpreter rebuilds an execution, so every field of every event must survive the round trip.
 */
final class EventCodec {
  private EventCodec() {}

  static String encode(Event e) {
    ObjectNode o = Json.object();
    o.put("at", e.timeMillis());
    if (e instanceof Event.TaskStarted t) {
      o.put("t", "TaskStarted").put("id", t.taskId());
      if (t.workerName() != null) {
        o.put("worker", t.workerName());
      }
      if (t.submitted() != null) {
        o.set("submitted", t.submitted());
      }
    } else if (e instanceof Event.TaskSubmitted t) {
      o.put("t", "TaskSubmitted").put("id", t.taskId());
      o.set("output", t.output());
    } else if (e instanceof Event.TaskSucceeded t) {
      o.put("t", "TaskSucceeded").put("id", t.taskId());
      o.set("output", t.output());
    } else if (e instanceof Event.TaskFailed t) {
      o.put("t", "TaskFailed").put("id", t.taskId()).put("error", t.error())
          .put("cause", t.cause());
    } else if (e instanceof Event.TaskTimedOut t) {
      o.put("t", "TaskTimedOut").put("id", t.taskId()).put("error", t.error())
          .put("cause", t.cause());
    } else if (e instanceof Event.TimerFired t) {
      o.put("t", "TimerFired").put("id", t.timerId());
    } else if (e instanceof Event.Stop s) {
      o.put("t", "Stop").put("error", s.error()).put("cause", s.cause());
    } else if (e instanceof Event.Continue) {
      o.put("t", "Continue");
    } else if (e instanceof Event.Redrive) {
      o.put("t", "Redrive");
    } else if (e instanceof Event.ExecutionTimeout) {
      o.put("t", "ExecutionTimeout");
    } else {
      throw new IllegalArgumentException("Unknown event " + e);
    }
    return Json.write(o);
  }

  static Event decode(String text) {
    JsonNode o = Json.parse(text);
    long at = o.get("at").asLong();
    String type = o.get("t").asText();
    switch (type) {
      case "TaskStarted":
        return new Event.TaskStarted(o.get("id").asLong(), text(o, "worker"),
            o.get("submitted"), at);
      case "TaskSubmitted":
        return new Event.TaskSubmitted(o.get("id").asLong(), o.get("output"), at);
      case "TaskSucceeded":
        return new Event.TaskSucceeded(o.get("id").asLong(), o.get("output"), at);
      case "TaskFailed":
        return new Event.TaskFailed(o.get("id").asLong(), text(o, "error"), text(o, "cause"), at);
      case "TaskTimedOut":
        return new Event.TaskTimedOut(o.get("id").asLong(), text(o, "error"), text(o, "cause"),
            at);
      case "TimerFired":
        return new Event.TimerFired(o.get("id").asLong(), at);
      case "Stop":
        return new Event.Stop(text(o, "error"), text(o, "cause"), at);
      case "Continue":
        return new Event.Continue(at);
      case "Redrive":
        return new Event.Redrive(at);
      case "ExecutionTimeout":
        return new Event.ExecutionTimeout(at);
      default:
        throw new IllegalArgumentException("Unknown stored event type " + type);
    }
  }

  private static String text(JsonNode o, String field) {
    JsonNode v = o.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
