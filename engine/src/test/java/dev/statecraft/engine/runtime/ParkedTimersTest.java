package dev.statecraft.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.engine.api.Arns;
import dev.statecraft.engine.api.StatesService;
import dev.statecraft.engine.store.StateMachineRecord;
import dev.statecraft.engine.store.jdbc.H2Dialect;
import dev.statecraft.engine.store.jdbc.JdbcStore;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many executions parked on a one-day Wait cost rows, not memory, and all finish when the
 * (controllable) clock moves a day. 10,000 by default; {@code -Dstatecraft.parked=100000} runs
 * the full size.
 */
class ParkedTimersTest {
  private static final long MAX_HEAP_BYTES = 512L * 1024 * 1024;

  @TempDir
  Path dir;

  @Test
  void parkedExecutionsHoldLittleMemoryAndAllFinishWhenTheClockMoves() throws Exception {
    int count = Integer.getInteger("statecraft.parked", 10_000);
    MutableClock clock = new MutableClock(1_700_000_000_000L);
    // The durability setting does not matter here; the default write delay keeps starts fast.
    try (JdbcStore store = JdbcStore.open("jdbc:h2:file:" + dir.resolve("db"),
        H2Dialect.INSTANCE, 8)) {
      DurableEngine engine = new DurableEngine(store,
          EngineConfig.defaults(List.of()).withClock(clock).withCachedExecutions(1_000));
      engine.start();
      StatesService api = new StatesService(engine, Arns.defaults());
      StateMachineRecord m = api.createStateMachine("parked", """
          {"StartAt":"Day","States":{
            "Day":{"Type":"Wait","Seconds":86400,"Next":"Done"},
            "Done":{"Type":"Pass","Result":"done","End":true}}}""", "role", null);
      long t0 = System.nanoTime();
      ExecutorService starters = Executors.newFixedThreadPool(4);
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int first = t;
        futures.add(starters.submit(() -> {
          for (int i = first; i < count; i += 4) {
            api.startExecution(m.arn(), "p" + i, "{}");
          }
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
      starters.shutdown();
      double startSeconds = (System.nanoTime() - t0) / 1e9;
      System.gc();
      long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
      assertThat(store.executions().running()).hasSize(count);
      assertThat(engine.cachedExecutions()).isLessThanOrEqualTo(1_000);
      assertThat(heap).isLessThan(MAX_HEAP_BYTES);

      long t1 = System.nanoTime();
      clock.advance(Duration.ofDays(1));
      engine.wakeTimers();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Math.max(60, count / 200));
      while (!store.executions().running().isEmpty() && System.nanoTime() < deadline) {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
      }
      assertThat(store.executions().running()).isEmpty();
      System.out.printf("ParkedTimersTest: %d parked in %.1f s, heap after GC %d MiB,"
          + " all fired and finished in %.1f s%n", count, startSeconds, heap >> 20,
          (System.nanoTime() - t1) / 1e9);
      assertThat(store.executions().list(m.arn(), null, null, 1).items().get(0).output())
          .isEqualTo("\"done\"");
      api.close();
      engine.close();
    }
  }
}
