package dev.statecraft.asl.model;

import dev.statecraft.asl.expr.Template;
import java.util.List;

/**
 * One entry of a state's {@code Catch} array.
 *
 * @param errorEquals the error names it matches
 * @param next the state to go to
 * @param resultPath where the error output goes in the state input (JSONPath; default {@code $})
 * @param output the JSONata Output, or null
 * @param assign the Assign template, or null
 * @param comment the {@code Comment}, or null
 */
public record Catcher(
    List<String> errorEquals,
    String next,
    DataFlow.ResultPath resultPath,
    Template output,
    Template assign,
    String comment) {

  public Catcher {
    errorEquals = List.copyOf(errorEquals);
  }
}
