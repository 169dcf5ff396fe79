package dev.statecraft.engine.runtime;

import dev.statecraft.engine.store.ExecutionStore;
import dev.statecraft.engine.store.TimerRecord;
import java.time.Clock;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Fires durable timers. Timers are rows, not threads: one poller reads the due ones, hands each
 * to its execution, and sleeps until the next due time (or until told that an earlier timer was
 * armed, or that a controllable clock moved). A timer stays in the table until the step that
 * consumed it commits, so one due while the engine was down fires on restart; {@code firing}
 * keeps a timer from being handed over twice meanwhile.
 */
final class TimerPoller implements Runnable {
  private static final Logger LOG = Logger.getLogger(TimerPoller.class.getName());
  /** Longest sleep: a safety net in case a wake-up is missed, and for clocks that jump. */
  private static final long MAX_SLEEP_MILLIS = 1_000;

  private final ExecutionStore store;
  private final Clock clock;
  private final int batch;
  private final Consumer<TimerRecord> fire;
  private final Set<String> firing;
  private final Object monitor = new Object();
  private long plannedWake = Long.MAX_VALUE;
  private boolean woken;
  private volatile boolean stopped;

  TimerPoller(ExecutionStore store, Clock clock, int batch, Consumer<TimerRecord> fire,
      Set<String> firing) {
    this.store = store;
    this.clock = clock;
    this.batch = batch;
    this.fire = fire;
    this.firing = firing;
  }

  static String key(TimerRecord t) {
    return t.executionArn() + "#" + t.kind() + "#" + t.timerId();
  }

  /** Polls now (the clock moved, or timers were released). */
  void wake() {
    synchronized (monitor) {
      woken = true;
      monitor.notifyAll();
    }
  }

  /** A timer was armed for {@code dueMillis}: wake up earlier if needed. */
  void armed(long dueMillis) {
    synchronized (monitor) {
      if (dueMillis < plannedWake) {
        woken = true;
        monitor.notifyAll();
      }
    }
  }

  void stop() {
    stopped = true;
    wake();
  }

  @Override
  public void run() {
    while (!stopped) {
      try {
        pollOnce();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Timer poll failed; retrying", e);
        sleep(MAX_SLEEP_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void pollOnce() throws InterruptedException {
    long now = clock.millis();
    List<TimerRecord> due = store.dueTimers(now, batch);
    int handed = 0;
    for (TimerRecord t : due) {
      if (firing.add(key(t))) {
        handed++;
        fire.accept(t);
      }
    }
    if (due.size() == batch) {
      if (handed == 0) {
        // Every due timer read is still being applied: wait for steps to commit.
        sleep(10);
      }
      return;
    }
    OptionalLong next = store.nextTimerDue();
    long wakeAt = next.isPresent() && next.getAsLong() > now ? next.getAsLong()
        : now + (due.isEmpty() ? MAX_SLEEP_MILLIS : 10);
    synchronized (monitor) {
      plannedWake = wakeAt;
      long delay = Math.min(MAX_SLEEP_MILLIS, wakeAt - clock.millis());
      if (!woken && delay > 0) {
        monitor.wait(delay);
      }
      woken = false;
      plannedWake = Long.MAX_VALUE;
    }
  }

  private void sleep(long millis) {
    synchronized (monitor) {
      try {
        if (!woken) {
          monitor.wait(millis);
        }
        woken = false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        stopped = true;
      }
    }
  }
}
