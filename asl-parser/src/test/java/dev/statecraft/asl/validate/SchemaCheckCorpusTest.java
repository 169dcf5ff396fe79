package dev.statecraft.asl.validate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The schema against definitions whose verdict is known: every definition AWS accepted must pass,
 * and the structurally broken ones of validation/invalid must be caught. The rest of
 * validation/invalid is semantic (caught by the semantic checks), so here it is only counted.
 */
class SchemaCheckCorpusTest {
  private final SchemaCheck check = SchemaCheck.shared();

  /** invalid/ files whose fault is structural, and a fragment of the message we must give. */
  private static final Map<String, String> STRUCTURAL =
      Map.ofEntries(
          Map.entry("aslv-choice-state.json", "Choice rule has an unknown field 'End'"),
          Map.entry("aslv-error-equals-type.json", "Element 0 of 'ErrorEquals' must be a string"),
          Map.entry("aslv-error-equals.json", "The field 'ErrorEquals' is required but was missing"),
          Map.entry("aslv-exercise-ajv-additional-properties.json",
              "Pass state has an unknown field 'bugInputPath'"),
          Map.entry("aslv-map-missing-iterator.json",
              "The field 'ItemProcessor' is required but was missing"),
          Map.entry("aslv-map-tolerated-value.json", "'ToleratedFailurePercentage' must be at most 100"),
          Map.entry("aslv-parallel-branch-type.json", "Element 0 of 'Branches' must be an object"),
          Map.entry("aslv-parallel-missing-branches.json",
              "The field 'Branches' is required but was missing"),
          Map.entry("aslv-task-credentials-no-rolearn.json",
              "The field 'RoleArn' is required but was missing"),
          Map.entry("aslv-task-credentials-null.json", "'Credentials' must be an object"),
          Map.entry("aslv-task-credentials-object.json",
              "The field 'RoleArn' is required but was missing"),
          Map.entry("aws-sfwc-shared-fallback-state-jsonata.json",
              "State 'QueryLanguage' must be an object"));

  /** Deliberately malformed JSON: a parse error, not a schema matter. */
  private static final String MALFORMED = "aws-sfwc-sfn-iot-data-analytics-dataset.json";

  @Test
  void everyDefinitionRecordedAgainstAwsPasses() throws IOException {
    List<Path> cases = Corpus.files(Corpus.conformance().resolve("cases"), ".json");
    List<String> failures = new ArrayList<>();
    for (Path file : cases) {
      JsonNode definition = Corpus.read(file).get("definition");
      describeFailure(file, check.check(definition)).ifPresent(failures::add);
    }
    System.out.printf("schema: %d recorded cases checked, %d rejected%n", cases.size(), failures.size());
    assertThat(cases).hasSizeGreaterThan(600);
    assertThat(failures).as("definitions AWS accepted but the schema rejects").isEmpty();
  }

  @Test
  void everyValidCorpusFilePasses() throws IOException {
    Path dir = Corpus.conformance().resolve("validation/valid");
    List<Path> files = Corpus.files(dir, ".json", ".yaml");
    List<String> failures = new ArrayList<>();
    for (Path file : files) {
      describeFailure(file, check.check(Corpus.read(file))).ifPresent(failures::add);
    }
    System.out.printf("schema: %d valid files checked, %d rejected%n", files.size(), failures.size());
    assertThat(files).hasSize(110);
    assertThat(failures).as("valid definitions the schema rejects").isEmpty();
  }

  @Test
  void structuralFaultsInInvalidCorpusAreCaught() throws IOException {
    Path dir = Corpus.conformance().resolve("validation/invalid");
    Map<String, List<Diagnostic>> results = new TreeMap<>();
    for (Path file : Corpus.files(dir, ".json")) {
      String name = file.getFileName().toString();
      if (!name.equals(MALFORMED)) {
        results.put(name, check.check(Corpus.read(file)));
      }
    }
    long caught = results.values().stream().filter(d -> !d.isEmpty()).count();
    System.out.printf("schema alone catches %d of %d invalid files (the rest are semantic)%n",
        caught, results.size());
    results.forEach((name, diagnostics) -> System.out.printf("  %-55s %s%n", name,
        diagnostics.isEmpty() ? "-" : diagnostics.get(0).message()));

    assertThat(results).containsKeys(STRUCTURAL.keySet().toArray(String[]::new));
    STRUCTURAL.forEach((name, expected) -> assertThat(results.get(name))
        .as(name)
        .extracting(Diagnostic::message)
        .anySatisfy(message -> assertThat(message).contains(expected)));
  }

  private static java.util.Optional<String> describeFailure(Path file, List<Diagnostic> found) {
    if (found.isEmpty()) {
      return java.util.Optional.empty();
    }
    StringBuilder text = new StringBuilder(file.getFileName().toString());
    found.forEach(d -> text.append("\n    ").append(d.pointer()).append(": ").append(d.message()));
    return java.util.Optional.of(text.toString());
  }
}
