package dev.statecraft.engine.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statecraft.engine.core.ExecutionStatus;
import dev.statecraft.engine.core.HistoryEvent;
import java.util.List;

/**
 * How an execution ended.
 *
 * @param status SUCCEEDED, FAILED, TIMED_OUT or ABORTED
 * @param output the output when SUCCEEDED
 * @param error the error name otherwise
 * @param cause the cause text otherwise
 * @param history the history events (empty when not recorded)
 * @param transitions the number of states entered
 */
public record ExecutionResult(
    ExecutionStatus status,
    JsonNode output,
    String error,
    String cause,
    List<HistoryEvent> history,
    int transitions) {}
