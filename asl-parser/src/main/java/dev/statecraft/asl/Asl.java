package dev.statecraft.asl;

import dev.statecraft.asl.parse.DefinitionReader;
import dev.statecraft.asl.parse.ReadResult;
import java.util.List;

/**
 * Entry point of the parser: reads a definition (JSON or YAML), checks it against the ASL JSON
 * Schema and the language's semantic rules, and builds the immutable model. A user's mistake never
 * throws: it comes back as diagnostics.
 */
public final class Asl {
  private static final DefinitionReader READER = new DefinitionReader();

  private Asl() {}

  /** Parses and validates a definition given as JSON or YAML text. */
  public static ParseResult parse(String source) {
    ReadResult read = READER.read(source);
    if (!read.ok()) {
      return new ParseResult(null, List.of(read.error()));
    }
    // TODO model builder
    return new ParseResult(null, List.of());
  }
}
