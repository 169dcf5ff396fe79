package dev.statecraft.engine.runtime;

import dev.statecraft.engine.spi.TaskHandler;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * How a {@link DurableEngine} runs.
 *
 * @param clock where time comes from (a controllable clock in tests; call
 *     {@link DurableEngine#wakeTimers()} after moving it)
 * @param handlers task handlers, first match wins
 * @param workers threads that run steps
 * @param queueCapacity steps waiting for a worker before submitters run steps themselves
 *     (back-pressure)
 * @param cachedExecutions running executions kept in memory; others are rebuilt from the store
 *     when their next event comes
 * @param maxHistoryEvents history events per execution (AWS: 25,000)
 * @param maxDuration longest an execution may run (AWS: one year)
 * @param timerBatch due timers read per poll
 */
public record EngineConfig(
    Clock clock,
    List<TaskHandler> handlers,
    int workers,
    int queueCapacity,
    int cachedExecutions,
    int maxHistoryEvents,
    Duration maxDuration,
    int timerBatch) {

  public EngineConfig {
    handlers = List.copyOf(handlers);
  }

  /**
   * Defaults: system clock, four workers per core (at least 16), AWS's limits. A worker spends
   * most of a step waiting for its group commit, and the steps waiting together are what one
   * commit writes, so more workers than cores make larger groups, not more CPU contention.
   */
  public static EngineConfig defaults(List<TaskHandler> handlers) {
    return new EngineConfig(Clock.systemUTC(), handlers,
        Math.max(16, 4 * Runtime.getRuntime().availableProcessors()), 10_000, 10_000, 25_000,
        Duration.ofDays(365), 1_000);
  }

  public EngineConfig withClock(Clock c) {
    return new EngineConfig(c, handlers, workers, queueCapacity, cachedExecutions,
        maxHistoryEvents, maxDuration, timerBatch);
  }

  public EngineConfig withWorkers(int n) {
    return new EngineConfig(clock, handlers, n, queueCapacity, cachedExecutions,
        maxHistoryEvents, maxDuration, timerBatch);
  }

  public EngineConfig withCachedExecutions(int n) {
    return new EngineConfig(clock, handlers, workers, queueCapacity, n, maxHistoryEvents,
        maxDuration, timerBatch);
  }

  public EngineConfig withMaxHistoryEvents(int n) {
    return new EngineConfig(clock, handlers, workers, queueCapacity, cachedExecutions, n,
        maxDuration, timerBatch);
  }

  public EngineConfig withMaxDuration(Duration d) {
    return new EngineConfig(clock, handlers, workers, queueCapacity, cachedExecutions,
        maxHistoryEvents, d, timerBatch);
  }
}
