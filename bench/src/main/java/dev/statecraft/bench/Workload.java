package dev.statecraft.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statecraft.asl.Asl;
import dev.statecraft.asl.ParseResult;
import dev.statecraft.asl.model.StateMachine;
import dev.statecraft.engine.core.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One benchmark workload from {@code ../shared/bench}: the parsed definition, its input and the
 * output every execution must produce.
 *
 * @param name the file's base name ({@code pass-chain-10})
 * @param machine the definition, parsed once
 * @param input the execution input, shared by every execution (the engine never mutates JSON)
 * @param expected the expected output
 */
record Workload(String name, StateMachine machine, JsonNode input, JsonNode expected) {

  /** Every workload in {@code bench/workloads} and {@code bench/workloads/compat}, by name. */
  static List<Workload> all(Path benchDir) {
    List<Workload> workloads = new ArrayList<>();
    for (Path dir : List.of(benchDir.resolve("workloads"), benchDir.resolve("workloads/compat"))) {
      try (Stream<Path> files = Files.list(dir)) {
        files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted()
            .forEach(f -> workloads.add(load(benchDir, f)));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list " + dir, e);
      }
    }
    return workloads;
  }

  /** The definition file of the named workload (base or compat), or null when there is none. */
  static Path find(Path benchDir, String name) {
    for (String dir : List.of("workloads/", "workloads/compat/")) {
      Path file = benchDir.resolve(dir + name + ".json");
      if (Files.isRegularFile(file)) {
        return file;
      }
    }
    return null;
  }

  static Workload load(Path benchDir, Path definition) {
    String file = definition.getFileName().toString();
    String name = file.substring(0, file.length() - ".json".length());
    ParseResult parsed = Asl.parse(read(definition));
    if (!parsed.valid()) {
      throw new IllegalStateException(definition + " is not a valid definition: " + parsed.errors());
    }
    return new Workload(name, parsed.machine(),
        Json.parse(read(benchDir.resolve("inputs/" + name + ".json"))),
        Json.parse(read(benchDir.resolve("expected/" + name + ".json"))));
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
