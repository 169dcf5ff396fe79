package dev.statecraft.asl.model;

import java.util.List;

/**
 * One entry of a state's {@code Retry} array.
 *
 * @param errorEquals the error names it matches ({@code States.ALL} matches any)
 * @param intervalSeconds seconds before the first retry (default 1)
 * @param maxAttempts retries allowed (default 3; 0 never retries)
 * @param backoffRate multiplier of the interval per attempt (default 2.0)
 * @param maxDelaySeconds cap of the interval, or null
 * @param jitterStrategy FULL randomises each interval, NONE does not
 * @param comment the {@code Comment}, or null
 */
public record Retrier(
    List<String> errorEquals,
    int intervalSeconds,
    int maxAttempts,
    double backoffRate,
    Integer maxDelaySeconds,
    JitterStrategy jitterStrategy,
    String comment) {

  public Retrier {
    errorEquals = List.copyOf(errorEquals);
  }

  /** ASL's JitterStrategy values. */
  public enum JitterStrategy {
    FULL,
    NONE
  }
}
