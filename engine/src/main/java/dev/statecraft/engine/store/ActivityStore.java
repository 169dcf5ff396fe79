package dev.statecraft.engine.store;

import java.util.Optional;

/** Activities (the task queues themselves live in the task table). */
public interface ActivityStore {
  /** @throws DuplicateKeyException when the ARN exists */
  void create(ActivityRecord activity);

  Optional<ActivityRecord> find(String arn);

  Page<ActivityRecord> list(String pageToken, int limit);

  boolean delete(String arn);
}
