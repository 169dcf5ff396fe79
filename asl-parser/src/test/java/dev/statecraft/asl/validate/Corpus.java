package dev.statecraft.asl.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Reads the shared conformance corpus (../shared/conformance), located by surefire's property. */
final class Corpus {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final YAMLMapper YAML = new YAMLMapper();

  private Corpus() {}

  static Path conformance() {
    String shared = System.getProperty("statecraft.shared", "../../shared");
    return Path.of(shared, "conformance");
  }

  /** The files of a directory with the given suffixes, sorted by name. */
  static List<Path> files(Path dir, String... suffixes) {
    try (Stream<Path> listing = Files.list(dir)) {
      return listing
          .filter(p -> Stream.of(suffixes).anyMatch(s -> p.getFileName().toString().endsWith(s)))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A definition file: YAML when it ends in .yaml/.yml, JSON otherwise. */
  static JsonNode read(Path file) throws IOException {
    String name = file.getFileName().toString();
    return name.endsWith(".yaml") || name.endsWith(".yml") ? YAML.readTree(file.toFile())
        : JSON.readTree(file.toFile());
  }
}
