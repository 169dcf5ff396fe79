package dev.statecraft.engine.store;

import java.util.Optional;

/** State machines and their versions. */
public interface StateMachineStore {
  /**
   * Inserts version 1 of a new state machine.
   *
   * @throws DuplicateKeyException when the ARN exists
   */
  void create(StateMachineRecord first);

  /**
   * Adds the next version ({@code next.version()} must be the latest + 1).
   *
   * @return false when the state machine does not exist (or was updated concurrently)
   */
  boolean addVersion(StateMachineRecord next);

  /** The latest version. */
  Optional<StateMachineRecord> find(String arn);

  /** One given version (also of a deleted state machine). */
  Optional<StateMachineRecord> find(String arn, int version);

  /** Latest versions ordered by name. */
  Page<StateMachineRecord> list(String pageToken, int limit);

  /**
   * Deletes the state machine. Its versions stay readable through {@link #find(String, int)}:
   * executions still running need their definition.
   *
   * @return false when it did not exist
   */
  boolean delete(String arn);
}
