package dev.statecraft.engine.api;

import dev.statecraft.engine.runtime.DurableEngine;
import dev.statecraft.engine.store.ActivityRecord;
import dev.statecraft.engine.store.DuplicateKeyException;
import dev.statecraft.engine.store.Page;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** CreateActivity, DescribeActivity, DeleteActivity, ListActivities and GetActivityTask. */
final class Activities {
  /** AWS: a worker name is at most 80 characters. */
  private static final int MAX_WORKER_NAME = 80;

  private final DurableEngine engine;
  private final Arns arns;

  Activities(DurableEngine engine, Arns arns) {
    this.engine = engine;
    this.arns = arns;
  }

  /** Idempotent, like AWS: creating an existing activity returns it. */
  ActivityRecord create(String name) {
    if (!Arns.validName(name)) {
      throw new StatesApiException.InvalidName(name);
    }
    ActivityRecord r = new ActivityRecord(arns.activity(name), name,
        engine.config().clock().millis());
    try {
      engine.store().activities().create(r);
      return r;
    } catch (DuplicateKeyException e) {
      return engine.store().activities().find(r.arn()).orElse(r);
    }
  }

  ActivityRecord describe(String arn) {
    check(arn);
    return engine.store().activities().find(arn)
        .orElseThrow(() -> new StatesApiException.ActivityDoesNotExist(arn));
  }

  /** Deleting one that does not exist is not an error (AWS answers the same). */
  void delete(String arn) {
    check(arn);
    engine.store().activities().delete(arn);
  }

  Page<ActivityRecord> list(String nextToken, int limit) {
    return engine.store().activities().list(nextToken, limit);
  }

  CompletableFuture<Optional<ActivityTask>> poll(String arn, String workerName,
      Duration wait) {
    describe(arn);
    if (workerName != null && workerName.length() > MAX_WORKER_NAME) {
      throw new StatesApiException.ValidationException("1 validation error detected: Value at"
          + " 'workerName' failed to satisfy constraint: Member must have length less than or"
          + " equal to " + MAX_WORKER_NAME);
    }
    return engine.pollActivity(arn, workerName, wait)
        .thenApply(t -> t.map(task -> new ActivityTask(task.token(), task.input())));
  }

  private void check(String arn) {
    if (arn == null || !arn.startsWith(arns.activity(""))) {
      throw new StatesApiException.InvalidArn(String.valueOf(arn));
    }
  }
}
