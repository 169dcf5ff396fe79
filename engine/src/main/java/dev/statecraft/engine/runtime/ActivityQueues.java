package dev.statecraft.engine.runtime;

import dev.statecraft.engine.core.Event;
import dev.statecraft.engine.store.TaskRecord;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;

/**
 * Activity tasks waiting for a worker, and workers waiting for a task (GetActivityTask long
 * polls). Neither side parks a thread: a waiting worker is a future completed when a task is
 * scheduled (or with nothing when its wait ends, by one shared timer thread). The queues are
 * memory only — the tasks themselves are durable rows, queued again on restart.
 *
 * <p>Handing a task to a worker records TaskStarted (ActivityStarted, with the worker's name)
 * before the worker sees the token, so its answer always comes after it in the mailbox.
 */
final class ActivityQueues implements AutoCloseable {
  /** One activity: tasks in scheduling order, or workers in arrival order (never both). */
  private static final class Queue {
    final LinkedHashMap<String, TaskRecord> pending = new LinkedHashMap<>();
    final ArrayDeque<Waiter> waiters = new ArrayDeque<>();
  }

  /** A worker's long poll; {@code taken} makes hand-out and expiry exclusive. */
  private static final class Waiter {
    final String worker;
    final CompletableFuture<Optional<TaskRecord>> answer = new CompletableFuture<>();
    final AtomicBoolean taken = new AtomicBoolean();
    ScheduledFuture<?> expiry;

    Waiter(String worker) {
      this.worker = worker;
    }
  }

  private final Map<String, Queue> queues = new ConcurrentHashMap<>();
  /** Pending task key (execution#taskId) → its activity ARN, to drop cancelled tasks. */
  private final Map<String, String> pendingIndex = new ConcurrentHashMap<>();
  private final BiConsumer<String, Event> deliver;
  private final Clock clock;
  private final ScheduledThreadPoolExecutor timer;

  ActivityQueues(BiConsumer<String, Event> deliver, Clock clock) {
    this.deliver = deliver;
    this.clock = clock;
    this.timer = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, "statecraft-activity-polls");
      t.setDaemon(true);
      return t;
    });
    this.timer.setRemoveOnCancelPolicy(true);
  }

  private static String key(String executionArn, long taskId) {
    return executionArn + "#" + taskId;
  }

  private Queue queue(String activityArn) {
    return queues.computeIfAbsent(activityArn, k -> new Queue());
  }

  /** A scheduled activity task: to the longest-waiting worker, else into the queue. */
  void offer(TaskRecord task) {
    Queue q = queue(task.resource());
    while (true) {
      Waiter w;
      synchronized (q) {
        w = q.waiters.poll();
        if (w == null) {
          String k = key(task.executionArn(), task.taskId());
          q.pending.put(k, task);
          pendingIndex.put(k, task.resource());
          return;
        }
      }
      if (handOut(task, w)) {
        return;
      }
      // That worker's wait ended meanwhile: try the next one.
    }
  }

  /**
   * A worker's long poll: completes with a task as soon as one is there, or empty after
   * {@code wait}.
   */
  CompletableFuture<Optional<TaskRecord>> poll(String activityArn, String worker,
      Duration wait) {
    Queue q = queue(activityArn);
    Waiter w = new Waiter(worker);
    TaskRecord task = null;
    synchronized (q) {
      Iterator<Map.Entry<String, TaskRecord>> it = q.pending.entrySet().iterator();
      if (it.hasNext()) {
        Map.Entry<String, TaskRecord> first = it.next();
        it.remove();
        pendingIndex.remove(first.getKey());
        task = first.getValue();
      } else {
        q.waiters.add(w);
      }
    }
    if (task != null) {
      handOut(task, w);
      return w.answer;
    }
    w.expiry = timer.schedule(() -> expire(q, w), Math.max(0, wait.toMillis()),
        TimeUnit.MILLISECONDS);
    if (w.taken.get()) {
      w.expiry.cancel(false); // handed out before the expiry was armed
    }
    return w.answer;
  }

  private boolean handOut(TaskRecord task, Waiter w) {
    if (!w.taken.compareAndSet(false, true)) {
      return false;
    }
    if (w.expiry != null) {
      w.expiry.cancel(false);
    }
    deliver.accept(task.executionArn(),
        new Event.TaskStarted(task.taskId(), w.worker, clock.millis()));
    w.answer.complete(Optional.of(task));
    return true;
  }

  private void expire(Queue q, Waiter w) {
    if (!w.taken.compareAndSet(false, true)) {
      return;
    }
    synchronized (q) {
      q.waiters.remove(w);
    }
    w.answer.complete(Optional.empty());
  }

  /** The task ended or was cancelled: no worker may get it any more. */
  void remove(String executionArn, long taskId) {
    String k = key(executionArn, taskId);
    String activity = pendingIndex.remove(k);
    if (activity != null) {
      Queue q = queue(activity);
      synchronized (q) {
        q.pending.remove(k);
      }
    }
  }

  /** The execution ended: drop all its queued tasks. */
  void removeExecution(String executionArn) {
    String prefix = executionArn + "#";
    for (Map.Entry<String, String> e : pendingIndex.entrySet()) {
      if (e.getKey().startsWith(prefix)) {
        Queue q = queue(e.getValue());
        synchronized (q) {
          q.pending.remove(e.getKey());
        }
        pendingIndex.remove(e.getKey());
      }
    }
  }

  /** Tasks waiting for a worker (for tests and metrics). */
  int pending() {
    return pendingIndex.size();
  }

  /** Answers every waiting worker with nothing and stops the timer thread. */
  @Override
  public void close() {
    for (Queue q : queues.values()) {
      synchronized (q) {
        for (Waiter w : q.waiters) {
          if (w.taken.compareAndSet(false, true)) {
            w.answer.complete(Optional.empty());
          }
        }
        q.waiters.clear();
      }
    }
    timer.shutdownNow();
  }
}
