package dev.statecraft.asl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.statecraft.asl.validate.Diagnostic;
import dev.statecraft.asl.validate.DiagnosticCodes;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The reader's refusals hold through the public entry point: a hostile definition gets one
 * diagnostic, no model, and no StackOverflowError, OOM or hang (the bound is generous; the work
 * itself takes milliseconds).
 */
class AslBadInputTest {
  private static final Duration QUICKLY = Duration.ofSeconds(1);

  private static Diagnostic refused(String source) {
    ParseResult r = assertTimeoutPreemptively(QUICKLY, () -> Asl.parse(source));
    assertThat(r.machine()).isNull();
    assertThat(r.diagnostics()).hasSize(1);
    return r.diagnostics().get(0);
  }

  @Test
  void tenThousandDeepJsonIsRefused() {
    String deep = "{\"StartAt\":\"S\",\"States\":{\"S\":{\"Type\":\"Pass\",\"End\":true,"
        + "\"Result\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}}}";
    assertThat(refused(deep).code()).isEqualTo(DiagnosticCodes.NESTING_TOO_DEEP);
  }

  @Test
  void tenThousandDeepYamlIsRefused() {
    String deep = "StartAt: S\nStates:\n  S:\n    Type: Pass\n    End: true\n    Result: "
        + "{a: ".repeat(10_000) + "1" + "}".repeat(10_000) + "\n";
    assertThat(refused(deep).code()).isEqualTo(DiagnosticCodes.NESTING_TOO_DEEP);
  }

  @Test
  void yamlAliasBombIsRefused() {
    StringBuilder bomb = new StringBuilder("StartAt: S\nStates:\n  S: {Type: Succeed}\n"
        + "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (char c = 'b'; c <= 'z'; c++) {
      char prev = (char) (c - 1);
      bomb.append(c).append(": &").append(c).append(" [")
          .append(String.join(", ", java.util.Collections.nCopies(9, "*" + prev))).append("]\n");
    }
    Diagnostic d = refused(bomb.toString());
    assertThat(d.isError()).isTrue();
    assertThat(d.message()).contains("aliases");
    assertThat(d.line()).isPositive();
  }

  @Test
  void theSameDepthAsBytesIsRefusedToo() {
    byte[] deep = ("{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000))
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    ParseResult r = assertTimeoutPreemptively(QUICKLY, () -> Asl.parse(deep));
    assertThat(r.diagnostics()).extracting(Diagnostic::code)
        .containsExactly(DiagnosticCodes.NESTING_TOO_DEEP);
  }
}
