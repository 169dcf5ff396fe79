package dev.statecraft.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statecraft.engine.bench.ExecutionPath;
import dev.statecraft.engine.bench.Measurement;
import dev.statecraft.engine.bench.Workload;
import dev.statecraft.engine.core.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A fraction of a second of the harness, to keep it working; the figures belong to bench/express. */
class ExpressBenchSmokeTest {
  private static final Path SHARED = Path.of(System.getProperty("statecraft.shared", "../../shared"));

  @Test
  void printsOneCheckedJsonLinePerWorkload() throws InterruptedException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int code = ExpressBench.run(new String[] {"--workload", "pass-chain-10,catch-retry",
        "--seconds", "0.2", "--warmup", "0", "--threads", "1", "--shared", SHARED.toString()},
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
    assertThat(lines).hasSize(2);
    JsonNode pass = Json.parse(lines[0]);
    assertThat(pass.get("workload").asText()).isEqualTo("pass-chain-10");
    assertThat(pass.get("mode").asText()).isEqualTo("express");
    assertThat(pass.get("path").asText()).isEqualTo("interpreter");
    assertThat(pass.get("executions").asLong()).isPositive();
    assertThat(pass.get("transitions_per_execution").asLong()).isEqualTo(10);
    assertThat(pass.get("executions_per_s").asDouble()).isPositive();
    assertThat(pass.get("p99_ms").asDouble()).isGreaterThanOrEqualTo(pass.get("p50_ms").asDouble());
    assertThat(pass.get("heap_mb").asDouble()).isPositive();
    assertThat(Json.parse(lines[1]).get("transitions_per_execution").asLong()).isEqualTo(6);
  }

  @Test
  void theExpressRunnerPathGivesTheSameAnswers() throws InterruptedException {
    Workload w = Workload.load(SHARED.resolve("bench"),
        SHARED.resolve("bench/workloads/parallel-4x5.json"));

    Measurement.Figures f = new Measurement(w, "express", "express",
        () -> ExecutionPath.EXPRESS.run(w, ExpressBench.INFO), 1).run(0.1);

    assertThat(f.executions()).isPositive();
    assertThat(f.transitions()).isEqualTo(21 * f.executions());
  }

  @Test
  void aWrongAnswerFailsTheRun() {
    Workload real = Workload.load(SHARED.resolve("bench"),
        SHARED.resolve("bench/workloads/pass-chain-10.json"));
    Workload wrong = new Workload(real.name(), real.machine(), real.input(), Json.parse("{\"n\":1}"));

    assertThatThrownBy(() -> new Measurement(wrong, "express", "interpreter",
        () -> ExecutionPath.INTERPRETER.run(wrong, ExpressBench.INFO), 1).run(0.05)).hasMessageContaining("wrong output");
  }

  @Test
  void aCountBudgetRunsExactlyThatManyExecutions() throws InterruptedException {
    Workload w = Workload.load(SHARED.resolve("bench"),
        SHARED.resolve("bench/workloads/catch-retry.json"));

    Measurement.Figures f = new Measurement(w, "express", "interpreter",
        () -> ExecutionPath.INTERPRETER.run(w, ExpressBench.INFO), 2)
        .run(Measurement.Budget.executions(501));

    assertThat(f.executions()).isEqualTo(501);
    assertThat(f.sortedLatencyNanos()).hasSize(501);
    assertThat(f.transitions()).isEqualTo(6 * 501);
  }

  @Test
  void unknownWorkloadsAndOptionsAreUsageErrors() throws InterruptedException {
    PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    assertThat(ExpressBench.run(new String[] {"--workload", "nope", "--shared", SHARED.toString()},
        sink, sink)).isEqualTo(2);
    assertThat(ExpressBench.run(new String[] {"--bogus", "1"}, sink, sink)).isEqualTo(2);
    assertThat(ExpressBench.run(new String[] {"--threads", "x"}, sink, sink)).isEqualTo(2);
  }
}
