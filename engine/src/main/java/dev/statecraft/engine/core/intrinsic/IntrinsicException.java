package dev.statecraft.engine.core.intrinsic;

import dev.statecraft.asl.model.ErrorNames;

/**
 * Raised by a single intrinsic function. {@link IntrinsicEvaluator} turns it into a
 * {@link dev.statecraft.engine.core.StateFailure} whose cause names the whole expression, as AWS
 * does ("The function '...' had the following error: ...").
 */
final class IntrinsicException extends RuntimeException {
  private final String error;
  private final String reason;

  IntrinsicException(String error, String reason) {
    super(reason, null, false, false);
    this.error = error;
    this.reason = reason;
  }

  /** A {@code States.IntrinsicFailure} with the given reason. */
  static IntrinsicException failure(String reason) {
    return new IntrinsicException(ErrorNames.INTRINSIC_FAILURE, reason);
  }

  String error() {
    return error;
  }

  String reason() {
    return reason;
  }
}
