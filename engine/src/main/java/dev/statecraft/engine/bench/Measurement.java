package dev.statecraft.engine.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statecraft.engine.core.ExecutionStatus;
import dev.statecraft.engine.core.Json;
import dev.statecraft.engine.runtime.ExecutionResult;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a workload on C threads, for a number of executions or a time (whichever ends first),
 * checking every output, and keeps the figures: executions, states entered, per-execution latency
 * and peak heap. Shared by {@code bench/express} and {@code statecraft bench}.
 *
 * <p>Checking an output costs about as much as producing it (map-1000's is 1000 objects), so each
 * thread times its checks apart and the rates are over the time spent executing: a thread's rate
 * is its executions over its wall time minus its checking time, and the figure is the sum of the
 * threads' rates. Latencies never include the check.
 */
public final class Measurement {
  /** Numbers compare by value (1 equals 1.0 and a long 1), everything else as Jackson does. */
  private static final Comparator<JsonNode> NUMERIC_AWARE = (a, b) -> {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue());
    }
    return a.equals(b) ? 0 : 1;
  };

  /** One execution of the workload, however it is run (in memory or through the durable engine). */
  @FunctionalInterface
  public interface Execution {
    /** Runs one execution to its end. */
    ExecutionResult run() throws Exception;
  }

  /**
   * How long a run lasts: {@code executions} in all (across threads) or {@code seconds}, whichever
   * comes first. {@link Long#MAX_VALUE} executions means time alone; 0 seconds means count alone.
   */
  public record Budget(long executions, double seconds) {
    /** A run of a fixed time. */
    public static Budget seconds(double seconds) {
      return new Budget(Long.MAX_VALUE, seconds);
    }

    /** A run of a fixed number of executions. */
    public static Budget executions(long executions) {
      return new Budget(executions, 0);
    }

    long deadline(long start) {
      return seconds <= 0 ? Long.MAX_VALUE : start + (long) (seconds * 1e9);
    }
  }

  private final Workload workload;
  private final String mode;
  private final String path;
  private final Execution execution;
  private final int threads;

  /**
   * @param workload what runs, and the output to expect
   * @param mode {@code express} or {@code standard}, as reported
   * @param path how an execution runs, as reported
   * @param execution runs one execution
   * @param threads how many threads run executions at once
   */
  public Measurement(Workload workload, String mode, String path, Execution execution,
      int threads) {
    this.workload = workload;
    this.mode = mode;
    this.path = path;
    this.execution = execution;
    this.threads = threads;
  }

  /** The figures of one timed run. */
  public record Figures(long executions, long transitions, double executionsPerSecond,
      double transitionsPerSecond, long[] sortedLatencyNanos, double heapMb, double checkShare) {
    /** The latency at percentile {@code p} (0–100), in milliseconds. */
    public double percentileMillis(double p) {
      if (sortedLatencyNanos.length == 0) {
        return 0;
      }
      int i = (int) Math.ceil(p / 100.0 * sortedLatencyNanos.length) - 1;
      return sortedLatencyNanos[Math.max(0, i)] / 1e6;
    }
  }

  /** Runs for {@code seconds} on every thread; throws when any execution gives a wrong answer. */
  public Figures run(double seconds) throws InterruptedException {
    return run(Budget.seconds(seconds));
  }

  /** Runs within the budget; throws when any execution gives a wrong answer or fails. */
  public Figures run(Budget budget) throws InterruptedException {
    resetHeapPeaks();
    CountDownLatch ready = new CountDownLatch(threads);
    CountDownLatch go = new CountDownLatch(1);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    AtomicLong remaining = new AtomicLong(budget.executions());
    List<Worker> workers = new ArrayList<>();
    List<Thread> running = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Worker w = new Worker(ready, go, failure, remaining);
      workers.add(w);
      Thread thread = new Thread(w, "bench-" + workload.name() + "-" + t);
      running.add(thread);
      thread.start();
    }
    ready.await();
    long start = System.nanoTime();
    for (Worker w : workers) {
      w.start = start;
      w.deadline = budget.deadline(start);
    }
    go.countDown();
    for (Thread thread : running) {
      thread.join();
    }
    long elapsed = System.nanoTime() - start;
    if (failure.get() != null) {
      throw new IllegalStateException(workload.name() + ": " + failure.get().getMessage(),
          failure.get());
    }
    long executions = 0;
    long transitions = 0;
    double executionRate = 0;
    double transitionRate = 0;
    long checkNanos = 0;
    int count = 0;
    for (Worker w : workers) {
      executions += w.executions;
      transitions += w.transitions;
      count += w.latencyCount;
      checkNanos += w.checkNanos;
      // Each thread's own time: with a count budget one thread may end before the others.
      double executingSeconds = Math.max(1, w.elapsed - w.checkNanos) / 1e9;
      executionRate += w.executions / executingSeconds;
      transitionRate += w.transitions / executingSeconds;
    }
    long[] latencies = new long[count];
    int at = 0;
    for (Worker w : workers) {
      System.arraycopy(w.latencies, 0, latencies, at, w.latencyCount);
      at += w.latencyCount;
    }
    Arrays.sort(latencies);
    return new Figures(executions, transitions, executionRate, transitionRate, latencies,
        heapPeakMb(), checkNanos / ((double) elapsed * threads));
  }

  /** Longest warm-up when the JIT keeps compiling (a loaded machine starves its threads). */
  private static final double MAX_WARMUP_SECONDS = 30;
  private static final double WARMUP_SLICE_SECONDS = 0.5;

  /**
   * Runs the workload for at least {@code seconds}, then on until the JIT compiler has been idle
   * for a whole slice, so that the timed run measures compiled code: on a busy machine the
   * compiler threads get little CPU and a fixed warm-up ends while they are still at work.
   */
  public void warmUp(double seconds) throws InterruptedException {
    if (seconds <= 0) {
      return;
    }
    run(seconds);
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    if (jit == null || !jit.isCompilationTimeMonitoringSupported()) {
      return;
    }
    double spent = seconds;
    long compiled = jit.getTotalCompilationTime();
    while (spent < MAX_WARMUP_SECONDS) {
      run(WARMUP_SLICE_SECONDS);
      spent += WARMUP_SLICE_SECONDS;
      long now = jit.getTotalCompilationTime();
      if (now == compiled) {
        return;
      }
      compiled = now;
    }
  }

  /** Checks one result against the expected output; the message says what differed. */
  void check(ExecutionResult r) {
    if (r.status() != ExecutionStatus.SUCCEEDED) {
      throw new IllegalStateException("execution " + r.status() + ": " + r.error() + ": "
          + r.cause());
    }
    JsonNode expected = workload.expected();
    // Plain equality first: it is the fast path; by value only when the number types differ.
    if (expected != null && !expected.equals(r.output())
        && !expected.equals(NUMERIC_AWARE, r.output())) {
      throw new IllegalStateException("wrong output: expected " + abbreviate(expected)
          + " got " + abbreviate(r.output()));
    }
  }

  private static String abbreviate(JsonNode node) {
    String s = node == null ? "null" : Json.write(node);
    return s.length() <= 300 ? s : s.substring(0, 300) + "...";
  }

  /** One thread's loop: it keeps its own counters, so threads share nothing while timed. */
  private final class Worker implements Runnable {
    private final CountDownLatch ready;
    private final CountDownLatch go;
    private final AtomicReference<Throwable> failure;
    private final AtomicLong remaining;
    volatile long start;
    volatile long deadline;
    long elapsed;
    long executions;
    long transitions;
    long checkNanos;
    long[] latencies = new long[1 << 16];
    int latencyCount;

    Worker(CountDownLatch ready, CountDownLatch go, AtomicReference<Throwable> failure,
        AtomicLong remaining) {
      this.ready = ready;
      this.go = go;
      this.failure = failure;
      this.remaining = remaining;
    }

    @Override
    public void run() {
      try {
        ready.countDown();
        go.await();
        long end = deadline;
        long now = System.nanoTime();
        while (now < end && failure.get() == null && remaining.getAndDecrement() > 0) {
          ExecutionResult r = execution.run();
          long executed = System.nanoTime();
          check(r);
          long checked = System.nanoTime();
          record(executed - now);
          checkNanos += checked - executed;
          executions++;
          transitions += r.transitions();
          now = checked;
        }
        elapsed = now - start;
      } catch (Throwable e) {
        failure.compareAndSet(null, e);
      }
    }

    private void record(long nanos) {
      if (latencyCount == latencies.length) {
        latencies = Arrays.copyOf(latencies, latencies.length * 2);
      }
      latencies[latencyCount++] = nanos;
    }
  }

  private static void resetHeapPeaks() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  /** The sum of the heap pools' peak use since the last reset (an upper bound of the peak). */
  private static double heapPeakMb() {
    long bytes = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        bytes += pool.getPeakUsage().getUsed();
      }
    }
    return bytes / (1024.0 * 1024.0);
  }

  /** The JSON line of one run's figures: the keys {@code statecraft bench} documents, then more. */
  public ObjectNode report(Figures f) {
    ObjectNode line = Json.object();
    line.put("workload", workload.name());
    line.put("mode", mode);
    line.put("executions", f.executions());
    line.put("executions_per_s", round(f.executionsPerSecond(), 1));
    line.put("transitions_per_s", Math.round(f.transitionsPerSecond()));
    line.put("p50_ms", round(f.percentileMillis(50), 4));
    line.put("p99_ms", round(f.percentileMillis(99), 4));
    line.put("heap_mb", round(f.heapMb(), 1));
    line.put("threads", threads);
    line.put("path", path.toLowerCase(Locale.ROOT));
    line.put("transitions_per_execution", f.executions() == 0 ? 0 : f.transitions() / f.executions());
    line.put("check_share", round(f.checkShare(), 3));
    // The machine's load while measuring: figures taken beside other busy processes are not
    // comparable with figures taken on an idle machine.
    line.put("load_avg", round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), 2));
    return line;
  }

  private static double round(double value, int digits) {
    double scale = Math.pow(10, digits);
    return Math.round(value * scale) / scale;
  }
}
