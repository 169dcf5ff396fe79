package dev.statecraft.asl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statecraft.asl.parse.DefinitionReader;
import dev.statecraft.asl.parse.ModelBuilder;
import dev.statecraft.asl.parse.ReadResult;
import dev.statecraft.asl.parse.SourceMap;
import dev.statecraft.asl.validate.Diagnostic;
import dev.statecraft.asl.validate.DiagnosticCodes;
import dev.statecraft.asl.validate.SchemaCheck;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Entry point of the parser: reads a definition (JSON or YAML), checks it against the ASL JSON
 * Schema and the language's semantic rules, and builds the immutable model. A user's mistake never
 * throws: it comes back as diagnostics, each placed at its line and column in the source.
 */
public final class Asl {
  private static final DefinitionReader READER = new DefinitionReader();

  private Asl() {}

  /** Parses and validates a definition given as JSON or YAML text. */
  public static ParseResult parse(String source) {
    return parse(READER.read(source));
  }

  /** Parses and validates a definition given as UTF-8 bytes (JSON or YAML). */
  public static ParseResult parse(byte[] source) {
    return parse(READER.read(source));
  }

  private static ParseResult parse(ReadResult read) {
    if (!read.ok()) {
      return new ParseResult(null, List.of(read.error()));
    }
    return check(read.root(), read.sourceMap());
  }

  /** Validates an already-read definition tree (positions unknown). */
  public static ParseResult parse(JsonNode root) {
    return check(root, null);
  }

  private static ParseResult check(JsonNode root, SourceMap positions) {
    ModelBuilder.Result r = ModelBuilder.build(root);
    List<Diagnostic> diagnostics =
        new ArrayList<>(withoutEchoes(SchemaCheck.shared().check(root), r.diagnostics()));
    diagnostics.addAll(r.diagnostics());
    if (positions != null) {
      diagnostics.replaceAll(positions::place);
    }
    boolean valid = diagnostics.stream().noneMatch(Diagnostic::isError);
    // Errors first, then warnings; each group in the order found.
    diagnostics.sort(Comparator.comparing(d -> d.isError() ? 0 : 1));
    return new ParseResult(valid ? r.machine() : null, diagnostics);
  }

  /**
   * The schema's findings minus those about a field the semantic pass already refused for the
   * query language: a JSONPath-only field in a JSONata state should not be there at all, so its
   * shape is beside the point and reporting it too would double the one problem.
   */
  private static List<Diagnostic> withoutEchoes(List<Diagnostic> schema, List<Diagnostic> semantic) {
    List<String> refusedFields = semantic.stream()
        .filter(d -> d.code().equals(DiagnosticCodes.INVALID_QUERY_LANGUAGE_FIELD))
        .map(Diagnostic::pointer)
        .toList();
    return schema.stream()
        .filter(d -> refusedFields.stream().noneMatch(
            f -> d.pointer().equals(f) || d.pointer().startsWith(f + "/")))
        .toList();
  }
}
