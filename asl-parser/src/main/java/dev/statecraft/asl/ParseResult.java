package dev.statecraft.asl;

import dev.statecraft.asl.model.StateMachine;
import dev.statecraft.asl.validate.Diagnostic;
import java.util.List;

/**
 * What {@link Asl#parse} found: the model when the definition has no ERROR, and every diagnostic
 * (errors and warnings) found in one pass.
 *
 * @param machine the parsed model, or null when there is at least one ERROR
 * @param diagnostics all problems, errors first, then in document order
 */
public record ParseResult(StateMachine machine, List<Diagnostic> diagnostics) {
  public ParseResult {
    diagnostics = List.copyOf(diagnostics);
  }

  /** True when no diagnostic is an ERROR. */
  public boolean valid() {
    return diagnostics.stream().noneMatch(Diagnostic::isError);
  }

  public List<Diagnostic> errors() {
    return diagnostics.stream().filter(Diagnostic::isError).toList();
  }
}
