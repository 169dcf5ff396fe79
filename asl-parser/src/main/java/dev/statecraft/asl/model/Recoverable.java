package dev.statecraft.asl.model;

import java.util.List;

/** A state that may fail and has Retry and Catch: Task, Parallel, Map. */
public interface Recoverable {
  List<Retrier> retry();

  List<Catcher> catchers();
}
