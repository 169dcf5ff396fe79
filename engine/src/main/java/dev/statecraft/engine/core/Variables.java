package dev.statecraft.engine.core;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;

/**
 * A scope of workflow variables. A Parallel branch or Map iteration gets a child scope: it reads
 * the outer variables, and its own assignments stay inside it.
 */
public final class Variables {
  private final Variables parent;
  private Map<String, JsonNode> values;

  public Variables(Variables parent) {
    this.parent = parent;
  }

  /** The value, searching outward, or null when no scope has the variable. */
  public JsonNode get(String name) {
    for (Variables v = this; v != null; v = v.parent) {
      if (v.values != null) {
        JsonNode n = v.values.get(name);
        if (n != null) {
          return n;
        }
      }
    }
    return null;
  }

  /** Assigns in this scope. */
  public void set(String name, JsonNode value) {
    if (values == null) {
      values = new HashMap<>();
    }
    values.put(name, value);
  }

  public Variables parent() {
    return parent;
  }

  /** The variables assigned in this scope (not the outer ones). */
  public Map<String, JsonNode> local() {
    return values == null ? Map.of() : values;
  }
}
