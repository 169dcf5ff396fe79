package dev.statecraft.engine.bench;

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
 * @param expected the expected output, or null when any successful output will do
 */
public record Workload(String name, StateMachine machine, JsonNode input, JsonNode expected) {

  /** Every workload in {@code bench/workloads} and {@code bench/workloads/compat}, by name. */
  public static List<Workload> all(Path benchDir) {
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
  public static Path find(Path benchDir, String name) {
    for (String dir : List.of("workloads/", "workloads/compat/")) {
      Path file = benchDir.resolve(dir + name + ".json");
      if (Files.isRegularFile(file)) {
        return file;
      }
    }
    return null;
  }

  /** The named definition file of {@code benchDir/workloads} with its input and expected output. */
  public static Workload load(Path benchDir, Path definition) {
    String name = baseName(definition);
    return of(name, definition, read(benchDir.resolve("inputs/" + name + ".json")),
        read(benchDir.resolve("expected/" + name + ".json")));
  }

  /**
   * A workload from a definition file, the input text and, when not null, the expected output
   * text; the definition must be valid.
   */
  public static Workload of(String name, Path definition, String input, String expected) {
    ParseResult parsed = Asl.parse(read(definition));
    if (!parsed.valid()) {
      throw new IllegalStateException(definition + " is not a valid definition: " + parsed.errors());
    }
    return new Workload(name, parsed.machine(), Json.parse(input),
        expected == null ? null : Json.parse(expected));
  }

  /** A file's name without its extension ({@code pass-chain-10} for {@code pass-chain-10.json}). */
  public static String baseName(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  /** The text of a file, or an unchecked error that names it. */
  public static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
