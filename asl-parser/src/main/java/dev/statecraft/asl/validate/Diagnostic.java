package dev.statecraft.asl.validate;

/**
 * One problem found in a definition.
 *
 * @param severity ERROR makes the definition invalid; WARNING does not
 * @param code a stable code: AWS's ValidateStateMachineDefinition code where one exists
 *     (for example {@code SCHEMA_VALIDATION_FAILED}), else one of ours
 * @param message what is wrong, for a person
 * @param pointer JSON Pointer (RFC 6901) of the offending node; "" is the whole document
 * @param line 1-based line in the source, 0 when unknown
 * @param column 1-based column in the source, 0 when unknown
 */
public record Diagnostic(
    Severity severity, String code, String message, String pointer, int line, int column) {

  /** Whether a diagnostic blocks the definition. */
  public enum Severity {
    ERROR,
    WARNING
  }

  public static Diagnostic error(String code, String pointer, String message) {
    return new Diagnostic(Severity.ERROR, code, message, pointer, 0, 0);
  }

  public static Diagnostic warning(String code, String pointer, String message) {
    return new Diagnostic(Severity.WARNING, code, message, pointer, 0, 0);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** The same diagnostic placed at a source position. */
  public Diagnostic at(int line, int column) {
    return new Diagnostic(severity, code, message, pointer, line, column);
  }

  /** {@code line:col: severity CODE message (at pointer)}, as the CLI prints it after the file name. */
  public String format() {
    return line + ":" + column + ": " + severity.name().toLowerCase(java.util.Locale.ROOT) + " " + code
        + " " + message + (pointer.isEmpty() ? "" : " (at " + pointer + ")");
  }
}
