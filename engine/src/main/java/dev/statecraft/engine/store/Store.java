package dev.statecraft.engine.store;

/** One storage backend: its three parts, opened together and closed together. */
public interface Store extends AutoCloseable {
  StateMachineStore stateMachines();

  ExecutionStore executions();

  ActivityStore activities();

  /** Releases connections and files. */
  @Override
  void close();
}
