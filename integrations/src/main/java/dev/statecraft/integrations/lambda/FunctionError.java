package dev.statecraft.integrations.lambda;

/**
 * Thrown by a {@link TaskFunction} to fail its task with a chosen error name, as a Lambda function
 * written in another language does by naming its error type (e.g. {@code CustomError} or {@code
 * Lambda.TooManyRequestsException}) so that Retry and Catch can match it.
 */
public class FunctionError extends RuntimeException {
  private final String errorType;

  /**
   * @param errorType the error name Retry/Catch see
   * @param message the error message (Lambda's {@code errorMessage})
   */
  public FunctionError(String errorType, String message) {
    super(message);
    this.errorType = errorType;
  }

  /** The error name Retry/Catch see. */
  public String errorType() {
    return errorType;
  }
}
