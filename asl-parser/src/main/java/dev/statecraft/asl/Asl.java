package dev.statecraft.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.statecraft.asl.parse.ModelBuilder;
import dev.statecraft.asl.validate.Diagnostic;
import dev.statecraft.asl.validate.DiagnosticCodes;
import dev.statecraft.asl.validate.SchemaCheck;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Entry point of the parser: reads a definition (JSON or YAML), checks it against the ASL JSON
 * Schema and the language's semantic rules, and builds the immutable model. A user's mistake never
 * throws: it comes back as diagnostics.
 */
public final class Asl {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Asl() {}

  /** Parses and validates a definition given as JSON or YAML text. */
  public static ParseResult parse(String source) {
    JsonNode root;
    try {
      root = JSON.readTree(source);
    } catch (Exception e) {
      return new ParseResult(null, List.of(Diagnostic.error(
          DiagnosticCodes.INVALID_JSON_DESCRIPTION, "", e.getMessage())));
    }
    return parse(root);
  }

  /** Validates an already-read definition tree. */
  public static ParseResult parse(JsonNode root) {
    List<Diagnostic> diagnostics = new ArrayList<>(SchemaCheck.shared().check(root));
    ModelBuilder.Result r = ModelBuilder.build(root);
    diagnostics.addAll(r.diagnostics());
    boolean valid = diagnostics.stream().noneMatch(Diagnostic::isError);
    // Errors first, then warnings; each group in document order as found.
    diagnostics.sort(Comparator.comparing(d -> d.isError() ? 0 : 1));
    return new ParseResult(valid ? r.machine() : null, diagnostics);
  }
}
