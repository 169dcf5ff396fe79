package dev.statecraft.asl;

import dev.statecraft.asl.validate.Diagnostic;
import java.util.List;

/**
 * Entry point of the parser: reads a definition (JSON or YAML), checks it against the ASL JSON
 * Schema and the language's semantic rules, and builds the immutable model. A user's mistake never
 * throws: it comes back as diagnostics.
 */
public final class Asl {
  private Asl() {}

  /** Parses and validates a definition given as JSON or YAML text. */
  public static ParseResult parse(String source) {
    // Placeholder until the model builder lands.
    return new ParseResult(null, List.of(Diagnostic.error("NOT_IMPLEMENTED", "", "parser not ready")));
  }
}
