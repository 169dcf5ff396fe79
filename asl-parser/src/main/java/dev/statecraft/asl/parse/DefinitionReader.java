package dev.statecraft.asl.parse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.statecraft.asl.validate.Diagnostic;
import dev.statecraft.asl.validate.DiagnosticCodes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads a state machine definition, JSON or YAML, into a Jackson tree that remembers where each
 * node stood in the source.
 *
 * <p>Text whose first non-blank character is {@code {} or {@code [} is read as JSON, anything else
 * as YAML. Reading never throws for bad input and never lets it exhaust the stack or the heap: the
 * definition is refused with exactly one ERROR diagnostic, placed at a line and column, when it is
 * larger than {@link #MAX_BYTES}, nested deeper than {@link #MAX_DEPTH}, malformed, has a
 * duplicate key, uses YAML aliases, or holds more than one YAML document.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class DefinitionReader {
  /** Largest definition accepted, in UTF-8 bytes: AWS's own limit is 1 MiB. */
  public static final int MAX_BYTES = 1024 * 1024;

  /** Deepest nesting of objects and arrays accepted; real definitions stay far below it. */
  public static final int MAX_DEPTH = 200;

  // Jackson's parse messages name their source as "[Source: ...; line: 3, column: 7]".
  private static final Pattern SOURCE_REF =
      Pattern.compile("\\[Source: [^;\\]]*(?:\\][^;\\]]*)?; line: (\\d+), column: (\\d+)\\]");

  private final JsonFactory json = new JsonFactory();
  private final YAMLFactory yaml = YAMLFactory.builder()
      .loaderOptions(loaderOptions())
      .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)
      .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
      .build();

  private static LoaderOptions loaderOptions() {
    LoaderOptions options = new LoaderOptions();
    // Our size check runs first; this is SnakeYAML's own guard should a caller bypass it.
    options.setCodePointLimit(MAX_BYTES);
    // Aliases are refused while reading; these only matter if Jackson ever starts expanding them.
    options.setMaxAliasesForCollections(0);
    options.setAllowRecursiveKeys(false);
    return options;
  }

  /** Reads a definition given as UTF-8 bytes. */
  public ReadResult read(byte[] source) {
    if (source.length > MAX_BYTES) {
      return tooLarge();
    }
    ByteBuffer in = ByteBuffer.wrap(source);
    CharBuffer out = CharBuffer.allocate(source.length);
    CoderResult result = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(in, out, true);
    if (result.isError()) {
      return notUtf8(source, in.position());
    }
    return readText(out.flip().toString());
  }

  private static ReadResult notUtf8(byte[] source, int offset) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < offset; i++) {
      if (source[i] == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    // The column counts bytes: close enough for pointing at a bad byte, which has no character.
    return ReadResult.failure(Diagnostic.error(DiagnosticCodes.INVALID_JSON_DESCRIPTION, "",
            "the definition is not valid UTF-8")
        .at(line, offset - lineStart + 1));
  }

  /** Reads a definition given as text. */
  public ReadResult read(String source) {
    return utf8Length(source) > MAX_BYTES ? tooLarge() : readText(source);
  }

  private ReadResult readText(String source) {
    // A byte order mark is not content; editors do not count it as a column either.
    String text = source.startsWith("\uFEFF") ? source.substring(1) : source;
    boolean isJson = looksLikeJson(text);
    JsonParser parser;
    try {
      parser = isJson ? json.createParser(text) : yaml.createParser(text);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read from a String", e); // no I/O happens here
    }
    try (parser) {
      return new TreeBuilder(parser).build();
    } catch (TreeBuilder.Refusal e) {
      return ReadResult.failure(e.diagnostic);
    } catch (IOException | RuntimeException e) {
      // Jackson wraps SnakeYAML's errors, and an odd input may still surface as a bare runtime
      // exception from deep inside either parser: all of them mean "this is not a definition".
      return ReadResult.failure(malformed(e, isJson, parser.currentLocation()));
    }
  }

  private static boolean looksLikeJson(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!Character.isWhitespace(c)) {
        return c == '{' || c == '[';
      }
    }
    return false;
  }

  /** One diagnostic for a parser's complaint, at the place it names, in one clean line. */
  private static Diagnostic malformed(Exception e, boolean isJson, JsonLocation fallback) {
    MarkedYAMLException marked = findCause(e, MarkedYAMLException.class);
    String message;
    int line = 0;
    int column = 0;
    if (marked != null) {
      // SnakeYAML's own message spans several lines with a source excerpt; keep the problem.
      message = marked.getProblem()
          + (marked.getContext() != null ? " (" + marked.getContext() + ")" : "");
      Mark mark = marked.getProblemMark() != null ? marked.getProblemMark() : marked.getContextMark();
      if (mark != null) {
        line = mark.getLine() + 1;
        column = mark.getColumn() + 1;
      }
    } else {
      JsonProcessingException jpe = e instanceof JsonProcessingException j ? j : null;
      message = jpe != null ? jpe.getOriginalMessage() : e.getMessage();
      if (message == null) {
        message = e.getClass().getSimpleName();
      }
      message = SOURCE_REF.matcher(message).replaceAll("line $1, column $2");
      JsonLocation location = jpe != null ? jpe.getLocation() : null;
      if (location == null || location.getLineNr() <= 0) {
        location = fallback; // e.g. a StreamConstraintsException carries no location
      }
      if (location != null) {
        line = Math.max(0, location.getLineNr());
        column = Math.max(0, location.getColumnNr());
      }
    }
    if (message.startsWith("Expected a field name")) {
      // Jackson's wording names a SnakeYAML event class; the rule it enforces is simple.
      message = "keys must be strings, not sequences, mappings or aliases";
    }
    String clean = message.replaceAll("\\s+", " ").trim();
    return Diagnostic.error(DiagnosticCodes.INVALID_JSON_DESCRIPTION, "",
            (isJson ? "invalid JSON: " : "invalid YAML: ") + clean)
        .at(line, column);
  }

  private static <T extends Throwable> T findCause(Throwable e, Class<T> type) {
    // Bounded: a cause chain is short, but a cyclic one must not loop forever.
    for (int i = 0; e != null && i < 10; i++, e = e.getCause()) {
      if (type.isInstance(e)) {
        return type.cast(e);
      }
    }
    return null;
  }

  private static ReadResult tooLarge() {
    return ReadResult.failure(Diagnostic.error(DiagnosticCodes.DEFINITION_TOO_LARGE, "",
            "the definition is larger than " + MAX_BYTES + " bytes")
        .at(1, 1));
  }

  /** UTF-8 length of {@code s}, or just its char count when that alone is over the limit. */
  private static int utf8Length(String s) {
    if (s.length() > MAX_BYTES) {
      return s.length(); // every char takes at least one byte
    }
    int bytes = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c)) {
        bytes += 2; // with its low surrogate, four bytes for the pair
      } else {
        bytes += Character.isLowSurrogate(c) ? 2 : 3;
      }
    }
    return bytes;
  }
}
