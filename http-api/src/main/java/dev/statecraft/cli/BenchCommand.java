package dev.statecraft.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statecraft.engine.api.Arns;
import dev.statecraft.engine.api.StatesService;
import dev.statecraft.engine.bench.ExecutionPath;
import dev.statecraft.engine.bench.Measurement;
import dev.statecraft.engine.bench.Workload;
import dev.statecraft.engine.core.Json;
import dev.statecraft.engine.runtime.DurableEngine;
import dev.statecraft.engine.runtime.EngineConfig;
import dev.statecraft.engine.runtime.ExecutionResult;
import dev.statecraft.engine.store.ExecutionRecord;
import dev.statecraft.engine.store.StateMachineRecord;
import dev.statecraft.engine.store.StateMachineType;
import dev.statecraft.engine.store.jdbc.JdbcStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code statecraft bench FILE --input-file F [--iterations N] [--concurrency C]
 * [--mode express|standard]}: runs a workload in-process after a warm-up and prints one JSON line
 * of figures ({@code workload, mode, executions, executions_per_s, transitions_per_s, p50_ms,
 * p99_ms, heap_mb}, then details).
 *
 * <p>Express runs the interpreter in memory with history off, as {@code bench/express} does
 * (the same {@link Measurement}). Standard runs through {@link StatesService} and the
 * {@link DurableEngine} on a file-backed H2 database in a fresh directory, so every step and its
 * history are committed to disk; the latency is StartExecution to the final commit.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Benchmark a definition in-process: warm up, run N executions, print one JSON"
        + " line (executions/s, transitions/s, p50/p99 latency, peak heap).",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every execution succeeded (with the expected output, when given)",
      "1:an execution failed or gave another output",
      "2:usage error, unreadable file, invalid definition or input"
    })
final class BenchCommand implements Callable<Integer> {
  /** How long one Standard execution may take before the run counts as failed. */
  private static final long STANDARD_TIMEOUT_SECONDS = 120;

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The definition to run.")
  Path file;

  @Option(names = "--input-file", paramLabel = "F", description = "The execution input (default {}).")
  Path inputFile;

  @Option(names = "--expected", paramLabel = "F",
      description = "The output every execution must give; without it any success will do.")
  Path expectedFile;

  @Option(names = "--iterations", paramLabel = "N", defaultValue = "10000",
      description = "Executions to time, across all threads (default: ${DEFAULT-VALUE}).")
  long iterations;

  @Option(names = "--seconds", paramLabel = "S", defaultValue = "0",
      description = "Stop the timed run after S seconds even if N executions have not run"
          + " (default: no limit).")
  double seconds;

  @Option(names = "--warmup", paramLabel = "S", defaultValue = "2",
      description = "Warm-up seconds before timing; the warm-up goes on until the JIT compiler"
          + " is idle, 30 s at most (default: ${DEFAULT-VALUE}).")
  double warmup;

  @Option(names = "--concurrency", paramLabel = "C", defaultValue = "1",
      description = "Threads running executions at once (default: ${DEFAULT-VALUE}).")
  int concurrency;

  @Option(names = "--mode", paramLabel = "MODE", defaultValue = "express",
      description = "express (in memory, no history) or standard (durable, file-backed H2)"
          + " (default: ${DEFAULT-VALUE}).")
  String mode;

  @Option(names = "--data", paramLabel = "DIR",
      description = "Standard mode: the H2 data directory (default: a fresh temporary one,"
          + " deleted afterwards).")
  Path data;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (iterations < 1 || concurrency < 1 || seconds < 0 || warmup < 0
        || !(mode.equals("express") || mode.equals("standard"))) {
      err.println("statecraft bench: --iterations and --concurrency must be >= 1, --seconds and"
          + " --warmup >= 0, --mode express or standard");
      err.flush();
      return CommandLine.ExitCode.USAGE;
    }
    Workload workload;
    try {
      String input = inputFile == null ? "{}" : Workload.read(inputFile);
      String expected = expectedFile == null ? null : Workload.read(expectedFile);
      workload = Workload.of(Workload.baseName(file), file, input, expected);
    } catch (UncheckedIOException | IllegalStateException e) {
      err.println("statecraft bench: " + e.getMessage());
      err.flush();
      return CommandLine.ExitCode.USAGE;
    } catch (RuntimeException e) {
      // Jackson's parse errors: the input or expected output is not JSON.
      err.println("statecraft bench: not JSON: " + e.getMessage());
      err.flush();
      return CommandLine.ExitCode.USAGE;
    }
    try {
      ObjectNode line = mode.equals("express") ? express(workload) : standard(workload);
      out.println(Json.write(line));
      out.flush();
      return CommandLine.ExitCode.OK;
    } catch (IllegalStateException e) {
      err.println("statecraft bench: FAILED " + e.getMessage());
      err.flush();
      return 1;
    }
  }

  private Measurement.Budget budget() {
    return new Measurement.Budget(iterations, seconds);
  }

  private ObjectNode express(Workload w) throws InterruptedException {
    ExecutionPath path = ExecutionPath.fastestFor(w, ExecutionPath.IDENTITY);
    Measurement m = new Measurement(w, "express", path.name(),
        () -> path.run(w, ExecutionPath.IDENTITY), concurrency);
    m.warmUp(warmup);
    return m.report(m.run(budget()));
  }

  private ObjectNode standard(Workload w) throws Exception {
    // States entered per execution: the interpreter counts them; the durable engine runs the
    // same interpreter, so the count is the same.
    int transitions = ExecutionPath.EXPRESS.run(w, ExecutionPath.IDENTITY).transitions();
    boolean temporary = data == null;
    Path dir = temporary ? Files.createTempDirectory("statecraft-bench") : data;
    String input = Json.write(w.input());
    try (JdbcStore store = JdbcStore.h2File(dir, concurrency + 4)) {
      DurableEngine engine = new DurableEngine(store, EngineConfig.defaults(List.of()));
      engine.start();
      StatesService api = new StatesService(engine, Arns.defaults());
      try {
        StateMachineRecord machine = api.createStateMachine(
            "bench-" + w.name() + "-" + System.currentTimeMillis(), Workload.read(file),
            "arn:aws:iam::123456789012:role/statecraft-bench", StateMachineType.STANDARD);
        AtomicLong names = new AtomicLong();
        AtomicLong historyEvents = new AtomicLong();
        Measurement m = new Measurement(w, "standard", "durable-h2", () -> {
          String arn = api.startExecution(machine.arn(), "b" + names.incrementAndGet(), input)
              .executionArn();
          ExecutionRecord r = engine.whenFinished(arn).get(STANDARD_TIMEOUT_SECONDS,
              TimeUnit.SECONDS);
          historyEvents.set(r.historyEvents());
          return new ExecutionResult(r.status(), r.output() == null ? null : Json.parse(r.output()),
              r.error(), r.cause(), List.of(), transitions);
        }, concurrency);
        m.warmUp(warmup);
        ObjectNode line = m.report(m.run(budget()));
        // Evidence that the history went to disk: the last execution's stored event count.
        line.put("history_events_per_execution", historyEvents.get());
        return line;
      } finally {
        api.close();
        engine.close();
      }
    } finally {
      if (temporary) {
        deleteTree(dir);
      }
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
