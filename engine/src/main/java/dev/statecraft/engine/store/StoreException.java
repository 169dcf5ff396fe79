package dev.statecraft.engine.store;

/** The backend failed (I/O, SQL, a broken invariant). Unchecked: callers cannot repair it. */
public class StoreException extends RuntimeException {
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }

  public StoreException(String message) {
    super(message);
  }
}
