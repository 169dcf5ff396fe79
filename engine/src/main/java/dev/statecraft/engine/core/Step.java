package dev.statecraft.engine.core;

import java.util.List;

/**
 * The outcome of one interpreter step: the history events it appended and the commands the
 * runtime must carry out once the step is committed.
 */
public record Step(List<HistoryEvent> history, List<Command> commands) {}
