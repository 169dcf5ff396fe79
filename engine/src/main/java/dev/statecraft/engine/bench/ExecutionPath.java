package dev.statecraft.engine.bench;

import dev.statecraft.engine.core.ExecutionInfo;
import dev.statecraft.engine.core.ExecutionStatus;
import dev.statecraft.engine.core.Interpreter;
import dev.statecraft.engine.runtime.ExecutionResult;
import dev.statecraft.engine.runtime.ExpressRunner;
import dev.statecraft.engine.runtime.TimeSource;
import java.util.List;

/**
 * How the harness runs one execution. Both paths run the real interpreter with history off, as an
 * Express execution without logging does.
 */
public enum ExecutionPath {
  /**
   * {@link Interpreter#start} alone: enough for a workload that needs no task and no timer, since
   * the interpreter then runs it to its end in the first step. It skips the runner's queues.
   */
  INTERPRETER {
    @Override
    public ExecutionResult run(Workload w, ExecutionInfo info) {
      Interpreter.Started started = Interpreter.start(w.machine(), info, w.input(), SEED, false);
      var state = started.state();
      if (state.status() == ExecutionStatus.RUNNING) {
        throw new IllegalStateException(w.name() + " did not finish in its first step (it waits"
            + " for a task or a timer): run it with --path express");
      }
      return new ExecutionResult(state.status(), state.output(), state.error(), state.cause(),
          List.of(), state.transitions());
    }
  },

  /** {@link ExpressRunner} on a virtual clock: what StartSyncExecution and statecraft run use. */
  EXPRESS {
    private final ExpressRunner runner = new ExpressRunner(List.of());

    @Override
    public ExecutionResult run(Workload w, ExecutionInfo info) throws InterruptedException {
      return runner.run(w.machine(), w.input(),
          new ExpressRunner.Options(info, TimeSource.virtual(info.startMillis()), false, SEED));
    }
  };

  private static final long SEED = 42;

  /** One fixed identity for every execution: the ARN is not what is being measured. */
  public static final ExecutionInfo IDENTITY = new ExecutionInfo(
      "arn:aws:states:us-east-1:123456789012:express:bench:run:00000000-0000-0000-0000-000000000000",
      "run", "arn:aws:states:us-east-1:123456789012:stateMachine:bench", "bench",
      "arn:aws:iam::123456789012:role/statecraft-bench", 1_700_000_000_000L, null);

  /** Runs one execution of the workload with the given identity. */
  public abstract ExecutionResult run(Workload w, ExecutionInfo info) throws InterruptedException;

  /** The interpreter path when one step runs the workload to its end, else the Express runner. */
  public static ExecutionPath fastestFor(Workload w, ExecutionInfo info) {
    var started = Interpreter.start(w.machine(), info, w.input(), SEED, false);
    return started.state().status() == ExecutionStatus.RUNNING ? EXPRESS : INTERPRETER;
  }
}
