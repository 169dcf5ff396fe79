package dev.statecraft.engine.core;

import dev.statecraft.asl.model.ErrorNames;
import dev.statecraft.asl.model.State;
import dev.statecraft.asl.model.TaskState;
import java.util.List;

/** Whether a Retry or Catch entry's ErrorEquals matches an error, by ASL's wildcard rules. */
final class FailureMatch {
  private FailureMatch() {}

  static boolean matches(List<String> errorEquals, String error, State state) {
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
