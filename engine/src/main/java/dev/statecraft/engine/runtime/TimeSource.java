package dev.statecraft.engine.runtime;

/**
 * Where the runtime gets the time from. {@link #system()} is the wall clock; {@link #virtual}
 * jumps straight to each due timer, so a workflow with long waits runs instantly (tests, local
 * dry runs).
 */
public interface TimeSource {
  /** Epoch milliseconds. */
  long now();

  /** Returns once {@link #now()} has reached {@code dueMillis}. */
  void waitUntil(long dueMillis) throws InterruptedException;

  /** True when time only moves as timers are awaited (nothing real is waited for). */
  default boolean isVirtual() {
    return false;
  }

  static TimeSource system() {
    return new TimeSource() {
      @Override
      public long now() {
        return System.currentTimeMillis();
      }

      @Override
      public void waitUntil(long dueMillis) throws InterruptedException {
        long delay = dueMillis - System.currentTimeMillis();
        if (delay > 0) {
          Thread.sleep(delay);
        }
      }
    };
  }

  /** A clock that starts at {@code startMillis} and moves only when a timer is awaited. */
  static TimeSource virtual(long startMillis) {
    return new TimeSource() {
      private long now = startMillis;

      @Override
      public boolean isVirtual() {
        return true;
      }

      @Override
      public long now() {
        return now;
      }

      @Override
      public void waitUntil(long dueMillis) {
        now = Math.max(now, dueMillis);
      }
    };
  }
}
