package dev.statecraft.asl.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.statecraft.asl.validate.Diagnostic;
import dev.statecraft.asl.validate.DiagnosticCodes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Bad input: exactly one ERROR, placed at a line and column, and quickly. */
class DefinitionReaderRefusalsTest {
  private static final Duration QUICKLY = Duration.ofSeconds(1);

  private final DefinitionReader reader = new DefinitionReader();

  private Diagnostic refused(String source) {
    ReadResult result = assertTimeoutPreemptively(QUICKLY, () -> reader.read(source));
    assertThat(result.ok()).isFalse();
    assertThat(result.root()).isNull();
    assertThat(result.error().isError()).isTrue();
    return result.error();
  }

  private static void assertAt(Diagnostic d, String code, int line, int column) {
    assertThat(d.code()).isEqualTo(code);
    assertThat(d.line()).as("line of " + d.format()).isEqualTo(line);
    assertThat(d.column()).as("column of " + d.format()).isEqualTo(column);
  }

  @Test
  void malformedJsonIsPlacedWhereTheParserStopped() {
    Diagnostic d = refused("{\n  \"StartAt\": \"A\",\n  \"States\": }\n}");

    assertAt(d, DiagnosticCodes.INVALID_JSON_DESCRIPTION, 3, 13);
    assertThat(d.message()).startsWith("invalid JSON: Unexpected character ('}'")
        .doesNotContain("\n").doesNotContain("Source:");
  }

  @Test
  void truncatedJsonIsRefused() {
    Diagnostic d = refused("{\"a\": [1, 2");

    assertThat(d.code()).isEqualTo(DiagnosticCodes.INVALID_JSON_DESCRIPTION);
    assertThat(d.line()).isEqualTo(1);
    assertThat(d.message()).contains("end-of-input").doesNotContain("Source:");
  }

  @Test
  void contentAfterTheJsonDocumentIsRefused() {
    assertAt(refused("{}\n{}"), DiagnosticCodes.INVALID_JSON_DESCRIPTION, 2, 1);
    assertAt(refused("{} x"), DiagnosticCodes.INVALID_JSON_DESCRIPTION, 1, 4);
  }

  @Test
  void malformedYamlIsPlacedAtTheProblemWithoutSnakeYamlsExcerpt() {
    Diagnostic d = refused("StartAt: A\nStates:\n  A:\n    Type: Pass\n      End: true\n");

    assertAt(d, DiagnosticCodes.INVALID_JSON_DESCRIPTION, 5, 10);
    assertThat(d.message()).isEqualTo("invalid YAML: mapping values are not allowed here");
  }

  @Test
  void emptyInputIsRefused() {
    assertAt(refused(""), DiagnosticCodes.INVALID_JSON_DESCRIPTION, 1, 1);
    assertThat(refused("# nothing\n").message()).isEqualTo("the definition is empty");
  }

  @Test
  void definitionsOverOneMebibyteAreRefused() {
    String big = "{\"Comment\": \"" + "x".repeat(DefinitionReader.MAX_BYTES) + "\"}";
    assertAt(refused(big), DiagnosticCodes.DEFINITION_TOO_LARGE, 1, 1);

    // 600,000 two-byte characters are under the limit as chars, over it as UTF-8.
    String wide = "{\"Comment\": \"" + "\u00e9".repeat(600_000) + "\"}";
    assertThat(refused(wide).code()).isEqualTo(DiagnosticCodes.DEFINITION_TOO_LARGE);

    ReadResult bytes = reader.read(big.getBytes(StandardCharsets.UTF_8));
    assertThat(bytes.error().code()).isEqualTo(DiagnosticCodes.DEFINITION_TOO_LARGE);
  }

  @Test
  void nestingUpToTheLimitIsRead() {
    int depth = DefinitionReader.MAX_DEPTH;
    assertThat(reader.read("[".repeat(depth) + "]".repeat(depth)).ok()).isTrue();
    assertThat(refused("[".repeat(depth + 1) + "]".repeat(depth + 1)).code())
        .isEqualTo(DiagnosticCodes.NESTING_TOO_DEEP);
  }

