package dev.statecraft.engine.store;

/** A row with the same key (ARN, or execution name within its state machine) already exists. */
public class DuplicateKeyException extends StoreException {
  public DuplicateKeyException(String message, Throwable cause) {
    super(message, cause);
  }
}
