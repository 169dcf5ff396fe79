package dev.statecraft.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statecraft.engine.core.Event;
import dev.statecraft.engine.core.Json;
import dev.statecraft.engine.runtime.DurableEngine;
import dev.statecraft.engine.store.TaskRecord;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.regex.Pattern;

/**
 * SendTaskSuccess, SendTaskFailure and SendTaskHeartbeat: a token finds its task through the
 * store's token index. A malformed token is InvalidToken; a well-formed one with no task in
 * flight is TaskDoesNotExist (never issued, already completed, or its execution ended) unless
 * the task timed out, which is TaskTimedOut.
 */
final class TaskCallbacks {
  /**
   * Our tokens are URL-safe Base64 without padding (192 bits: 32 characters). Anything else
   * cannot be one of ours; the length bound is AWS's.
   */
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{22,2048}");
  private static final int MAX_ERROR = 256;
  private static final int MAX_CAUSE = 32_768;

  private final DurableEngine engine;
  private final Clock clock;

  TaskCallbacks(DurableEngine engine) {
    this.engine = engine;
    this.clock = engine.config().clock();
  }

  void success(String token, String output) {
    TaskRecord task = task(token);
    JsonNode parsed = output(output);
    if (!engine.completeTask(task, new Event.TaskSucceeded(task.taskId(), parsed,
        clock.millis()))) {
      throw completed();
    }
  }

  void failure(String token, String error, String cause) {
    if (error != null && error.length() > MAX_ERROR) {
      throw new StatesApiException.ValidationException("1 validation error detected: Value at"
          + " 'error' failed to satisfy constraint: Member must have length less than or equal"
          + " to " + MAX_ERROR);
    }
    if (cause != null && cause.length() > MAX_CAUSE) {
      throw new StatesApiException.ValidationException("1 validation error detected: Value at"
          + " 'cause' failed to satisfy constraint: Member must have length less than or equal"
          + " to " + MAX_CAUSE);
    }
    TaskRecord task = task(token);
    // AWS records a callback failure without an error name as a null error.
    if (!engine.completeTask(task, new Event.TaskFailed(task.taskId(), error, cause,
        clock.millis()))) {
      throw completed();
    }
  }

  void heartbeat(String token) {
    engine.heartbeat(task(token));
  }

  private TaskRecord task(String token) {
    if (token == null || token.isEmpty()) {
      throw new StatesApiException.ValidationException("1 validation error detected: Value at"
          + " 'taskToken' failed to satisfy constraint: Member must not be null");
    }
    if (!TOKEN.matcher(token).matches()) {
      throw new StatesApiException.InvalidToken("Invalid Token: '" + abbreviate(token) + "'");
    }
    TaskRecord task = engine.store().executions().taskByToken(token).orElse(null);
    if (task != null) {
      return task;
    }
    if (engine.store().executions().tokenTimedOut(token)) {
      throw new StatesApiException.TaskTimedOut("Task Timed Out: '" + token + "'");
    }
    throw new StatesApiException.TaskDoesNotExist("Task Does Not Exist: '" + token + "'");
  }

  private static StatesApiException completed() {
    return new StatesApiException.TaskDoesNotExist(
        "Task Does Not Exist: the task is already being completed");
  }

  private static JsonNode output(String output) {
    if (output == null) {
      throw new StatesApiException.ValidationException("1 validation error detected: Value at"
          + " 'output' failed to satisfy constraint: Member must not be null");
    }
    if (output.getBytes(StandardCharsets.UTF_8).length > StatesService.MAX_PAYLOAD_BYTES) {
      throw new StatesApiException.InvalidOutput("Invalid Output: the output is larger than "
          + StatesService.MAX_PAYLOAD_BYTES + " bytes");
    }
    try {
      JsonNode parsed = Json.MAPPER.readTree(output);
      if (parsed == null || parsed.isMissingNode()) {
        throw new StatesApiException.InvalidOutput("Invalid Output: the output is empty");
      }
      return parsed;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new StatesApiException.InvalidOutput("Invalid Output: '"
          + e.getOriginalMessage() + "'");
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 64 ? s : s.substring(0, 64) + "...";
  }
}
