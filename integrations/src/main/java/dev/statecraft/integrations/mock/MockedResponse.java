package dev.statecraft.integrations.mock;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One entry of {@code MockedResponses}: what a mocked Task answers on each invocation, keyed by
 * zero-based invocation numbers ({@code "0"}) or inclusive ranges ({@code "1-2"}). Retries count
 * as invocations, so {@code "0"} throwing and {@code "1"} returning exercises a Retry.
 *
 * @param name the response's name in the file
 * @param ranges the invocation ranges in file order
 */
public record MockedResponse(String name, List<Range> ranges) {

  public MockedResponse {
    ranges = List.copyOf(ranges);
  }

  /** The answer for the {@code invocation}-th call (zero-based), or null when none is given. */
  public Answer answer(int invocation) {
    for (Range r : ranges) {
      if (invocation >= r.first() && invocation <= r.last()) {
        return r.answer();
      }
    }
    return null;
  }

  /**
   * Invocations {@code first..last} (inclusive) give {@code answer}.
   */
  public record Range(int first, int last, Answer answer) {}

  /** A mocked answer: a result or an error. */
  public sealed interface Answer {}

  /** {@code "Return": value} — the task succeeds with this result. */
  public record Return(JsonNode value) implements Answer {}

  /** {@code "Throw": {"Error", "Cause"}} — the task fails with this error. */
  public record Throw(String error, String cause) implements Answer {}
}
