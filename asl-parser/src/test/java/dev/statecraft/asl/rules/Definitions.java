package dev.statecraft.asl.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.asl.Asl;
import dev.statecraft.asl.ParseResult;
import dev.statecraft.asl.validate.Diagnostic;
import java.util.List;

/**
 * Builds small definitions for rule tests and checks what the validator says about them. Text is
 * written with ' for " so definitions stay readable; it is parsed as text, so each diagnostic also
 * carries its line and column.
 */
final class Definitions {
  private Definitions() {}

  /** JSON written with ' for ". */
  static String json(String singleQuoted) {
    return singleQuoted.replace('\'', '"');
  }

  /** A JSONPath machine whose only state, "S", is {@code state}. */
  static String machine(String state) {
    return json("{'StartAt':'S','States':{'S':" + state + "}}");
  }

  /** A JSONata machine (top-level QueryLanguage) whose only state, "S", is {@code state}. */
  static String jsonata(String state) {
    return json("{'QueryLanguage':'JSONata','StartAt':'S','States':{'S':" + state + "}}");
  }

  /** A machine with the given states (a JSON object body) that starts at "S". */
  static String states(String members) {
    return json("{'StartAt':'S','States':{" + members + "}}");
  }

  /** A JSONata machine with the given states that starts at "S". */
  static String jsonataStates(String members) {
    return json("{'QueryLanguage':'JSONata','StartAt':'S','States':{" + members + "}}");
  }

  /** A Task state of the given extra fields (a JSON object body, may be empty) that ends. */
  static String task(String fields) {
    return "{'Type':'Task','Resource':'arn:aws:lambda:us-east-1:123456789012:function:f',"
        + "'End':true" + (fields.isEmpty() ? "" : "," + fields) + "}";
  }

  /** A Map state with an inline processor and the given extra fields. */
  static String map(String fields) {
    return "{'Type':'Map','End':true,'ItemProcessor':{'StartAt':'P','States':{'P':"
        + "{'Type':'Succeed'}}}" + (fields.isEmpty() ? "" : "," + fields) + "}";
  }

  static ParseResult parse(String source) {
    return Asl.parse(source);
  }

  /** Asserts the definition has no ERROR (warnings allowed) and returns the warnings. */
  static List<Diagnostic> assertValid(String source) {
    ParseResult r = parse(source);
    assertThat(r.errors()).as("errors of %s", source).isEmpty();
    assertThat(r.machine()).isNotNull();
    return r.diagnostics();
  }

  /**
   * Asserts the definition gets exactly one diagnostic, an ERROR with this code at this pointer,
   * placed at the first occurrence of {@code marker} in the source (the key of the offending
   * member, or the opening of an object). Returns it for further checks of the message.
   */
  static Diagnostic assertSingleError(String source, String code, String pointer, String marker) {
    return assertSingle(source, Diagnostic.Severity.ERROR, code, pointer, marker);
  }

  /** Like {@link #assertSingleError} for a WARNING (and then the definition is valid). */
  static Diagnostic assertSingleWarning(String source, String code, String pointer,
      String marker) {
    Diagnostic d = assertSingle(source, Diagnostic.Severity.WARNING, code, pointer, marker);
    assertThat(parse(source).machine()).isNotNull();
    return d;
  }

  private static Diagnostic assertSingle(String source, Diagnostic.Severity severity, String code,
      String pointer, String marker) {
    List<Diagnostic> found = parse(source).diagnostics();
    assertThat(found).as("diagnostics of %s", source).hasSize(1);
    Diagnostic d = found.get(0);
    assertThat(d.severity()).as(d.format()).isEqualTo(severity);
    assertThat(d.code()).as(d.format()).isEqualTo(code);
    assertThat(d.pointer()).as(d.format()).isEqualTo(pointer);
    int[] at = position(source, json(marker));
    assertThat(new int[] {d.line(), d.column()}).as("line:column of " + d.format())
        .containsExactly(at);
    return d;
  }

  /**
   * The 1-based line and column of the first occurrence of {@code marker}; when the marker holds
   * a '»', of the character after it (so context before the spot can make the marker unique).
   */
  static int[] position(String source, String marker) {
    int skip = Math.max(marker.indexOf('»'), 0);
    String text = marker.replace("»", "");
    int offset = source.indexOf(text);
    assertThat(offset).as("marker %s in %s", text, source).isNotNegative();
    offset += skip;
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < offset; i++) {
      if (source.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new int[] {line, offset - lineStart + 1};
  }
}
