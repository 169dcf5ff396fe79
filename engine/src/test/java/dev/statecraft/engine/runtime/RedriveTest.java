package dev.statecraft.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.statecraft.engine.api.Arns;
import dev.statecraft.engine.api.StartResult;
import dev.statecraft.engine.api.StatesApiException;
import dev.statecraft.engine.api.StatesService;
import dev.statecraft.engine.core.EventType;
import dev.statecraft.engine.core.ExecutionStatus;
import dev.statecraft.engine.core.HistoryEvent;
import dev.statecraft.engine.core.Json;
import dev.statecraft.engine.spi.TaskHandler;
import dev.statecraft.engine.spi.TaskRequest;
import dev.statecraft.engine.spi.TaskResult;
import dev.statecraft.engine.store.ExecutionRecord;
import dev.statecraft.engine.store.StateMachineRecord;
import dev.statecraft.engine.store.StateMachineType;
import dev.statecraft.engine.store.jdbc.JdbcStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** RedriveExecution: a failed execution runs again from the failed state, on the durable engine. */
class RedriveTest {
  private static final AtomicInteger DB = new AtomicInteger();
  private static final String DEFINITION = """
      {"StartAt":"Prepare","States":{
        "Prepare":{"Type":"Pass","Result":{"prepared":true},"ResultPath":"$.prep","Next":"Charge"},
        "Charge":{"Type":"Task","Resource":"arn:aws:states:::test:charge","End":true}}}""";

  private final MutableClock clock = new MutableClock(1_700_000_000_000L);
  private final AtomicInteger calls = new AtomicInteger();
  private final AtomicInteger shipped = new AtomicInteger();
  /** Finished executions, in order, as the engine reports them. */
  private final LinkedBlockingQueue<ExecutionRecord> ends = new LinkedBlockingQueue<>();
  private final TaskHandler handler = new TaskHandler() {
    @Override
    public boolean supports(String resource) {
      return resource.startsWith("arn:aws:states:::test:");
    }

    @Override
    public CompletionStage<TaskResult> invoke(TaskRequest r) {
      if (r.resource().endsWith(":ship")) {
        return CompletableFuture.completedFuture(
            TaskResult.success(Json.object().put("shipped", shipped.incrementAndGet())));
      }
      // The card is declined the first time only.
      return CompletableFuture.completedFuture(calls.incrementAndGet() == 1
          ? TaskResult.failure("Card.Declined", "insufficient funds")
          : TaskResult.success(Json.object().put("charged", true)));
    }
  };
  private JdbcStore store;
  private DurableEngine engine;
  private StatesService api;

  @BeforeEach
  void open() {
    store = JdbcStore.h2Memory("redrive" + DB.incrementAndGet());
    engine = new DurableEngine(store, EngineConfig.defaults(List.of(handler)).withClock(clock));
    engine.start();
    api = new StatesService(engine, Arns.defaults());
  }

  @AfterEach
  void close() {
    api.close();
    engine.close();
    store.close();
  }

  private ExecutionRecord awaitStatus(String arn, ExecutionStatus status) throws Exception {
    ExecutionRecord r = engine.whenFinished(arn).get(10, TimeUnit.SECONDS);
    // A redrive makes the execution run again: wait for the end of that run.
    for (int i = 0; i < 100 && r.status() != status; i++) {
      r = engine.whenFinished(arn).get(10, TimeUnit.SECONDS);
      if (r.status() != status) {
        ends.poll(10, TimeUnit.MILLISECONDS); // yield briefly to the engine's workers
        r = api.describeExecution(arn);
      }
    }
    return r;
  }

  @Test
  void aFailedExecutionRedrivesFromTheFailedStateOnly() throws Exception {
    StateMachineRecord m = api.createStateMachine("pay", DEFINITION, "role",
        StateMachineType.STANDARD);
    StartResult s = api.startExecution(m.arn(), "order-1", "{\"order\":1}");
    ExecutionRecord failed = awaitStatus(s.executionArn(), ExecutionStatus.FAILED);
    assertThat(failed.error()).isEqualTo("Card.Declined");

    api.redriveExecution(s.executionArn());
    ExecutionRecord done = awaitStatus(s.executionArn(), ExecutionStatus.SUCCEEDED);
    assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(done.redriveCount()).isEqualTo(1);
    assertThat(Json.parse(done.output()).get("charged").asBoolean()).isTrue();

    List<HistoryEvent> h = api.getExecutionHistory(s.executionArn(), null, 1000, false).items();
    List<EventType> types = h.stream().map(HistoryEvent::type).toList();
    assertThat(types).containsSubsequence(EventType.ExecutionFailed,
        EventType.ExecutionRedriven, EventType.TaskStateEntered, EventType.ExecutionSucceeded);
    assertThat(types.stream().filter(t -> t == EventType.PassStateEntered)).hasSize(1);
    for (int i = 0; i < h.size(); i++) {
      assertThat(h.get(i).id()).isEqualTo(i + 1);
    }
    assertThat(calls.get()).isEqualTo(2);
  }

