package dev.statecraft.asl.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A scope of states: the top level of a state machine, a Parallel branch, or a Map's item
 * processor. State names are unique within one scope; transitions never leave it.
 *
 * @param startAt the first state
 * @param states the states in definition order
 * @param comment the scope's {@code Comment}, or null
 */
public record Workflow(String startAt, Map<String, State> states, String comment) {
  public Workflow {
    states = Collections.unmodifiableMap(new LinkedHashMap<>(states));
  }

  public State state(String name) {
    return states.get(name);
  }
}
