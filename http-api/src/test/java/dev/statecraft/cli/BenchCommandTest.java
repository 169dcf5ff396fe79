package dev.statecraft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A few executions of {@code statecraft bench}: the shape of its line, not its figures. */
class BenchCommandTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Path BENCH =
      Path.of(System.getProperty("statecraft.shared", "../../shared")).resolve("bench");

  @TempDir Path dir;

  private record Run(int exitCode, String out, String err) {
    JsonNode json() throws IOException {
      assertThat(out.lines().count()).as("one line on stdout: %s / %s", out, err).isEqualTo(1);
      return MAPPER.readTree(out);
    }
  }

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = StatecraftCommand.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  private static String[] workload(String name, String... more) {
    String[] base = {"bench", BENCH.resolve("workloads/" + name + ".json").toString(),
        "--input-file", BENCH.resolve("inputs/" + name + ".json").toString(),
        "--expected", BENCH.resolve("expected/" + name + ".json").toString(), "--warmup", "0"};
    String[] all = new String[base.length + more.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return all;
  }

  @Test
  void expressPrintsOneLineOfFiguresForExactlyTheIterations() throws IOException {
    Run r = run(workload("pass-chain-10", "--iterations", "200", "--concurrency", "2"));

    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode line = r.json();
    assertThat(line.get("workload").asText()).isEqualTo("pass-chain-10");
    assertThat(line.get("mode").asText()).isEqualTo("express");
    assertThat(line.get("executions").asLong()).isEqualTo(200);
    assertThat(line.get("transitions_per_execution").asLong()).isEqualTo(10);
    assertThat(line.get("executions_per_s").asDouble()).isPositive();
    assertThat(line.get("transitions_per_s").asDouble())
        .isCloseTo(10 * line.get("executions_per_s").asDouble(),
            org.assertj.core.data.Percentage.withPercentage(1));
    assertThat(line.get("p99_ms").asDouble()).isGreaterThanOrEqualTo(line.get("p50_ms").asDouble());
    assertThat(line.get("heap_mb").asDouble()).isPositive();
  }

  @Test
  void standardRunsDurablyOnFileH2AndStoresTheHistory() throws IOException {
    Path data = dir.resolve("data");

    Run r = run(workload("parallel-4x5", "--iterations", "20", "--mode", "standard",
        "--data", data.toString()));

    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode line = r.json();
    assertThat(line.get("mode").asText()).isEqualTo("standard");
    assertThat(line.get("executions").asLong()).isEqualTo(20);
    assertThat(line.get("transitions_per_execution").asLong()).isEqualTo(21);
    // Started, 21 states entered and exited, the Parallel's own events, succeeded.
    assertThat(line.get("history_events_per_execution").asLong()).isGreaterThan(40);
    try (var files = Files.list(data)) {
      assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.endsWith(".mv.db"));
    }
  }

  @Test
  void aWrongOutputFailsTheRun() throws IOException {
    Path wrong = Files.writeString(dir.resolve("wrong.json"), "{\"n\":1}");

    Run r = run("bench", BENCH.resolve("workloads/catch-retry.json").toString(),
        "--input-file", BENCH.resolve("inputs/catch-retry.json").toString(),
        "--expected", wrong.toString(), "--iterations", "5", "--warmup", "0");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("wrong output");
  }

  @Test
  void badOptionsAndFilesAreUsageErrors() throws IOException {
    assertThat(run(workload("pass-chain-10", "--mode", "turbo")).exitCode()).isEqualTo(2);
    assertThat(run(workload("pass-chain-10", "--iterations", "0")).exitCode()).isEqualTo(2);
    assertThat(run("bench", dir.resolve("missing.json").toString()).exitCode()).isEqualTo(2);
    Path invalid = Files.writeString(dir.resolve("invalid.json"), "{\"StartAt\":\"X\",\"States\":{}}");
    assertThat(run("bench", invalid.toString()).exitCode()).isEqualTo(2);
  }
}
