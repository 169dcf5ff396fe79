package dev.statecraft.asl.model;

import dev.statecraft.asl.expr.Template;

/**
 * A Fail state: ends the execution with an error.
 *
 * @param error Error or ErrorPath (or a JSONata expression), or null
 * @param cause Cause or CausePath (or a JSONata expression), or null
 */
public record FailState(
    String name, String comment, QueryLanguage queryLanguage, Template error, Template cause)
    implements State {

  @Override
  public DataFlow io() {
    return DataFlow.DEFAULT;
  }
}
