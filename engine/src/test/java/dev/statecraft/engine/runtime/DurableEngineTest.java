package dev.statecraft.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
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
import dev.statecraft.engine.store.Page;
import dev.statecraft.engine.store.StateMachineRecord;
import dev.statecraft.engine.store.StateMachineType;
import dev.statecraft.engine.store.jdbc.H2Dialect;
import dev.statecraft.engine.store.jdbc.JdbcStore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Standard executions on the durable engine, with a controllable clock and in-memory H2. */
class DurableEngineTest {
  private static final AtomicInteger DB = new AtomicInteger();
  private static final String WAIT_THEN_TASK = """
      {"StartAt":"Wait","States":{
        "Wait":{"Type":"Wait","Seconds":86400,"Next":"Work"},
        "Work":{"Type":"Task","Resource":"arn:aws:states:::test:echo","Next":"Done"},
        "Done":{"Type":"Pass","End":true}}}""";

  private final MutableClock clock = new MutableClock(1_700_000_000_000L);
  /** Tasks parked by the "park" resource until the test completes them. */
  private final Map<String, CompletableFuture<TaskResult>> parked = new ConcurrentHashMap<>();
  private final TaskHandler handler = new TaskHandler() {
    @Override
    public boolean supports(String resource) {
      return resource.startsWith("arn:aws:states:::test:");
    }

    @Override
    public CompletionStage<TaskResult> invoke(TaskRequest r) {
      if (r.resource().contains(":park")) {
        CompletableFuture<TaskResult> f = new CompletableFuture<>();
        parked.put(r.executionArn(), f);
        return f;
      }
      return CompletableFuture.completedFuture(TaskResult.success(r.input()));
    }
  };

  private JdbcStore store;
  private DurableEngine engine;
  private StatesService api;

  @BeforeEach
  void open() {
    store = JdbcStore.h2Memory("engine" + DB.incrementAndGet());
    startEngine(EngineConfig.defaults(List.of(handler)).withClock(clock));
  }

  private void startEngine(EngineConfig config) {
    engine = new DurableEngine(store, config);
    engine.start();
    api = new StatesService(engine, Arns.defaults());
  }

  @AfterEach
  void close() {
    api.close();
    engine.close();
    store.close();
  }

  private ExecutionRecord finished(String arn) throws Exception {
    return engine.whenFinished(arn).get(10, TimeUnit.SECONDS);
  }

  private List<HistoryEvent> history(String arn) {
    return api.getExecutionHistory(arn, null, 1000, false).items();
  }

  private static void assertContiguous(List<HistoryEvent> h) {
    for (int i = 0; i < h.size(); i++) {
      assertThat(h.get(i).id()).isEqualTo(i + 1);
    }
  }

  @Test
  void aParkedWaitFinishesWhenTheClockMoves() throws Exception {
    StateMachineRecord m = api.createStateMachine("m", WAIT_THEN_TASK, "role",
        StateMachineType.STANDARD);
    StartResult s = api.startExecution(m.arn(), "e1", "{\"x\":1}");
    assertThat(s.executionArn())
        .isEqualTo("arn:aws:states:us-east-1:123456789012:execution:m:e1");
    assertThat(api.describeExecution(s.executionArn()).status())
        .isEqualTo(ExecutionStatus.RUNNING);
    clock.advance(Duration.ofDays(1));
    engine.wakeTimers();
    ExecutionRecord done = finished(s.executionArn());
    assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(Json.parse(done.output())).isEqualTo(Json.parse("{\"x\":1}"));
    List<HistoryEvent> h = history(s.executionArn());
    assertContiguous(h);
    assertThat(h).extracting(HistoryEvent::type).containsExactly(EventType.ExecutionStarted,
        EventType.WaitStateEntered, EventType.WaitStateExited, EventType.TaskStateEntered,
        EventType.TaskScheduled, EventType.TaskStarted, EventType.TaskSucceeded,
        EventType.TaskStateExited, EventType.PassStateEntered, EventType.PassStateExited,
        EventType.ExecutionSucceeded);
    List<HistoryEvent> reversed = api.getExecutionHistory(s.executionArn(), null, 2, true)
        .items();
    assertThat(reversed).extracting(HistoryEvent::id).containsExactly(11L, 10L);
  }