  @Test
  void tenThousandDeepJsonIsRefusedQuickly() {
    String deep = "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000);

    assertAt(refused(deep), DiagnosticCodes.NESTING_TOO_DEEP, 1, 5 * DefinitionReader.MAX_DEPTH + 1);
  }

  @Test
  void tenThousandDeepYamlIsRefusedQuickly() {
    assertThat(refused("a: " + "[".repeat(10_000) + "]".repeat(10_000)).code())
        .isEqualTo(DiagnosticCodes.NESTING_TOO_DEEP);
    // Block style: "- - - ... x" nests one sequence per dash.
    assertThat(refused("- ".repeat(10_000) + "x\n").code())
        .isEqualTo(DiagnosticCodes.NESTING_TOO_DEEP);
    assertThat(refused("a: " + "{b: ".repeat(10_000) + "1" + "}".repeat(10_000)).code())
        .isEqualTo(DiagnosticCodes.NESTING_TOO_DEEP);
  }

  @Test
  void duplicateKeysAreReportedAtTheSecondKey() {
    Diagnostic json = refused("{\n  \"States\": {\n    \"A\": {},\n    \"A\": {}\n  }\n}");
    assertAt(json, DiagnosticCodes.DUPLICATE_KEY, 4, 5);
    assertThat(json.pointer()).isEqualTo("/States/A");

    Diagnostic yaml = refused("States:\n  A: {}\n  B: {}\n  A: {}\n");
    assertAt(yaml, DiagnosticCodes.DUPLICATE_KEY, 4, 3);
    assertThat(yaml.pointer()).isEqualTo("/States/A");
  }

  @Test
  void yamlAliasBombIsRefusedQuickly() {
    StringBuilder bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for (char c = 'b'; c <= 'z'; c++) {
      char prev = (char) (c - 1);
      bomb.append(c).append(": &").append(c).append(" [")
          .append(("*" + prev + ",").repeat(9), 0, 27).append("]\n");
    }
    Diagnostic d = refused(bomb.toString());

    assertAt(d, DiagnosticCodes.INVALID_JSON_DESCRIPTION, 2, 8);
    assertThat(d.message()).contains("aliases");
  }

  @Test
  void anySingleAliasIsRefused() {
    Diagnostic d = refused("Base: &base {Type: Pass}\nCopy: *base\n");

    assertAt(d, DiagnosticCodes.INVALID_JSON_DESCRIPTION, 2, 7);
    assertThat(d.message()).isEqualTo("YAML aliases (*base) are not supported");
  }

  @Test
  void multiDocumentYamlIsRefused() {
    Diagnostic d = refused("StartAt: A\n---\nStartAt: B\n");

    assertAt(d, DiagnosticCodes.INVALID_JSON_DESCRIPTION, 3, 1);
    assertThat(d.message()).contains("one YAML document");
  }

  @Test
  void yamlKeysMustBeScalars() {
    Diagnostic d = refused("? [a, b]\n: 1\n");

    assertThat(d.code()).isEqualTo(DiagnosticCodes.INVALID_JSON_DESCRIPTION);
    assertThat(d.line()).isEqualTo(1);
    assertThat(d.message()).contains("keys must be strings");
  }

  @Test
  void yamlValuesWithoutAJsonEquivalentAreRefused() {
    assertThat(refused("x: !!binary aGVsbG8=\n").message()).contains("no JSON equivalent");
  }

  @Test
  void invalidUtf8IsPlacedAtTheBadByte() {
    byte[] bytes = {'{', '\n', ' ', '"', 'a', '"', ':', ' ', '"', (byte) 0xC3, '"', '}'};
    ReadResult result = reader.read(bytes);

    assertAt(result.error(), DiagnosticCodes.INVALID_JSON_DESCRIPTION, 2, 8);
  }
}
