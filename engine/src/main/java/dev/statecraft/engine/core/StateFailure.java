package dev.statecraft.engine.core;

/**
 * An ASL error raised while evaluating a state: an error name (such as
 * {@code States.IntrinsicFailure}) and a cause text. It is how evaluation code reports a failure;
 * the interpreter turns it into Retry, Catch or a failed execution.
 */
public final class StateFailure extends RuntimeException {
  private final String error;
  private final String errorCause;

  public StateFailure(String error, String cause) {
    super(error + ": " + cause, null, false, false);
    this.error = error;
    this.errorCause = cause;
  }

  /** The ASL error name. */
  public String error() {
    return error;
  }

  /** The human-readable cause, as AWS puts it in the {@code Cause} field. */
  public String cause() {
    return errorCause;
  }
}
