package dev.statecraft.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statecraft.asl.model.ErrorNames;
import dev.statecraft.asl.model.StateMachine;
import dev.statecraft.engine.core.ExecutionInfo;
import dev.statecraft.engine.core.ExecutionStatus;
import dev.statecraft.engine.core.Json;
import dev.statecraft.engine.runtime.ExecutionResult;
import dev.statecraft.engine.runtime.ExpressRunner;
import dev.statecraft.engine.runtime.TimeSource;
import dev.statecraft.engine.spi.TaskHandler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Express executions: in memory, no stored history, at most five minutes each, a bounded view
 * of the most recent ones. Asynchronous starts run on a bounded pool (a full queue is
 * back-pressure on the caller); synchronous starts run on the caller's thread.
 */
final class ExpressRuns implements AutoCloseable {
  static final long MAX_MILLIS = 5 * 60 * 1000;

  private final ExpressRunner runner;
  private final int keep;
  private final Map<String, ExpressExecution> recent;
  private final ThreadPoolExecutor pool;
  private final ScheduledExecutorService limits = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "statecraft-express-limit");
    t.setDaemon(true);
    return t;
  });

  ExpressRuns(List<TaskHandler> handlers, int threads, int keep) {
    this.runner = new ExpressRunner(handlers);
    this.keep = keep;
    this.recent = new LinkedHashMap<>(16, 0.75f, false) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, ExpressExecution> eldest) {
        return size() > ExpressRuns.this.keep;
      }
    };
    this.pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(1_000), r -> {
          Thread t = new Thread(r, "statecraft-express");
          t.setDaemon(true);
          return t;
        }, new ThreadPoolExecutor.CallerRunsPolicy());
  }

  /** Starts in the background; the outcome lands in the recent view. */
  void startAsync(StateMachine machine, ExecutionInfo info, JsonNode input, Runnable whenDone) {
    remember(running(info, input));
    pool.execute(() -> {
      try {
        run(machine, info, input);
      } finally {
        whenDone.run();
      }
    });
  }

  /** Runs to the end (or to the five-minute limit) and returns the outcome. */
  ExpressExecution runSync(StateMachine machine, ExecutionInfo info, JsonNode input) {
    remember(running(info, input));
    return run(machine, info, input);
  }

  private ExpressExecution run(StateMachine machine, ExecutionInfo info, JsonNode input) {
    ExpressExecution done;
    // A watchdog interrupts the run at the five-minute limit; the runner's waits end on it.
    Thread current = Thread.currentThread();
    ScheduledFuture<?> watchdog = limits.schedule(current::interrupt, MAX_MILLIS,
        TimeUnit.MILLISECONDS);
    try {
      ExecutionResult r = runner.run(machine, input, new ExpressRunner.Options(info,
          TimeSource.system(), false, ThreadLocalRandom.current().nextLong()));
      done = finished(info, input, r.status(), r.output() == null ? null : Json.write(r.output()),
          r.error(), r.cause());
    } catch (InterruptedException e) {
      done = finished(info, input, ExecutionStatus.TIMED_OUT, null, ErrorNames.TIMEOUT,
          "Express executions run for at most five minutes.");
    } catch (RuntimeException e) {
      done = finished(info, input, ExecutionStatus.FAILED, null, ErrorNames.RUNTIME,
          String.valueOf(e.getMessage()));
    } finally {
      watchdog.cancel(false);
      Thread.interrupted();
    }
    remember(done);
    return done;
  }

  /** States an inline run may enter before it gives up and the caller runs it on a worker. */
  static final int INLINE_BUDGET = 2_000;
  private final java.util.Map<StateMachine, Boolean> quick =
      java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());

  /**
   * Runs a machine without Task or Wait states on the calling thread (an event loop) when it
   * finishes within {@link #INLINE_BUDGET} states; null otherwise, with nothing done that shows:
   * such a machine has no side effects, so the caller may simply run it again elsewhere.
   */
  ExpressExecution tryInline(StateMachine machine, ExecutionInfo info, JsonNode input) {
    if (!quick.computeIfAbsent(machine, ExpressRuns::withoutTasksOrWaits)) {
      return null;
    }
    dev.statecraft.engine.core.Interpreter.Started s = dev.statecraft.engine.core.Interpreter
        .start(machine, info, input, ThreadLocalRandom.current().nextLong(), false,
            INLINE_BUDGET);
    ExecutionStatus status = s.state().status();
    if (status == ExecutionStatus.RUNNING) {
      return null;
    }
    ExpressExecution done = finished(info, input, status,
        s.state().output() == null ? null : Json.write(s.state().output()), s.state().error(),
        s.state().cause());
    remember(done);
    return done;
  }

  private static boolean withoutTasksOrWaits(StateMachine machine) {
    return withoutTasksOrWaits(machine.workflow());
  }

  private static boolean withoutTasksOrWaits(dev.statecraft.asl.model.Workflow w) {
    for (dev.statecraft.asl.model.State s : w.states().values()) {
      if (s instanceof dev.statecraft.asl.model.TaskState
          || s instanceof dev.statecraft.asl.model.WaitState
          || s.queryLanguage() == dev.statecraft.asl.model.QueryLanguage.JSONATA) {
        return false; // JSONata may take long in one expression; keep it off event loops
      }
      if (s instanceof dev.statecraft.asl.model.ParallelState p) {
        for (dev.statecraft.asl.model.Workflow b : p.branches()) {
          if (!withoutTasksOrWaits(b)) {
            return false;
          }
        }
      }
      if (s instanceof dev.statecraft.asl.model.MapState m && (m.processor() == null
          || !withoutTasksOrWaits(m.processor()))) {
        return false;
      }
    }
    return true;
  }

  private static ExpressExecution running(ExecutionInfo info, JsonNode input) {
    return new ExpressExecution(info.executionArn(), info.stateMachineArn(), info.name(),
        ExecutionStatus.RUNNING, Json.write(input), null, null, null, info.startMillis(), 0);
  }

  private static ExpressExecution finished(ExecutionInfo info, JsonNode input,
      ExecutionStatus status, String output, String error, String cause) {
    return new ExpressExecution(info.executionArn(), info.stateMachineArn(), info.name(), status,
        Json.write(input), output, error, cause, info.startMillis(), System.currentTimeMillis());
  }

  private synchronized void remember(ExpressExecution e) {
    recent.put(e.executionArn(), e);
  }

  /** The most recent Express executions, newest last. */
  synchronized List<ExpressExecution> recent() {
    return new ArrayList<>(recent.values());
  }

  @Override
  public void close() {
    pool.shutdownNow();
    limits.shutdownNow();
  }
}
