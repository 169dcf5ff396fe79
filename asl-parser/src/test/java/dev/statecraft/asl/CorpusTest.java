package dev.statecraft.asl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.statecraft.asl.validate.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Walks the shared corpora: every definition that ran on AWS must validate, every definition in
 * validation/invalid must get at least one ERROR.
 */
class CorpusTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static Path shared() {
    return Path.of(System.getProperty("statecraft.shared", "../../shared"));
  }

  private static List<Path> files(Path dir, String... exts) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> Stream.of(exts).anyMatch(e -> p.toString().endsWith(e))).sorted()
          .toList();
    }
  }

  @Test
  void everyConformanceDefinitionValidates() throws IOException {
    List<String> failures = new ArrayList<>();
    List<Path> cases = files(shared().resolve("conformance/cases"), ".json");
    for (Path p : cases) {
      JsonNode def = JSON.readTree(p.toFile()).get("definition");
      ParseResult r = Asl.parse(def);
      if (!r.valid()) {
        failures.add(p.getFileName() + ": " + r.errors().stream().map(Diagnostic::format).toList());
      }
    }
    System.out.println("conformance definitions: " + (cases.size() - failures.size()) + "/"
        + cases.size() + " valid");
    assertThat(failures).isEmpty();
  }

  @Test
  void validCorpusValidates() throws IOException {
    List<String> failures = new ArrayList<>();
    List<Path> files = files(shared().resolve("conformance/validation/valid"), ".json", ".yaml",
        ".yml");
    for (Path p : files) {
      ParseResult r = Asl.parse(Files.readString(p));
      if (!r.valid()) {
        failures.add(p.getFileName() + ": " + r.errors().stream().map(Diagnostic::format).toList());
      }
    }
    System.out.println("valid corpus: " + (files.size() - failures.size()) + "/" + files.size());
    assertThat(failures).isEmpty();
  }

  @Test
  void invalidCorpusIsRefused() throws IOException {
    List<String> missed = new ArrayList<>();
    List<Path> files = files(shared().resolve("conformance/validation/invalid"), ".json", ".yaml");
    for (Path p : files) {
      ParseResult r = Asl.parse(Files.readString(p));
      if (r.valid()) {
        missed.add(p.getFileName().toString());
      }
    }
    System.out.println("invalid corpus refused: " + (files.size() - missed.size()) + "/"
        + files.size() + (missed.isEmpty() ? "" : " missed " + missed));
    assertThat(missed).isEmpty();
  }
}
