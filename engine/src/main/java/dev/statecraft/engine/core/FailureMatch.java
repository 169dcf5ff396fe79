package dev.statecraft.engine.core;

import dev.statecraft.asl.model.ErrorNames;
import dev.statecraft.asl.model.State;
import dev.statecraft.asl.model.TaskState;
import java.util.List;

/** Whether a Retry or Catch entry's ErrorEquals matches an error, by ASL's wildcard rules. */
final class FailureMatch {
  private FailureMatch() {}

  /** Errors no Retry or Catch handles (AWS: States.ALL does not catch them either). */
  static boolean isTerminal(String error) {
    return ErrorNames.RUNTIME.equals(error) || ErrorNames.DATA_LIMIT_EXCEEDED.equals(error);
  }

  private static final java.util.regex.Pattern FIELD =
      java.util.regex.Pattern.compile("specified for the field '([^']*)'");

  /** The field an evaluation cause names ("... for the field 'Output/x' ..."), or null. */
  static String location(String cause) {
    if (cause == null) {
      return null;
    }
    java.util.regex.Matcher m = FIELD.matcher(cause);
    return m.find() ? m.group(1) : null;
  }

  /**
   * A Fail state without Error raises an error with no name: only the States.ALL wildcard
   * can match it, as no ErrorEquals entry can name it.
   */
  static boolean matches(List<String> errorEquals, String error, State state) {
    if (error == null) {
      return errorEquals.contains(ErrorNames.ALL);
    }
    if (errorEquals.contains(error)) {
      return true;
    }
    if (errorEquals.contains(ErrorNames.ALL)) {
      return !ErrorNames.RUNTIME.equals(error);
    }
    // States.TaskFailed matches any error of a Task except States.Timeout.
    return errorEquals.contains(ErrorNames.TASK_FAILED) && state instanceof TaskState
        && !ErrorNames.TIMEOUT.equals(error) && !ErrorNames.RUNTIME.equals(error);
  }
}
