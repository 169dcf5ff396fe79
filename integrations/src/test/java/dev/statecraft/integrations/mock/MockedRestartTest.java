package dev.statecraft.integrations.mock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.engine.api.Arns;
import dev.statecraft.engine.api.StatesService;
import dev.statecraft.engine.core.ExecutionStatus;
import dev.statecraft.engine.core.Json;
import dev.statecraft.engine.runtime.DurableEngine;
import dev.statecraft.engine.runtime.EngineConfig;
import dev.statecraft.engine.store.ExecutionRecord;
import dev.statecraft.engine.store.StateMachineType;
import dev.statecraft.engine.store.jdbc.JdbcStore;
import dev.statecraft.integrations.TaskHandlers;
import dev.statecraft.integrations.config.StatecraftConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Standard execution started with {@code #TestCase} keeps answering from its test case after
 * the server restarts: the binding is stored with the execution, not only held in memory.
 */
class MockedRestartTest {
  private static final String DEFINITION = """
      {"StartAt": "Later", "States": {
        "Later": {"Type": "Wait", "Seconds": 3600, "Next": "CheckStock"},
        "CheckStock": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
          "Parameters": {"FunctionName": "check-stock", "Payload.$": "$"},
          "ResultSelector": {"available.$": "$.Payload.available"}, "End": true}}}""";
  private static final String MOCKS = """
      {"StateMachines": {"OrderMachine": {"TestCases": {"HappyPath": {"CheckStock": "InStock"}}}},
       "MockedResponses": {
         "InStock": {"0": {"Return": {"StatusCode": 200, "Payload": {"available": 3}}}}}}""";

  @TempDir
  Path dir;

  /** One life of the server: store, integrations, engine and API over the same data. */
  private final class Server implements AutoCloseable {
    final JdbcStore store = JdbcStore.h2File(dir.resolve("data"), 4);
    final TaskHandlers handlers;
    final DurableEngine engine;
    final StatesService service;

    Server(Clock clock) throws Exception {
      handlers = TaskHandlers.create(StatecraftConfig.read(dir.resolve("statecraft.yaml")));
      engine = new DurableEngine(store, EngineConfig.defaults(List.of(handlers))
          .withClock(clock));
      service = new StatesService(engine, Arns.defaults());
      handlers.connect(service); // as `serve` does: before the engine resumes executions
      engine.start();
    }

    @Override
    public void close() {
      service.close();
      engine.close();
      handlers.close();
      store.close();
    }
  }

  @Test
  void aTestCaseBindingSurvivesARestart() throws Exception {
    Files.writeString(dir.resolve("MockConfigFile.json"), MOCKS);
    Files.writeString(dir.resolve("statecraft.yaml"), "mocks: MockConfigFile.json\n");
    String arn;
    try (Server first = new Server(Clock.systemUTC())) {
      first.service.createStateMachine("OrderMachine", DEFINITION, null,
          StateMachineType.STANDARD);
      arn = first.service.startExecution(
          first.service.arns().stateMachine("OrderMachine") + "#HappyPath", "r1", "{}")
          .executionArn();
      assertThat(first.service.describeExecution(arn).status())
          .isEqualTo(ExecutionStatus.RUNNING);
    }
    // The next life starts a day later: the Wait is over, and the task must still be mocked
    // (no function "check-stock" is configured, so a real call would fail the execution).
    try (Server second = new Server(Clock.offset(Clock.systemUTC(), Duration.ofDays(1)))) {
      second.engine.wakeTimers();
      ExecutionRecord done = second.service.whenFinished(arn).get(20, TimeUnit.SECONDS);
      assertThat(done.status()).as(done.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
      assertThat(Json.parse(done.output())).isEqualTo(Json.parse("{\"available\":3}"));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (!second.store.executions().testCases().isEmpty()) {
        assertThat(System.nanoTime()).as("the binding is released").isLessThan(deadline);
        Thread.onSpinWait();
      }
    }
  }
}
