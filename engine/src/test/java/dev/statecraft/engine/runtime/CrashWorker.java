package dev.statecraft.engine.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statecraft.engine.api.Arns;
import dev.statecraft.engine.api.StatesApiException;
import dev.statecraft.engine.api.StatesService;
import dev.statecraft.engine.core.Json;
import dev.statecraft.engine.spi.TaskHandler;
import dev.statecraft.engine.spi.TaskRequest;
import dev.statecraft.engine.spi.TaskResult;
import dev.statecraft.engine.store.jdbc.H2Dialect;
import dev.statecraft.engine.store.jdbc.JdbcStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The engine process of {@link CrashRecoveryTest}: opens the file database, makes sure every
 * execution is started (idempotently), prints progress, and exits 0 once none is running. The
 * test kills it with SIGKILL somewhere along the way and runs it again.
 */
public final class CrashWorker {
  static final String DEFINITION = """
      {"StartAt":"First","States":{
        "First":{"Type":"Task","Resource":"arn:aws:states:::test:double",
          "Parameters":{"v.$":"$.v","key.$":"States.Format('{}-1', $$.Execution.Name)"},
          "Next":"Pause"},
        "Pause":{"Type":"Wait","Seconds":1,"Next":"Second"},
        "Second":{"Type":"Task","Resource":"arn:aws:states:::test:double",
          "Parameters":{"v.$":"$.v","key.$":"States.Format('{}-2', $$.Execution.Name)"},
          "Next":"Done"},
        "Done":{"Type":"Succeed"}}}""";

  private CrashWorker() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int count = Integer.parseInt(args[1]);
    try (JdbcStore store = JdbcStore.h2File(dir, 8);
        Connection completions = DriverManager.getConnection(H2Dialect.fileUrl(dir))) {
      try (Statement s = completions.createStatement()) {
        s.execute("CREATE TABLE IF NOT EXISTS completion (task_key VARCHAR(200) PRIMARY KEY,"
            + " invocations INT NOT NULL)");
      }
      ScheduledExecutorService slow = Executors.newScheduledThreadPool(2);
      TaskHandler handler = new TaskHandler() {
        @Override
        public boolean supports(String resource) {
          return resource.equals("arn:aws:states:::test:double");
        }

        @Override
        public CompletionStage<TaskResult> invoke(TaskRequest r) {
          CompletableFuture<TaskResult> f = new CompletableFuture<>();
          // Answer a little later, from another thread, as a real integration would.
          slow.schedule(() -> {
            try {
              record(completions, r.input().get("key").asText());
              JsonNode out = Json.object().put("v", r.input().get("v").asLong() * 2);
              f.complete(TaskResult.success(out));
            } catch (SQLException e) {
              f.completeExceptionally(e);
            }
          }, 20, TimeUnit.MILLISECONDS);
          return f;
        }
      };
      DurableEngine engine = new DurableEngine(store,
          EngineConfig.defaults(List.of(handler)).withWorkers(4));
      engine.start();
      StatesService api = new StatesService(engine, Arns.defaults());
      String machine = Arns.defaults().stateMachine("crash");
      if (store.stateMachines().find(machine).isEmpty()) {
        api.createStateMachine("crash", DEFINITION, "arn:aws:iam::123456789012:role/r", null);
      }
      for (int i = 0; i < count; i++) {
        try {
          api.startExecution(machine, "e" + i, "{\"v\":" + i + "}");
        } catch (StatesApiException e) {
          // ExecutionAlreadyExists: it finished in an earlier life.
        }
        System.out.println("started " + (i + 1));
        System.out.flush();
      }
      System.out.println("all started");
      System.out.flush();
      // Bounded: a stuck execution fails the test with its name instead of hanging the build.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (!store.executions().running().isEmpty()) {
        if (System.nanoTime() > deadline) {
          System.out.println("stuck: " + store.executions().running());
          System.out.flush();
          System.exit(3);
        }
        Thread.sleep(50);
      }
      System.out.println("all finished");
      engine.close();
      slow.shutdownNow();
    }
    System.exit(0);
  }

  private static synchronized void record(Connection c, String key) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("MERGE INTO completion t USING (VALUES (?))"
        + " AS s(k) ON t.task_key = s.k WHEN MATCHED THEN UPDATE SET invocations ="
        + " invocations + 1 WHEN NOT MATCHED THEN INSERT VALUES (s.k, 1)")) {
      p.setString(1, key);
      p.executeUpdate();
    }
  }
}
