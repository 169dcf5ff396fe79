package dev.statecraft.engine.core.jsonata;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * Everything a JSONata expression may read besides its own text: the {@code $states} object, the
 * workflow variables, and the random source and time that keep evaluation deterministic.
 *
 * @param states the {@code $states} object: {@code input}, {@code context}, and where the field
 *     allows them {@code result} and {@code errorOutput}
 * @param variables looks up a workflow variable by name (without {@code $}); returns null when
 *     the variable is not defined. Called only for names the expression references.
 * @param random drawn from by {@code $random()} and {@code $uuid()}
 * @param nowEpochMillis what {@code $now()} and {@code $millis()} return
 */
public record JsonataBindings(
    JsonNode states,
    Function<String, JsonNode> variables,
    RandomGenerator random,
    long nowEpochMillis) {

  public JsonataBindings {
    Objects.requireNonNull(states, "states");
    Objects.requireNonNull(variables, "variables");
    Objects.requireNonNull(random, "random");
  }
}
