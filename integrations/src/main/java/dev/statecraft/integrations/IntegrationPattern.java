package dev.statecraft.integrations;

/**
 * How a Task waits for a service integration, chosen by the suffix of its Resource: none
 * (request-response), {@code .sync} (run a job and wait for it) or {@code .waitForTaskToken}
 * (wait for a callback with the task token).
 */
public enum IntegrationPattern {
  REQUEST_RESPONSE(""),
  SYNC(".sync"),
  WAIT_FOR_TASK_TOKEN(".waitForTaskToken");

  private final String suffix;

  IntegrationPattern(String suffix) {
    this.suffix = suffix;
  }

  /** The Resource suffix that selects this pattern ("" for request-response). */
  public String suffix() {
    return suffix;
  }
}
