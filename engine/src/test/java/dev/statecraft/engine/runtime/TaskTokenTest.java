package dev.statecraft.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statecraft.engine.api.Arns;
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
import dev.statecraft.engine.store.StateMachineType;
import dev.statecraft.engine.store.TimerRecord;
import dev.statecraft.engine.store.jdbc.JdbcStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The callback pattern ({@code .waitForTaskToken}) on the durable engine: a handler that stands
 * for an SQS send hands the token to the test, which completes it through {@link StatesService}.
 */
class TaskTokenTest {
  private static final AtomicInteger DB = new AtomicInteger();
  private static final String SEND = "arn:aws:states:::sqs:sendMessage.waitForTaskToken";

  private final MutableClock clock = new MutableClock(1_700_000_000_000L);
  /** Messages "sent" by the callback tasks: their input (holding the token). */
  private final LinkedBlockingQueue<TaskRequest> sent = new LinkedBlockingQueue<>();
  private final AtomicInteger sends = new AtomicInteger();
  private final TaskHandler sqs = new TaskHandler() {
    @Override
    public boolean supports(String resource) {
      return resource.startsWith("arn:aws:states:::sqs:");
    }

    @Override
    public CompletionStage<TaskResult> invoke(TaskRequest r) {
      sends.incrementAndGet();
      sent.add(r);
      return CompletableFuture.completedFuture(
          TaskResult.success(Json.parse("{\"MessageId\":\"m-1\"}")));
    }
  };

  private JdbcStore store;
  private DurableEngine engine;
  private StatesService api;

  @BeforeEach
  void open() {
    store = JdbcStore.h2Memory("tokens" + DB.incrementAndGet());
    startEngine();
  }

  private void startEngine() {
    engine = new DurableEngine(store, EngineConfig.defaults(List.of(sqs)).withClock(clock));
    engine.start();
    api = new StatesService(engine, Arns.defaults());
  }

  private void stopEngine() {
    api.close();
    engine.close();
  }

  @AfterEach
  void close() {
    stopEngine();
    store.close();
  }

  private static String machine(String taskExtra, String rest) {
    return """
        {"StartAt":"Ask","States":{
          "Ask":{"Type":"Task","Resource":"%s",
            "Parameters":{"MessageBody":{"token.$":"$$.Task.Token","order.$":"$.order"}},
            %s "Next":"Done"},
          "Done":{"Type":"Pass","End":true}%s}}""".formatted(SEND, taskExtra, rest);
  }

  private String start(String definition, String input) {
    String m = api.createStateMachine("m", definition, "role", StateMachineType.STANDARD)
        .arn();
    return api.startExecution(m, null, input).executionArn();
  }

  /** The token the integration handed out (what the SQS consumer would receive). */
  private String tokenSent() throws InterruptedException {
    TaskRequest r = sent.poll(10, TimeUnit.SECONDS);
    assertThat(r).as("the callback task was sent").isNotNull();
    String token = r.input().get("MessageBody").get("token").asText();
    assertThat(token).isEqualTo(r.taskToken());
    return token;
  }

  private ExecutionRecord finished(String arn) throws Exception {
    return engine.whenFinished(arn).get(10, TimeUnit.SECONDS);
  }

  private List<EventType> types(String arn) {
    return api.getExecutionHistory(arn, null, 1000, false).items().stream()
        .map(HistoryEvent::type).toList();
  }