  /**
   * Starts the machine, waits for it to fail on the declined card (after {@code shippedBefore}
   * ship calls), redrives it and returns it once it has succeeded.
   */
  private ExecutionRecord failThenRedrive(String name, String definition, String input,
      int shippedBefore) throws Exception {
    StateMachineRecord m = api.createStateMachine(name, definition, "role",
        StateMachineType.STANDARD);
    String arn = api.startExecution(m.arn(), name + "-1", input).executionArn();
    ExecutionRecord failed = awaitStatus(arn, ExecutionStatus.FAILED);
    assertThat(failed.error()).isEqualTo("Card.Declined");
    assertThat(shipped.get()).as("ship calls before the redrive").isEqualTo(shippedBefore);
    api.redriveExecution(arn);
    return awaitStatus(arn, ExecutionStatus.SUCCEEDED);
  }

  @Test
  void aRedrivenParallelRunsOnlyItsFailedBranchAgain() throws Exception {
    String def = """
        {"StartAt":"Both","States":{"Both":{"Type":"Parallel","End":true,"Branches":[
          {"StartAt":"Ship","States":{"Ship":{"Type":"Task",
            "Resource":"arn:aws:states:::test:ship","End":true}}},
          {"StartAt":"Charge","States":{"Charge":{"Type":"Task",
            "Resource":"arn:aws:states:::test:charge","End":true}}}]}}}""";
    ExecutionRecord done = failThenRedrive("both", def, "{}", 1);
    assertThat(Json.parse(done.output())).isEqualTo(Json.parse(
        "[{\"shipped\":1},{\"charged\":true}]"));
    assertThat(shipped.get()).as("the branch that succeeded is not run again").isEqualTo(1);
  }

  @Test
  void aRedrivenMapRunsOnlyItsUnsuccessfulIterationsAgain() throws Exception {
    String def = """
        {"StartAt":"Each","States":{"Each":{"Type":"Map","End":true,"MaxConcurrency":1,
          "ItemProcessor":{"ProcessorConfig":{"Mode":"INLINE"},"StartAt":"Pick","States":{
            "Pick":{"Type":"Choice","Choices":[{"Variable":"$","NumericEquals":2,
              "Next":"Charge"}],"Default":"Ship"},
            "Ship":{"Type":"Task","Resource":"arn:aws:states:::test:ship","End":true},
            "Charge":{"Type":"Task","Resource":"arn:aws:states:::test:charge","End":true}}}}}}""";
    // Item 1 ships; item 2 fails; item 3 never starts (MaxConcurrency 1).
    ExecutionRecord done = failThenRedrive("each", def, "[1, 2, 3]", 1);
    assertThat(Json.parse(done.output())).isEqualTo(Json.parse(
        "[{\"shipped\":1},{\"charged\":true},{\"shipped\":2}]"));
    assertThat(shipped.get()).as("iteration 1 is not run again").isEqualTo(2);
    List<EventType> types = api.getExecutionHistory(done.arn(), null, 1000, false)
        .items().stream().map(HistoryEvent::type).toList();
    List<EventType> afterRedrive = types.subList(types.indexOf(EventType.ExecutionRedriven),
        types.size());
    assertThat(afterRedrive.stream().filter(t -> t == EventType.MapIterationStarted))
        .hasSize(2);
  }

  @Test
  void onlyFailedTimedOutOrAbortedExecutionsWithinFourteenDaysRedrive() throws Exception {
    StateMachineRecord m = api.createStateMachine("pay", DEFINITION, "role",
        StateMachineType.STANDARD);
    StartResult s = api.startExecution(m.arn(), "order-2", "{}");
    awaitStatus(s.executionArn(), ExecutionStatus.FAILED);
    clock.advance(Duration.ofDays(15));
    assertThatThrownBy(() -> api.redriveExecution(s.executionArn()))
        .isInstanceOf(StatesApiException.ExecutionNotRedrivable.class)
        .hasMessageContaining("14 days");

    StartResult ok = api.startExecution(m.arn(), "order-3", "{}");
    awaitStatus(ok.executionArn(), ExecutionStatus.SUCCEEDED);
    assertThatThrownBy(() -> api.redriveExecution(ok.executionArn()))
        .isInstanceOf(StatesApiException.ExecutionNotRedrivable.class)
        .hasMessageContaining("SUCCEEDED");
  }
}
