package dev.statecraft.asl.model;

/** One state of a workflow. The eight ASL state types are the only implementations. */
public sealed interface State
    permits PassState,
        TaskState,
        ChoiceState,
        WaitState,
        SucceedState,
        FailState,
        ParallelState,
        MapState {

  /** The state's name, unique in its scope. */
  String name();

  /** The {@code Comment}, or null. */
  String comment();

  /** The effective query language (the state's own, else the state machine's). */
  QueryLanguage queryLanguage();

  /** The data-flow fields (InputPath … OutputPath, Arguments, Output, Assign). */
  DataFlow io();

  /** The ASL {@code Type} name, e.g. "Pass". */
  default String type() {
    return getClass().getSimpleName().replace("State", "");
  }
}
