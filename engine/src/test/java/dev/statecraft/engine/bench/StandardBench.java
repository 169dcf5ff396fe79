package dev.statecraft.engine.bench;

import dev.statecraft.engine.api.Arns;
import dev.statecraft.engine.api.StatesService;
import dev.statecraft.engine.core.Json;
import dev.statecraft.engine.runtime.DurableEngine;
import dev.statecraft.engine.runtime.EngineConfig;
import dev.statecraft.engine.store.ExecutionRecord;
import dev.statecraft.engine.store.StateMachineRecord;
import dev.statecraft.engine.store.jdbc.JdbcStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Standard-mode benchmark: runs the shared workloads on the durable engine over file-backed H2
 * (every step committed with its history) and prints durable transitions/s and start-to-finish
 * latency p50/p99, the steps per group commit and the process CPU time per execution.
 * Arguments: [shared dir] [seconds per workload] [client threads] [workload,...].
 */
public final class StandardBench {
  /** States entered per execution, from bench/workloads/README.md. */
  private static final Map<String, Integer> TRANSITIONS = Map.of("pass-chain-10", 10,
      "choice-loop-100", 302, "parallel-4x5", 21, "map-1000", 2001, "catch-retry", 6);

  private StandardBench() {}

  public static void main(String[] args) throws Exception {
    Path shared = Path.of(args.length > 0 ? args[0] : "../shared").resolve("bench");
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    int clients = args.length > 2 ? Integer.parseInt(args[2]) : 8;
    System.out.printf("%-16s %8s %12s %14s %9s %9s %11s %11s%n", "workload", "execs", "execs/s",
        "transitions/s", "p50 ms", "p99 ms", "steps/group", "cpu ms/exec");
    List<String> names = args.length > 3 ? List.of(args[3].split(","))
        : List.of("pass-chain-10", "choice-loop-100", "parallel-4x5", "catch-retry", "map-1000");
    for (String name : names) {
      run(shared, name, seconds, clients);
    }
  }

  private static void run(Path shared, String name, int seconds, int clients) throws Exception {
    Path dir = Files.createTempDirectory("statecraft-bench");
    String definition = Files.readString(shared.resolve("workloads/" + name + ".json"));
    String input = Files.readString(shared.resolve("inputs/" + name + ".json")).strip();
    String expected = Files.readString(shared.resolve("expected/" + name + ".json")).strip();
    try (JdbcStore store = JdbcStore.h2File(dir, clients + 4)) {
      DurableEngine engine = new DurableEngine(store, EngineConfig.defaults(List.of()));
      engine.start();
      StatesService api = new StatesService(engine, Arns.defaults());
      StateMachineRecord m = api.createStateMachine(name, definition, "role", null);
      // Warm-up, and check the output once.
      String first = api.startExecution(m.arn(), "warm", input).executionArn();
      ExecutionRecord r = engine.whenFinished(first).get(60, TimeUnit.SECONDS);
      if (!Json.parse(r.output()).equals(Json.parse(expected))) {
        throw new IllegalStateException(name + ": unexpected output " + r.output());
      }
      // Warm-up under the same load, so the JIT has compiled the hot paths before timing.
      drive(api, engine, m.arn(), input, clients, Math.max(1, seconds / 2), "w");
      JdbcStore.GroupCommitStats g0 = store.groupCommits();
      com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
          java.lang.management.ManagementFactory.getOperatingSystemMXBean();
      long cpu0 = os.getProcessCpuTime();
      long t0 = System.nanoTime();
      List<Long> all = drive(api, engine, m.arn(), input, clients, seconds, "b");
      double elapsed = (System.nanoTime() - t0) / 1e9;
      JdbcStore.GroupCommitStats g1 = store.groupCommits();
      long cpu = os.getProcessCpuTime() - cpu0;
      double perGroup = (g1.steps() - g0.steps())
          / (double) Math.max(1, g1.transactions() - g0.transactions());
      all.sort(null);
      int execs = all.size();
      System.out.printf("%-16s %8d %12.1f %14.0f %9.2f %9.2f %11.1f %11.2f%n", name, execs,
          execs / elapsed, execs * TRANSITIONS.get(name) / elapsed, all.get(execs / 2) / 1e6,
          all.get(Math.min(execs - 1, (int) (execs * 0.99))) / 1e6, perGroup,
          cpu / 1e6 / execs);
      api.close();
      engine.close();
    }
  }

  /** Runs executions from {@code clients} threads for {@code seconds}; their latencies (ns). */
  private static List<Long> drive(StatesService api, DurableEngine engine, String machine,
      String input, int clients, int seconds, String prefix) throws Exception {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    AtomicInteger ids = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<Future<long[]>> results = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      results.add(pool.submit(() -> {
        long[] lat = new long[1 << 20];
        int n = 0;
        while (System.nanoTime() < end && n < lat.length) {
          long s = System.nanoTime();
          String arn = api.startExecution(machine, prefix + ids.incrementAndGet(), input)
              .executionArn();
          engine.whenFinished(arn).get(60, TimeUnit.SECONDS);
          lat[n++] = System.nanoTime() - s;
        }
        return Arrays.copyOf(lat, n);
      }));
    }
    List<Long> all = new ArrayList<>();
    for (Future<long[]> f : results) {
      for (long l : f.get()) {
        all.add(l);
      }
    }
    pool.shutdown();
    return all;
  }
}
