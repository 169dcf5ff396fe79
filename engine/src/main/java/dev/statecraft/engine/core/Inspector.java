package dev.statecraft.engine.core;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Watches the top-level state of a run go through its data-processing stages (TestState's
 * {@code inspectionData}): {@code input}, {@code afterInputPath}, {@code afterParameters} or
 * {@code afterArguments}, {@code result}, {@code afterResultSelector}, {@code afterResultPath},
 * {@code variables}. Observes only: nothing it does changes the run.
 */
@FunctionalInterface
public interface Inspector {
  /** The value of the state's data after {@code stage}. */
  void stage(String stage, JsonNode value);
}
