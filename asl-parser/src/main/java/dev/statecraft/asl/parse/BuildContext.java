package dev.statecraft.asl.parse;

import dev.statecraft.asl.validate.Diagnostic;
import java.util.ArrayList;
import java.util.List;

/** Collects the diagnostics of one build: every problem is reported, none is thrown. */
final class BuildContext {
  private final List<Diagnostic> diagnostics = new ArrayList<>();

  void error(String code, String pointer, String message) {
    diagnostics.add(Diagnostic.error(code, pointer, message));
  }

  void warning(String code, String pointer, String message) {
    diagnostics.add(Diagnostic.warning(code, pointer, message));
  }

  List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }

  /** Appends one reference token to a JSON Pointer, escaped as RFC 6901 says. */
  static String child(String pointer, String token) {
    return pointer + "/" + token.replace("~", "~0").replace("/", "~1");
  }

  static String child(String pointer, int index) {
    return pointer + "/" + index;
  }
}
