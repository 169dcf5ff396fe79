package dev.statecraft.asl.model;

import dev.statecraft.asl.expr.Template;
import java.util.List;

/**
 * A Task state: does work through the integration named by its {@code Resource}.
 *
 * @param resource the Resource ARN (or URI)
 * @param timeoutSeconds TimeoutSeconds or TimeoutSecondsPath (or JSONata), or null (AWS default:
 *     99999999 seconds)
 * @param heartbeatSeconds HeartbeatSeconds or HeartbeatSecondsPath (or JSONata), or null
 * @param credentials the Credentials template, or null
 * @param retry the retriers in order
 * @param catchers the catchers in order
 */
public record TaskState(
    String name,
    String comment,
    QueryLanguage queryLanguage,
    Transition transition,
    DataFlow io,
    String resource,
    Template timeoutSeconds,
    Template heartbeatSeconds,
    Template credentials,
    List<Retrier> retry,
    List<Catcher> catchers)
    implements State, Recoverable {

  public TaskState {
    retry = List.copyOf(retry);
    catchers = List.copyOf(catchers);
  }
}
