package dev.statecraft.engine.store.jdbc;

import dev.statecraft.engine.store.StepCommit;
import dev.statecraft.engine.store.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Group commit: one writer thread takes every step that is waiting when it is free and writes
 * them all in one transaction, so the database's per-commit cost (H2 writes a chunk to its file
 * on each commit) is paid once for many executions. A caller returns only after the
 * transaction holding its step committed — never earlier — so nothing a step causes can happen
 * before the step is durable.
 *
 * <p>Each step keeps its own optimistic check: a stale step is refused alone, with
 * {@link dev.statecraft.engine.store.ConcurrentCommitException}, while the rest of its group
 * commits. Any other failure rolls the group back and writes its steps again one transaction
 * each, so only the step at fault fails (a duplicate execution name, say). The queue is bounded:
 * when the writer falls behind, submitters wait (back-pressure).
 */
final class GroupCommitWriter implements AutoCloseable {
  /** Most steps written in one transaction. */
  static final int MAX_GROUP = 256;
  /** Steps waiting for the writer before submitters block. */
  static final int QUEUE_CAPACITY = 4_096;

  private static final Logger LOG = Logger.getLogger(GroupCommitWriter.class.getName());

  /** A submitted step and the future its submitter waits on. */
  private record Pending(StepBatch.Item item, CompletableFuture<Void> done) {}

  private final DataSource pool;
  private final Dialect dialect;
  private final BlockingQueue<Pending> queue;
  private final int maxGroup;
  private final Thread thread;
  /** Submitters hold it shared while enqueueing; close takes it alone, so nothing is stranded. */
  private final ReadWriteLock gate = new ReentrantReadWriteLock();
  private volatile boolean closed;
  private final LongAdder groups = new LongAdder();
  private final LongAdder steps = new LongAdder();
  /** The writer's connection and statements, kept between groups; writer thread only. */
  private StepBatch batch;

  GroupCommitWriter(DataSource pool, Dialect dialect, int maxGroup, int queueCapacity) {
    this.pool = pool;
    this.dialect = dialect;
    this.maxGroup = maxGroup;
    this.queue = new ArrayBlockingQueue<>(queueCapacity);
    this.thread = new Thread(this::run, "statecraft-commit");
    thread.setDaemon(true);
    thread.start();
  }

  /** Inserts a new execution with its first step; returns once committed. */
  void create(StepCommit first) {
    submit(StepBatch.Item.of(first, true));
  }

  /** Writes a step under its optimistic check; returns once committed. */
  void commit(StepCommit step) {
    submit(StepBatch.Item.of(step, false));
  }

  /** Transactions written so far. */
  long groups() {
    return groups.sum();
  }

  /** Steps written so far (committed or refused). */
  long steps() {
    return steps.sum();
  }

  private void submit(StepBatch.Item item) {
    Pending p = new Pending(item, new CompletableFuture<>());
    gate.readLock().lock();
    try {
      if (closed) {
        throw new StoreException("The store is closed");
      }
      queue.put(p);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("Interrupted while waiting to commit", e);
    } finally {
      gate.readLock().unlock();
    }
    try {
      // Not interruptible on purpose: once queued the step may commit, and the caller must
      // learn whether it did.
      p.done().join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new StoreException("commit failed", e.getCause());
    }
  }

  private void run() {
    List<Pending> group = new ArrayList<>(maxGroup);
    while (true) {
      Pending first;
      try {
        first = queue.poll(100, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        continue; // only close() stops the writer, and only once the queue is empty
      }
      if (first == null) {
        if (closed) {
          break;
        }
        continue;
      }
      group.add(first);
      queue.drainTo(group, maxGroup - 1);
      try {
        write(group);
      } catch (RuntimeException | Error e) {
        // Never leave a submitter waiting forever, whatever went wrong.
        for (Pending p : group) {
          p.done().completeExceptionally(e);
        }
      }
      group.clear();
    }
    discardConnection();
  }

  /** Writes a group in one transaction; on failure, each of its steps in a transaction alone. */
  private void write(List<Pending> group) {
    RuntimeException[] refused;
    try {
      refused = writeOnce(group);
    } catch (SQLException | RuntimeException e) {
      rollbackQuietly();
      discardConnection();
      if (group.size() == 1) {
        Pending p = group.get(0);
        p.done().completeExceptionally(e instanceof SQLException s
            ? Transactions.translate(dialect, p.item().create() ? "start execution"
                : "commit step", s) : e);
        steps.increment();
        return;
      }
      for (Pending p : group) {
        write(List.of(p));
      }
      return;
    }
    groups.increment();
    steps.add(group.size());
    for (int i = 0; i < group.size(); i++) {
      if (refused[i] == null) {
        group.get(i).done().complete(null);
      } else {
        group.get(i).done().completeExceptionally(refused[i]);
      }
    }
  }

  private RuntimeException[] writeOnce(List<Pending> group) throws SQLException {
    StepBatch b = batch();
    RuntimeException[] refused = new RuntimeException[group.size()];
    // Split where an execution comes again, so each batch holds distinct executions and the
    // later step is checked against the row the earlier one wrote.
    Set<String> seen = new HashSet<>();
    List<StepBatch.Item> run = new ArrayList<>(group.size());
    int start = 0;
    for (int i = 0; i <= group.size(); i++) {
      if (i == group.size() || !seen.add(group.get(i).item().arn())) {
        RuntimeException[] r = b.write(run);
        System.arraycopy(r, 0, refused, start, r.length);
        if (i < group.size()) {
          seen.clear();
          seen.add(group.get(i).item().arn());
          run.clear();
          start = i;
        }
      }
      if (i < group.size()) {
        run.add(group.get(i).item());
      }
    }
    b.connection().commit();
    return refused;
  }

  private StepBatch batch() throws SQLException {
    if (batch == null) {
      Connection c = pool.getConnection();
      try {
        c.setAutoCommit(false);
      } catch (SQLException e) {
        c.close();
        throw e;
      }
      batch = new StepBatch(c);
    }
    return batch;
  }

  private void rollbackQuietly() {
    if (batch != null) {
      try {
        batch.connection().rollback();
      } catch (SQLException e) {
        LOG.log(Level.FINE, "rollback failed", e);
      }
    }
  }

  /** Drops the connection after a failure (it may be broken, statements may hold rows). */
  private void discardConnection() {
    if (batch == null) {
      return;
    }
    batch.close();
    try {
      batch.connection().close();
    } catch (SQLException e) {
      LOG.log(Level.FINE, "closing the writer's connection failed", e);
    }
    batch = null;
  }

  /** Stops taking steps, writes those already queued, and releases the connection. */
  @Override
  public void close() {
    gate.writeLock().lock();
    try {
      closed = true;
    } finally {
      gate.writeLock().unlock();
    }
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
