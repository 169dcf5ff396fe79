package dev.statecraft.asl.parse;

import static dev.statecraft.asl.parse.BuildContext.child;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statecraft.asl.model.StateMachine;
import dev.statecraft.asl.validate.DiagnosticCodes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks the transition graph of every scope (top level, Parallel branches, Map processors):
 * StartAt and every Next/Default/Catch target exist in the same scope, every state is reachable,
 * the scope can end, and state names are unique across the whole machine.
 */
final class GraphCheck {
  private final BuildContext ctx;
  private final Map<String, String> firstPointerByName = new HashMap<>();

  GraphCheck(BuildContext ctx) {
    this.ctx = ctx;
  }

  void check(JsonNode root, StateMachine ignored) {
    if (root != null && root.isObject()) {
      scope(root, "");
    }
  }

  private void scope(JsonNode scope, String pointer) {
    JsonNode states = scope.get("States");
    if (states == null || !states.isObject()) {
      return; // the schema reports it
    }
    String statesPointer = child(pointer, "States");
    Map<String, List<Edge>> edges = new HashMap<>();
    Set<String> terminal = new LinkedHashSet<>();
    // States with neither Next nor End are already reported; they may be meant to end the scope.
    boolean dangling = false;
    for (Iterator<Map.Entry<String, JsonNode>> it = states.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String name = e.getKey();
      String at = child(statesPointer, name);
      String previous = firstPointerByName.putIfAbsent(name, at);
      if (previous != null) {
        ctx.error(DiagnosticCodes.DUPLICATE_STATE_NAME, at, "State name '" + name
            + "' is already used at " + previous + "; names must be unique in the whole state"
            + " machine, including Parallel branches and Map processors");
      }
      JsonNode state = e.getValue();
      if (!state.isObject()) {
        continue;
      }
      edges.put(name, edges(state, at));
      if (isTerminal(state)) {
        terminal.add(name);
      }
      dangling |= isDangling(state);
      nested(state, at);
    }
    JsonNode startAt = scope.get("StartAt");
    if (startAt == null || !startAt.isTextual()) {
      return; // the schema reports it
    }
    if (!states.has(startAt.asText())) {
      ctx.error(DiagnosticCodes.MISSING_TRANSITION_TARGET, child(pointer, "StartAt"),
          "'StartAt' names state '" + startAt.asText() + "', which does not exist"
              + (pointer.isEmpty() ? "" : " in this scope"));
    }
    boolean allTargetsExist = true;
    for (Map.Entry<String, List<Edge>> e : edges.entrySet()) {
      for (Edge edge : e.getValue()) {
        if (!states.has(edge.target)) {
          allTargetsExist = false;
          ctx.error(DiagnosticCodes.MISSING_TRANSITION_TARGET, edge.pointer,
              "State '" + e.getKey() + "' goes to '" + edge.target + "', which does not exist"
                  + (pointer.isEmpty() ? "" : " in the same scope (a transition cannot leave"
                      + " a Parallel branch or Map processor)"));
        }
      }
    }
    Set<String> reachable = reachable(startAt.asText(), edges);
    // With a broken edge the graph is not the one the author meant (a misspelt Next leaves its
    // intended target unreachable): report the broken edge alone.
    if (states.has(startAt.asText()) && allTargetsExist) {
      for (Iterator<String> it = states.fieldNames(); it.hasNext(); ) {
        String name = it.next();
        // A member that is not an object is not a state (the schema reports it).
        if (!reachable.contains(name) && states.get(name).isObject()) {
          ctx.error(DiagnosticCodes.MISSING_TRANSITION_TARGET, child(statesPointer, name),
              "State '" + name + "' is not reachable from StartAt '" + startAt.asText() + "'");
        }
      }
    }
    // A missing target or a state without Next/End is reported already, and fixing it may well
    // be what makes the scope end: one problem, one diagnostic.
    if (!allTargetsExist || dangling) {
      return;
    }
    if (terminal.isEmpty()) {
      ctx.error(DiagnosticCodes.MISSING_END_STATE, statesPointer, "No state ends "
          + (pointer.isEmpty() ? "the workflow" : "this scope")
          + ": add \"End\": true to a state, or a Succeed or Fail state");
    } else if (states.has(startAt.asText())
        && reachable.stream().noneMatch(terminal::contains)) {
      ctx.error(DiagnosticCodes.MISSING_END_STATE, statesPointer,
          "No state reachable from StartAt '" + startAt.asText() + "' ends the workflow");
    }
  }

  private void nested(JsonNode state, String at) {
    JsonNode branches = state.get("Branches");
    if ("Parallel".equals(state.path("Type").asText()) && branches != null && branches.isArray()) {
      for (int i = 0; i < branches.size(); i++) {
        if (branches.get(i).isObject()) {
          scope(branches.get(i), child(child(at, "Branches"), i));
        }
      }
    }
    if ("Map".equals(state.path("Type").asText())) {
      for (String f : List.of("ItemProcessor", "Iterator")) {
        if (state.path(f).isObject()) {
          scope(state.get(f), child(at, f));
        }
      }
    }
  }

  private static boolean isTerminal(JsonNode state) {
    String type = state.path("Type").asText();
    return type.equals("Succeed") || type.equals("Fail")
        || (state.path("End").isBoolean() && state.get("End").asBoolean());
  }

  private static boolean isDangling(JsonNode state) {
    String type = state.path("Type").asText();
    boolean transitions = type.equals("Pass") || type.equals("Task") || type.equals("Wait")
        || type.equals("Parallel") || type.equals("Map");
    return transitions && !state.has("Next") && !isTerminal(state);
  }

  private record Edge(String target, String pointer) {}

  private static List<Edge> edges(JsonNode state, String at) {
    List<Edge> out = new ArrayList<>();
    if (state.path("Next").isTextual()) {
      out.add(new Edge(state.get("Next").asText(), child(at, "Next")));
    }
    if (state.path("Default").isTextual()) {
      out.add(new Edge(state.get("Default").asText(), child(at, "Default")));
    }
    for (String list : List.of("Choices", "Catch")) {
      JsonNode arr = state.get(list);
      if (arr != null && arr.isArray()) {
        for (int i = 0; i < arr.size(); i++) {
          JsonNode next = arr.get(i).get("Next");
          if (next != null && next.isTextual()) {
            out.add(new Edge(next.asText(), child(child(child(at, list), i), "Next")));
          }
        }
      }
    }
    return out;
  }

  private static Set<String> reachable(String start, Map<String, List<Edge>> edges) {
    Set<String> seen = new LinkedHashSet<>();
    Deque<String> todo = new ArrayDeque<>();
    todo.push(start);
    while (!todo.isEmpty()) {
      String s = todo.pop();
      if (seen.add(s)) {
        for (Edge e : edges.getOrDefault(s, List.of())) {
          todo.push(e.target);
        }
      }
    }
    return seen;
  }
}
