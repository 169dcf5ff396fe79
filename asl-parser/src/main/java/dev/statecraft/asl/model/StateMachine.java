package dev.statecraft.asl.model;

/**
 * A parsed, validated state machine definition.
 *
 * @param comment the top-level {@code Comment}, or null
 * @param version the {@code Version} field (ASL spec version), or null
 * @param timeoutSeconds the execution timeout, or null for none
 * @param queryLanguage the top-level query language (default JSONPath)
 * @param workflow the top-level states and where they start
 */
public record StateMachine(
    String comment,
    String version,
    Integer timeoutSeconds,
    QueryLanguage queryLanguage,
    Workflow workflow) {

  public String startAt() {
    return workflow.startAt();
  }

  public State state(String name) {
    return workflow.states().get(name);
  }
}