  @Test
  void aTimerLeftForAnEndedExecutionIsRemovedWhenItFires() throws Exception {
    StateMachineRecord m = api.createStateMachine("m", WAIT_THEN_TASK, "role",
        StateMachineType.STANDARD);
    String arn = api.startExecution(m.arn(), "e1", "{\"x\":1}").executionArn();
    clock.advance(Duration.ofDays(1));
    engine.wakeTimers();
    assertThat(finished(arn).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(store.executions().nextTimerDue()).isEmpty();
    // A timer row no step will consume (as if a crash had left it), due now.
    try (Connection c = DriverManager.getConnection(
        H2Dialect.memoryUrl("engine" + DB.get()));
        PreparedStatement p = c.prepareStatement("INSERT INTO timer (execution_arn, timer_id,"
            + " kind, due_millis) VALUES (?, 99, 'STATE', ?)")) {
      p.setString(1, arn);
      p.setLong(2, clock.millis());
      p.executeUpdate();
    }
    assertThat(store.executions().nextTimerDue()).isPresent();
    engine.wakeTimers();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (store.executions().nextTimerDue().isPresent()) {
      assertThat(System.nanoTime()).as("the stale timer is removed").isLessThan(deadline);
      Thread.onSpinWait();
    }
    assertThat(history(arn)).hasSize((int) api.describeExecution(arn).historyEvents());
    assertThat(api.describeExecution(arn).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
  }

  @Test
  void aRestartedEngineReplaysAndResumes() throws Exception {
    StateMachineRecord m = api.createStateMachine("m", WAIT_THEN_TASK, "role", null);
    String arn = api.startExecution(m.arn(), "e1", "{\"x\":2}").executionArn();
    api.close();
    engine.close();
    clock.advance(Duration.ofDays(2)); // due while the engine was down
    startEngine(EngineConfig.defaults(List.of(handler)).withClock(clock));
    ExecutionRecord done = finished(arn);
    assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    List<HistoryEvent> h = history(arn);
    assertContiguous(h);
    assertThat(h).filteredOn(e -> e.type() == EventType.WaitStateEntered).hasSize(1);
  }

  @Test
  void tasksInFlightAreReissuedWithTheirTokenAfterARestart() throws Exception {
    String def = """
        {"StartAt":"T","States":{"T":{"Type":"Task",
          "Resource":"arn:aws:states:::test:park.waitForTaskToken","End":true}}}""";
    StateMachineRecord m = api.createStateMachine("m", def, "role", null);
    String arn = api.startExecution(m.arn(), "e1", "{}").executionArn();
    String token = store.executions().tasks(arn).get(0).token();
    assertThat(token).isNotNull();
    api.close();
    engine.close();
    parked.clear();
    startEngine(EngineConfig.defaults(List.of(handler)).withClock(clock));
    assertThat(parked).containsKey(arn);
    assertThat(store.executions().tasks(arn).get(0).token()).isEqualTo(token);
    // The integration's answer only says the token went out; the callback completes the task.
    parked.get(arn).complete(TaskResult.success(Json.parse("{\"sent\":true}")));
    api.sendTaskSuccess(token, "{\"ok\":true}");
    assertThat(finished(arn).output()).isEqualTo("{\"ok\":true}");
    List<HistoryEvent> h = history(arn);
    assertContiguous(h);
    assertThat(h).filteredOn(e -> e.type() == EventType.TaskStarted).hasSize(1);
  }

  @Test
  void stopAbortsAndCancelsTheRunningTask() throws Exception {
    String def = """
        {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::test:park",
          "End":true}}}""";
    StateMachineRecord m = api.createStateMachine("m", def, "role", null);
    String arn = api.startExecution(m.arn(), null, "{}").executionArn();
    ExecutionRecord stopped = api.stopExecution(arn, "Boom", "by test");
    assertThat(stopped.status()).isEqualTo(ExecutionStatus.ABORTED);
    assertThat(stopped.error()).isEqualTo("Boom");
    assertThat(parked.get(arn).isCancelled()).isTrue();
    assertThat(history(arn).get(history(arn).size() - 1).type())
        .isEqualTo(EventType.ExecutionAborted);
    assertThat(store.executions().tasks(arn)).isEmpty();
  }

  @Test
  void startIsIdempotentForTheSameNameAndInput() {
    StateMachineRecord m = api.createStateMachine("m", WAIT_THEN_TASK, "role", null);
    StartResult a = api.startExecution(m.arn(), "same", "{\"k\":1}");
    StartResult b = api.startExecution(m.arn(), "same", "{ \"k\" : 1 }");
    assertThat(b).isEqualTo(a);
    assertThatThrownBy(() -> api.startExecution(m.arn(), "same", "{\"k\":2}"))
        .isInstanceOfSatisfying(StatesApiException.class,
            e -> assertThat(e.errorName()).isEqualTo("ExecutionAlreadyExists"));
  }

  @Test
  void apiErrorsCarryAwsNames() {
    assertThatThrownBy(() -> api.createStateMachine("bad", "{\"StartAt\":\"X\"}", "r", null))
        .isInstanceOfSatisfying(StatesApiException.class,
            e -> assertThat(e.errorName()).isEqualTo("InvalidDefinition"));
    String missing = Arns.defaults().stateMachine("nope");
    assertThatThrownBy(() -> api.startExecution(missing, null, "{}"))
        .isInstanceOfSatisfying(StatesApiException.class,
            e -> assertThat(e.errorName()).isEqualTo("StateMachineDoesNotExist"));
    assertThatThrownBy(() -> api.describeExecution(Arns.defaults().execution("m", "x")))
        .isInstanceOfSatisfying(StatesApiException.class,
            e -> assertThat(e.errorName()).isEqualTo("ExecutionDoesNotExist"));
    StateMachineRecord m = api.createStateMachine("m", WAIT_THEN_TASK, "role", null);
    assertThatThrownBy(() -> api.startExecution(m.arn(), null, "{not json"))
        .isInstanceOfSatisfying(StatesApiException.class,
            e -> assertThat(e.errorName()).isEqualTo("InvalidExecutionInput"));
    String big = "\"" + "x".repeat(256 * 1024) + "\"";
    assertThatThrownBy(() -> api.startExecution(m.arn(), null, big))
        .isInstanceOfSatisfying(StatesApiException.class,
            e -> assertThat(e.errorName()).isEqualTo("ValidationException"));
  }

  @Test
  void anUpdateMakesANewVersionAndRunningExecutionsKeepTheirs() throws Exception {
    StateMachineRecord m = api.createStateMachine("m", WAIT_THEN_TASK, "role", null);
    String arn = api.startExecution(m.arn(), "old", "{}").executionArn();
    StateMachineRecord v2 = api.updateStateMachine(m.arn(),
        "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"Result\":2,\"End\":true}}}",
        null);
    assertThat(v2.version()).isEqualTo(2);
    String fresh = api.startExecution(m.arn(), "new", "{}").executionArn();
    assertThat(finished(fresh).output()).isEqualTo("2");
    clock.advance(Duration.ofDays(1));
    engine.wakeTimers();
    assertThat(finished(arn).stateMachineVersion()).isEqualTo(1);
    assertThat(finished(arn).output()).isEqualTo("{}");
  }

  @Test
  void listsPageAndFilterByStatus() throws Exception {
    StateMachineRecord m = api.createStateMachine("m", WAIT_THEN_TASK, "role", null);
    for (int i = 0; i < 3; i++) {
      api.startExecution(m.arn(), "e" + i, "{}");
    }
    api.stopExecution(Arns.defaults().execution("m", "e1"), null, null);
    Page<ExecutionRecord> running = api.listExecutions(m.arn(), ExecutionStatus.RUNNING, null, 1);
    assertThat(running.items()).hasSize(1);
    assertThat(api.listExecutions(m.arn(), ExecutionStatus.RUNNING, running.nextToken(), 1)
        .items()).hasSize(1);
    assertThat(api.listExecutions(m.arn(), ExecutionStatus.ABORTED, null, 10).items())
        .extracting(ExecutionRecord::name).containsExactly("e1");
  }

  @Test
  void theHistoryQuotaFailsTheExecutionAtEvent25000() throws Exception {
    api.close();
    engine.close();
    startEngine(EngineConfig.defaults(List.of(handler)).withClock(clock)
        .withMaxHistoryEvents(50));
    String loop = """
        {"StartAt":"W","States":{
          "W":{"Type":"Wait","Seconds":1,"Next":"C"},
          "C":{"Type":"Choice","Choices":[{"Variable":"$.never","IsPresent":true,"Next":"D"}],
               "Default":"W"},
          "D":{"Type":"Succeed"}}}""";
    StateMachineRecord m = api.createStateMachine("m", loop, "role", null);
    String arn = api.startExecution(m.arn(), "e", "{}").executionArn();
    for (int i = 0; i < 40 && api.describeExecution(arn).status() == ExecutionStatus.RUNNING;
        i++) {
      clock.advance(Duration.ofSeconds(1));
      engine.wakeTimers();
      long before = api.describeExecution(arn).historyEvents();
      for (int spin = 0; spin < 200 && api.describeExecution(arn).historyEvents() == before
          && api.describeExecution(arn).status() == ExecutionStatus.RUNNING; spin++) {
        engine.whenFinished(arn).completeOnTimeout(null, 5, TimeUnit.MILLISECONDS).get();
      }
    }
    ExecutionRecord done = finished(arn);
    assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(done.error()).isEqualTo("States.Runtime");
    List<HistoryEvent> h = history(arn);
    assertContiguous(h);
    assertThat(h).hasSize(50);
    assertThat(h.get(49).type()).isEqualTo(EventType.ExecutionFailed);
  }

  @Test
  void expressRunsSynchronouslyInMemory() {
    String def = """
        {"StartAt":"P","States":{"P":{"Type":"Pass","Result":{"ok":1},"End":true}}}""";
    StateMachineRecord m = api.createStateMachine("x", def, "role", StateMachineType.EXPRESS);
    var r = api.startSyncExecution(m.arn(), "s", "{}");
    assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(r.output()).isEqualTo("{\"ok\":1}");
    assertThat(r.executionArn()).startsWith("arn:aws:states:us-east-1:123456789012:express:x:s:");
    assertThat(api.recentExpressExecutions()).extracting(e -> e.executionArn())
        .contains(r.executionArn());
    assertThat(store.executions().find(r.executionArn())).isEmpty();
    StateMachineRecord std = api.createStateMachine("std", def, "role", null);
    assertThatThrownBy(() -> api.startSyncExecution(std.arn(), null, "{}"))
        .isInstanceOfSatisfying(StatesApiException.class,
            e -> assertThat(e.errorName()).isEqualTo("StateMachineTypeNotSupported"));
    JsonNode unused = null;
    assertThat(unused).isNull();
  }
}
