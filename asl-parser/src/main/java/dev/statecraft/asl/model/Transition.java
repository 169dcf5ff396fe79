package dev.statecraft.asl.model;

/** Where a state goes when it completes: another state of its scope, or the end of the scope. */
public sealed interface Transition {
  /** Continue at the named state. */
  record Next(String state) implements Transition {}

  /** End the scope (the execution, branch, or iteration). */
  record End() implements Transition {}

  End END = new End();

  static Transition next(String state) {
    return new Next(state);
  }

  default boolean isEnd() {
    return this instanceof End;
  }
}
