package dev.statecraft.engine.store;

import dev.statecraft.engine.core.HistoryEvent;
import java.util.List;

/**
 * Everything one interpreter step changes, written in one transaction.
 *
 * @param execution the execution's new summary row; its {@code inputEvents} and
 *     {@code historyEvents} are the counts after this step
 * @param expectedInputEvents the input-event count the step was computed on (optimistic check);
 *     ignored on create
 * @param inputEvent the input event the step applied (opaque text), or null (the start step, or
 *     an end written by the runtime itself)
 * @param history the history events the step wrote, ids contiguous after the stored ones
 * @param timersAdded timers to arm
 * @param timersRemoved timers that fired or were cancelled
 * @param tasksAdded tasks scheduled
 * @param tasksRemoved task ids that ended or were cancelled
 * @param tasksStarted task ids whose TaskStarted this step recorded
 */
public record StepCommit(
    ExecutionRecord execution,
    int expectedInputEvents,
    String inputEvent,
    List<HistoryEvent> history,
    List<TimerRecord> timersAdded,
    List<TimerRecord> timersRemoved,
    List<TaskRecord> tasksAdded,
    List<Long> tasksRemoved,
    List<Long> tasksStarted) {}
