package dev.statecraft.asl.model;

import java.util.List;

/**
 * A Parallel state: runs every branch on the same input; the result is the array of the branch
 * outputs in branch order.
 */
public record ParallelState(
    String name,
    String comment,
    QueryLanguage queryLanguage,
    Transition transition,
    DataFlow io,
    List<Workflow> branches,
    List<Retrier> retry,
    List<Catcher> catchers)
    implements State, Recoverable {

  public ParallelState {
    branches = List.copyOf(branches);
    retry = List.copyOf(retry);
    catchers = List.copyOf(catchers);
  }
}
