package dev.statecraft.engine.core.jsonata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.statecraft.asl.expr.JsonataExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Many threads evaluating one compiled expression, each with its own bindings. Without the
 * scratch-slot guard in {@link JsonataExpr#compile}, {@code $onlyMain} (bound only by the
 * compiling thread) leaks into other threads' results within a few hundred evaluations.
 */
class JsonataConcurrencyTest {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  @Test
  void oneCompiledExpressionManyThreads() throws Exception {
    // Compiled on this thread, which also evaluates: the case dashjoin's per-thread scratch
    // instance makes dangerous if a shared instance ends up in that slot.
    JsonataExpr expr =
        JsonataExpr.compile(
            "{% ($doubled := $map($states.input.values, function($v) { $v * 2 });"
                + " {'id': $states.input.id, 'sum': $sum($doubled), 'tag': $tag,"
                + " 'at': $millis(), 'local': $undefinedLocal, 'onlyMain': $onlyMain}) %}");
    int threads = 8;
    int perThread = 400;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Integer>> futures = new ArrayList<>();
      for (int t = 0; t < threads + 1; t++) {
        int thread = t;
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  int checked = 0;
                  for (int i = 0; i < perThread; i++) {
                    int id = thread * 100_000 + i;
                    checkOne(expr, id);
                    checked++;
                  }
                  return checked;
                }));
      }
      start.countDown();
      for (int i = 0; i < perThread; i++) {
        checkOne(expr, -1 - i); // and this thread too
      }
      int total = 0;
      for (Future<Integer> f : futures) {
        total += f.get(60, TimeUnit.SECONDS);
      }
      assertThat(total).isEqualTo((threads + 1) * perThread);
    } finally {
      pool.shutdownNow();
    }
  }

  private static void checkOne(JsonataExpr expr, int id) {
    var input = F.objectNode().put("id", id);
    input.putArray("values").add(id).add(1);
    JsonNode states = F.objectNode().set("input", input);
    JsonataBindings bindings =
        new JsonataBindings(
            states,
            name ->
                switch (name) {
                  case "tag" -> F.textNode("t" + id);
                  // Bound on the compiling thread only: must never leak into another thread.
                  case "onlyMain" -> id < 0 ? F.numberNode(id) : null;
                  default -> null;
                },
            new SplittableRandom(id),
            1000L + id);
    JsonNode out = JsonataEvaluator.evaluate(expr, bindings);
    assertThat(out.get("id").asLong()).isEqualTo(id);
    assertThat(out.get("sum").asLong()).isEqualTo(2L * id + 2);
    assertThat(out.get("tag").asText()).isEqualTo("t" + id);
    assertThat(out.get("at").asLong()).isEqualTo(1000L + id);
    assertThat(out.has("local")).isFalse();
    assertThat(out.has("onlyMain")).isEqualTo(id < 0);
  }
}
