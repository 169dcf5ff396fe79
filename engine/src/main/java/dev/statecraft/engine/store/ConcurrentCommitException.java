package dev.statecraft.engine.store;

/**
 * A step was committed against an execution that moved on meanwhile (its input-event count no
 * longer matches): the writer's in-memory state is stale and must be rebuilt from the store.
 */
public class ConcurrentCommitException extends StoreException {
  public ConcurrentCommitException(String message) {
    super(message);
  }
}