  /** Waits for a condition the engine reaches asynchronously (bounded; not a timing test). */
  private static void eventually(BooleanSupplier condition) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition reached in time").isLessThan(deadline);
      LockSupport.parkNanos(1_000_000);
    }
  }

  @Test
  void aCallbackCompletesTheParkedTaskWithItsOutput() throws Exception {
    String arn = start(machine("", ""), "{\"order\":42}");
    String token = tokenSent();
    assertThat(token).hasSize(32).matches("[A-Za-z0-9_-]+"); // 192 bits, URL-safe
    eventually(() -> types(arn).contains(EventType.TaskStarted));
    // Sending the message did not complete the task: it waits for the callback.
    assertThat(api.describeExecution(arn).status()).isEqualTo(ExecutionStatus.RUNNING);
    assertThat(types(arn)).doesNotContain(EventType.TaskSucceeded);

    api.sendTaskSuccess(token, "{\"approved\":true}");
    ExecutionRecord done = finished(arn);
    assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(Json.parse(done.output())).isEqualTo(Json.parse("{\"approved\":true}"));
    // AWS's sequence for a callback integration (LocalStack's recording of
    // sqs:sendMessage.waitForTaskToken): TaskSubmitted carries the send's answer.
    assertThat(types(arn)).containsExactly(EventType.ExecutionStarted,
        EventType.TaskStateEntered, EventType.TaskScheduled, EventType.TaskStarted,
        EventType.TaskSubmitted, EventType.TaskSucceeded, EventType.TaskStateExited,
        EventType.PassStateEntered, EventType.PassStateExited, EventType.ExecutionSucceeded);
    HistoryEvent submitted = api.getExecutionHistory(arn, null, 100, false).items().stream()
        .filter(e -> e.type() == EventType.TaskSubmitted).findFirst().orElseThrow();
    assertThat(submitted.previousEventId()).isEqualTo(submitted.id() - 1);
    assertThat(Json.parse(submitted.details().get("output").asText()))
        .isEqualTo(Json.parse("{\"MessageId\":\"m-1\"}"));
    assertThat(submitted.details().get("resourceType").asText()).isEqualTo("sqs");
    assertThat(submitted.details().get("resource").asText())
        .isEqualTo("sendMessage.waitForTaskToken");
    assertThat(submitted.details().get("outputDetails").get("truncated").asBoolean()).isFalse();

    // A token is good for one answer.
    assertThatThrownBy(() -> api.sendTaskSuccess(token, "{}"))
        .isInstanceOf(StatesApiException.TaskDoesNotExist.class);
    assertThatThrownBy(() -> api.sendTaskHeartbeat(token))
        .isInstanceOf(StatesApiException.TaskDoesNotExist.class);
  }

  @Test
  void aSecondCallbackRacingTheFirstIsRefused() throws Exception {
    String arn = start(machine("", ""), "{\"order\":1}");
    String token = tokenSent();
    api.sendTaskSuccess(token, "1");
    // Whether or not the first answer's step has committed yet, the second is refused.
    assertThatThrownBy(() -> api.sendTaskFailure(token, "E", "late"))
        .isInstanceOf(StatesApiException.TaskDoesNotExist.class);
    assertThat(finished(arn).output()).isEqualTo("1");
  }

  @Test
  void aFailureCallbackIsCaughtByItsErrorName() throws Exception {
    String def = machine("\"Catch\":[{\"ErrorEquals\":[\"Rejected\"],\"Next\":\"No\"}],",
        ",\"No\":{\"Type\":\"Pass\",\"Result\":\"rejected\",\"End\":true}");
    String arn = start(def, "{\"order\":7}");
    api.sendTaskFailure(tokenSent(), "Rejected", "the approver said no");
    ExecutionRecord done = finished(arn);
    assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(done.output()).isEqualTo("\"rejected\"");
    HistoryEvent failed = api.getExecutionHistory(arn, null, 100, false).items().stream()
        .filter(e -> e.type() == EventType.TaskFailed).findFirst().orElseThrow();
    assertThat(failed.details().get("error").asText()).isEqualTo("Rejected");
    assertThat(failed.details().get("cause").asText()).isEqualTo("the approver said no");
  }

  @Test
  void malformedUnknownAndBadOutputAreRefusedWithAwsErrors() throws Exception {
    String arn = start(machine("", ""), "{\"order\":3}");
    String token = tokenSent();
    assertThatThrownBy(() -> api.sendTaskSuccess("not a token!", "{}"))
        .isInstanceOf(StatesApiException.InvalidToken.class);
    assertThatThrownBy(() -> api.sendTaskSuccess("abc", "{}"))
        .isInstanceOf(StatesApiException.InvalidToken.class);
    assertThatThrownBy(() -> api.sendTaskSuccess("", "{}"))
        .isInstanceOf(StatesApiException.ValidationException.class);
    // Well-formed, but never issued (a forged token).
    String forged = "A".repeat(31) + (token.charAt(31) == 'B' ? "C" : "B");
    assertThatThrownBy(() -> api.sendTaskSuccess(forged, "{}"))
        .isInstanceOf(StatesApiException.TaskDoesNotExist.class);
    assertThatThrownBy(() -> api.sendTaskHeartbeat(forged))
        .isInstanceOf(StatesApiException.TaskDoesNotExist.class);
    assertThatThrownBy(() -> api.sendTaskSuccess(token, "{not json"))
        .isInstanceOf(StatesApiException.InvalidOutput.class);
    String big = "\"" + "x".repeat(StatesService.MAX_PAYLOAD_BYTES) + "\"";
    assertThatThrownBy(() -> api.sendTaskSuccess(token, big))
        .isInstanceOf(StatesApiException.InvalidOutput.class);
    assertThatThrownBy(() -> api.sendTaskFailure(token, "E".repeat(257), null))
        .isInstanceOf(StatesApiException.ValidationException.class);
    // None of that touched the task: the real answer still goes through.
    api.sendTaskSuccess(token, "{\"ok\":1}");
    assertThat(finished(arn).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
  }

  @Test
  void aHeartbeatTimeoutIsCaughtAndHeartbeatsRenewTheTimer() throws Exception {
    String def = machine("\"HeartbeatSeconds\":60,\"Catch\":[{\"ErrorEquals\":"
        + "[\"States.HeartbeatTimeout\"],\"Next\":\"Late\"}],",
        ",\"Late\":{\"Type\":\"Pass\",\"Result\":\"late\",\"End\":true}");
    long t0 = clock.millis();
    String arn = start(def, "{\"order\":5}");
    String token = tokenSent();
    clock.advance(Duration.ofSeconds(30));
    api.sendTaskHeartbeat(token);
    // The heartbeat moved the timer to 30 + 60 s; at 75 s nothing is due.
    clock.advance(Duration.ofSeconds(45));
    assertThat(store.executions().dueTimers(clock.millis(), 10)).isEmpty();
    assertThat(store.executions().nextTimerDue().getAsLong()).isEqualTo(t0 + 90_000);
    clock.advance(Duration.ofSeconds(16));
    engine.wakeTimers();
    ExecutionRecord done = finished(arn);
    assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(done.output()).isEqualTo("\"late\"");
    HistoryEvent timedOut = api.getExecutionHistory(arn, null, 100, false).items().stream()
        .filter(e -> e.type() == EventType.TaskTimedOut).findFirst().orElseThrow();
    assertThat(timedOut.details().get("error").asText()).isEqualTo("States.HeartbeatTimeout");
    assertThat(timedOut.timestampMillis()).isEqualTo(t0 + 91_000);
    // The token of a task that timed out says so.
    assertThatThrownBy(() -> api.sendTaskSuccess(token, "{}"))
        .isInstanceOf(StatesApiException.TaskTimedOut.class);
    assertThatThrownBy(() -> api.sendTaskHeartbeat(token))
        .isInstanceOf(StatesApiException.TaskTimedOut.class);
  }

  @Test
  void aTaskTimeoutFailsTheExecutionWithStatesTimeout() throws Exception {
    String arn = start(machine("\"TimeoutSeconds\":300,", ""), "{\"order\":6}");
    String token = tokenSent();
    clock.advance(Duration.ofSeconds(301));
    engine.wakeTimers();
    ExecutionRecord done = finished(arn);
    assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(done.error()).isEqualTo("States.Timeout");
    assertThatThrownBy(() -> api.sendTaskSuccess(token, "{}"))
        .isInstanceOf(StatesApiException.TaskTimedOut.class);
  }

  @Test
  void aRetryGetsANewTokenAndTheOldOneIsDead() throws Exception {
    String def = machine("\"Retry\":[{\"ErrorEquals\":[\"Again\"],\"IntervalSeconds\":5}],", "");
    String arn = start(def, "{\"order\":8}");
    String first = tokenSent();
    api.sendTaskFailure(first, "Again", null);
    eventually(() -> !store.executions().dueTimers(clock.millis() + 5_000, 10).isEmpty());
    clock.advance(Duration.ofSeconds(5));
    engine.wakeTimers();
    String second = tokenSent();
    assertThat(second).isNotEqualTo(first);
    assertThatThrownBy(() -> api.sendTaskSuccess(first, "{}"))
        .isInstanceOf(StatesApiException.TaskDoesNotExist.class);
    api.sendTaskSuccess(second, "2");
    assertThat(finished(arn).output()).isEqualTo("2");
  }

  @Test
  void stoppingTheExecutionCancelsItsToken() throws Exception {
    String arn = start(machine("", ""), "{\"order\":9}");
    String token = tokenSent();
    assertThat(api.stopExecution(arn, "Cancelled", "by test").status())
        .isEqualTo(ExecutionStatus.ABORTED);
    assertThatThrownBy(() -> api.sendTaskSuccess(token, "{}"))
        .isInstanceOf(StatesApiException.TaskDoesNotExist.class);
  }

  @Test
  void aParkedTokenSurvivesARestartAndIsNotSentTwice() throws Exception {
    String arn = start(machine("\"HeartbeatSeconds\":3600,", ""), "{\"order\":10}");
    String token = tokenSent();
    eventually(() -> types(arn).contains(EventType.TaskStarted));
    stopEngine();
    startEngine();
    api.sendTaskHeartbeat(token);
    api.sendTaskSuccess(token, "{\"after\":\"restart\"}");
    ExecutionRecord done = finished(arn);
    assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(Json.parse(done.output()).get("after").asText()).isEqualTo("restart");
    assertThat(sends.get()).as("the message was sent once").isEqualTo(1);
  }

  @Test
  void withoutAnIntegrationTheTaskJustParks() throws Exception {
    String def = """
        {"StartAt":"Wait","States":{"Wait":{"Type":"Task",
          "Resource":"arn:aws:states:::events:putEvents.waitForTaskToken",
          "Parameters":{"t.$":"$$.Task.Token"},"End":true}}}""";
    String arn = start(def, "{}");
    eventually(() -> types(arn).contains(EventType.TaskStarted));
    // Nothing was sent, so nothing was submitted.
    assertThat(types(arn)).doesNotContain(EventType.TaskSubmitted);
    HistoryEvent scheduled = api.getExecutionHistory(arn, null, 100, false).items().stream()
        .filter(e -> e.type() == EventType.TaskScheduled).findFirst().orElseThrow();
    JsonNode params = Json.parse(scheduled.details().get("parameters").asText());
    api.sendTaskSuccess(params.get("t").asText(), "\"done\"");
    assertThat(finished(arn).output()).isEqualTo("\"done\"");
  }

  @Test
  void heartbeatTimersAreRowsOfTheTimerTable() {
    start(machine("\"HeartbeatSeconds\":10,", ""), "{\"order\":11}");
    assertThat(store.executions().nextTimerDue().getAsLong())
        .isEqualTo(clock.millis() + 10_000);
    TimerRecord none = new TimerRecord("arn:none", 1,
        dev.statecraft.engine.store.TimerKind.TASK_HEARTBEAT, 0);
    assertThat(store.executions().rescheduleTimer(none)).isFalse();
  }
}
