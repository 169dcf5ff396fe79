package dev.statecraft.bench;

import dev.statecraft.engine.bench.ExecutionPath;
import dev.statecraft.engine.bench.Measurement;
import dev.statecraft.engine.bench.Workload;
import dev.statecraft.engine.core.ExecutionInfo;
import dev.statecraft.engine.core.Json;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Express benchmark: runs each workload of {@code ../shared/bench} in-process on C threads,
 * after a warm-up (at least {@code --warmup} seconds, then until the JIT is idle), for a fixed
 * time, checks every output against the expected one, and prints one JSON line of figures per
 * workload. The measuring itself is {@link Measurement}, shared with {@code statecraft bench}.
 *
 * <pre>
 * ExpressBench [--workload NAME]... [--seconds S] [--warmup S] [--threads C]
 *              [--path auto|interpreter|express] [--shared DIR]
 * </pre>
 *
 * <p>Exit code 0 when every workload ran and gave the right answers, 1 when one gave a wrong answer
 * or failed, 2 for a usage error.
 */
public final class ExpressBench {
  /** One fixed identity for every execution: the ARN is not what is being measured. */
  static final ExecutionInfo INFO = ExecutionPath.IDENTITY;

  /** The parsed command line. */
  record Options(List<String> workloads, double seconds, double warmup, int threads, String path,
      Path shared) {
    static Options parse(String[] args) {
      List<String> workloads = new ArrayList<>();
      double seconds = 5;
      double warmup = 2;
      int threads = Runtime.getRuntime().availableProcessors();
      String path = "auto";
      Path shared = Path.of(System.getProperty("statecraft.shared", "../shared"));
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        if (arg.equals("-h") || arg.equals("--help")) {
          throw new UsageException(null);
        }
        if (i + 1 >= args.length) {
          throw new UsageException("missing value for " + arg);
        }
        String value = args[++i];
        try {
          switch (arg) {
            case "--workload":
              workloads.addAll(List.of(value.split(",")));
              break;
            case "--seconds":
              seconds = Double.parseDouble(value);
              break;
            case "--warmup":
              warmup = Double.parseDouble(value);
              break;
            case "--threads":
              threads = Integer.parseInt(value);
              break;
            case "--path":
              path = value.toLowerCase(Locale.ROOT);
              break;
            case "--shared":
              shared = Path.of(value);
              break;
            default:
              throw new UsageException("unknown option " + arg);
          }
        } catch (NumberFormatException e) {
          throw new UsageException("not a number for " + arg + ": " + value);
        }
      }
      if (seconds <= 0 || warmup < 0 || threads < 1) {
        throw new UsageException("--seconds must be > 0, --warmup >= 0, --threads >= 1");
      }
      if (!List.of("auto", "interpreter", "express").contains(path)) {
        throw new UsageException("--path is auto, interpreter or express");
      }
      return new Options(workloads, seconds, warmup, threads, path, shared);
    }
  }

  /** A command line the harness cannot run. */
  static final class UsageException extends RuntimeException {
    UsageException(String message) {
      super(message);
    }
  }

  private static final String USAGE = "usage: bench/express [--workload NAME]... [--seconds S]"
      + " [--warmup S] [--threads C] [--path auto|interpreter|express] [--shared DIR]";

  private ExpressBench() {}

  public static void main(String[] args) throws InterruptedException {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the harness and returns its exit code; {@link #main} without the exit, for tests. */
  static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
    Options options;
    List<Workload> workloads;
    try {
      options = Options.parse(args);
      workloads = select(options);
    } catch (UsageException e) {
      if (e.getMessage() != null) {
        err.println("bench/express: " + e.getMessage());
      }
      err.println(USAGE);
      return e.getMessage() == null ? 0 : 2;
    }
    for (Workload w : workloads) {
      ExecutionPath path = options.path().equals("auto") ? ExecutionPath.fastestFor(w, INFO)
          : ExecutionPath.valueOf(options.path().toUpperCase(Locale.ROOT));
      Measurement m = new Measurement(w, "express", path.name(), () -> path.run(w, INFO),
          options.threads());
      try {
        m.warmUp(options.warmup());
        out.println(Json.write(m.report(m.run(options.seconds()))));
        out.flush();
      } catch (IllegalStateException e) {
        err.println("bench/express: FAILED " + e.getMessage());
        return 1;
      }
    }
    return 0;
  }

  private static List<Workload> select(Options options) {
    Path bench = options.shared().resolve("bench");
    if (options.workloads().isEmpty()) {
      return Workload.all(bench);
    }
    List<Workload> chosen = new ArrayList<>();
    for (String name : options.workloads()) {
      Path file = Workload.find(bench, name);
      if (file == null) {
        throw new UsageException("no workload " + name + " in " + bench + "/workloads");
      }
      chosen.add(Workload.load(bench, file));
    }
    return chosen;
  }
}
