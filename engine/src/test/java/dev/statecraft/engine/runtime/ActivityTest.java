package dev.statecraft.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statecraft.engine.api.ActivityTask;
import dev.statecraft.engine.api.Arns;
import dev.statecraft.engine.api.StatesApiException;
import dev.statecraft.engine.api.StatesService;
import dev.statecraft.engine.core.EventType;
import dev.statecraft.engine.core.ExecutionStatus;
import dev.statecraft.engine.core.HistoryEvent;
import dev.statecraft.engine.core.Json;
import dev.statecraft.engine.store.ActivityRecord;
import dev.statecraft.engine.store.ExecutionRecord;
import dev.statecraft.engine.store.StateMachineType;
import dev.statecraft.engine.store.jdbc.JdbcStore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Activities: the API, workers' long polls, and activity Task states on the durable engine. */
class ActivityTest {
  private static final AtomicInteger DB = new AtomicInteger();

  private final MutableClock clock = new MutableClock(1_700_000_000_000L);
  private JdbcStore store;
  private DurableEngine engine;
  private StatesService api;

  @BeforeEach
  void open() {
    store = JdbcStore.h2Memory("activities" + DB.incrementAndGet());
    startEngine();
  }

  private void startEngine() {
    engine = new DurableEngine(store, EngineConfig.defaults(List.of()).withClock(clock));
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

  private String start(String definition, String input) {
    String m = api.createStateMachine("m", definition, "role", StateMachineType.STANDARD).arn();
    return api.startExecution(m, null, input).executionArn();
  }

  private static String oneTask(String activityArn, String extra) {
    return """
        {"StartAt":"Work","States":{"Work":{"Type":"Task","Resource":"%s",%s"End":true}}}"""
        .formatted(activityArn, extra);
  }

  private ActivityTask take(String activityArn, String worker) throws Exception {
    return api.getActivityTask(activityArn, worker).get(10, TimeUnit.SECONDS).orElseThrow();
  }

  @Test
  void activitiesAreCreatedIdempotentlyDescribedListedAndDeleted() {
    ActivityRecord a = api.createActivity("approve");
    assertThat(a.arn()).isEqualTo("arn:aws:states:us-east-1:123456789012:activity:approve");
    assertThat(api.createActivity("approve")).isEqualTo(a);
    api.createActivity("bill");
    assertThat(api.describeActivity(a.arn()).name()).isEqualTo("approve");
    assertThat(api.listActivities(null, null).items()).extracting(ActivityRecord::name)
        .containsExactly("approve", "bill");
    assertThat(api.listActivities(null, 1).nextToken()).isNotNull();
    api.deleteActivity(a.arn());
    assertThatThrownBy(() -> api.describeActivity(a.arn()))
        .isInstanceOf(StatesApiException.ActivityDoesNotExist.class);
    api.deleteActivity(a.arn()); // twice is fine
    assertThatThrownBy(() -> api.describeActivity("arn:aws:states:us-east-1:1:stateMachine:x"))
        .isInstanceOf(StatesApiException.InvalidArn.class);
    assertThatThrownBy(() -> api.createActivity("bad name"))
        .isInstanceOf(StatesApiException.InvalidName.class);
    assertThatThrownBy(() -> api.getActivityTask(a.arn(), "w"))
        .isInstanceOf(StatesApiException.ActivityDoesNotExist.class);
  }

  @Test
  void aPollWithNothingToDoAnswersEmptyAfterItsWait() throws Exception {
    String arn = api.createActivity("idle").arn();
    api.activityPollWait(Duration.ofMillis(50));
    CompletableFuture<Optional<ActivityTask>> poll = api.getActivityTask(arn, "w1");
    assertThat(poll.get(10, TimeUnit.SECONDS)).isEmpty();
  }

  @Test
  void aWaitingWorkerGetsTheTaskAndItsAnswerEndsTheState() throws Exception {
    String activity = api.createActivity("greet").arn();
    CompletableFuture<Optional<ActivityTask>> poll = api.getActivityTask(activity, "worker-7");
    assertThat(poll).isNotDone();
    String arn = start(oneTask(activity, "\"TimeoutSeconds\":600,"), "{\"who\":\"Ada\"}");
    ActivityTask task = poll.get(10, TimeUnit.SECONDS).orElseThrow();
    assertThat(Json.parse(task.input())).isEqualTo(Json.parse("{\"who\":\"Ada\"}"));
    assertThat(task.taskToken()).hasSize(32).matches("[A-Za-z0-9_-]+");
    api.sendTaskSuccess(task.taskToken(), "{\"greeting\":\"hello Ada\"}");
    ExecutionRecord done = engine.whenFinished(arn).get(10, TimeUnit.SECONDS);
    assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    List<HistoryEvent> h = api.getExecutionHistory(arn, null, 100, false).items();
    assertThat(h).extracting(HistoryEvent::type).containsExactly(EventType.ExecutionStarted,
        EventType.TaskStateEntered, EventType.ActivityScheduled, EventType.ActivityStarted,
        EventType.ActivitySucceeded, EventType.TaskStateExited, EventType.ExecutionSucceeded);
    JsonNode scheduled = h.get(2).details();
    assertThat(scheduled.get("resource").asText()).isEqualTo(activity);
    assertThat(scheduled.get("timeoutInSeconds").asLong()).isEqualTo(600);
    assertThat(Json.parse(scheduled.get("input").asText()).get("who").asText())
        .isEqualTo("Ada");
    assertThat(h.get(3).details().get("workerName").asText()).isEqualTo("worker-7");
  }

  @Test
  void aScheduledTaskSurvivesARestartUntilAWorkerTakesIt() throws Exception {
    String activity = api.createActivity("later").arn();
    String arn = start(oneTask(activity, ""), "{\"n\":1}");
    stopEngine();
    startEngine();
    ActivityTask task = take(activity, "after-restart");
    api.sendTaskFailure(task.taskToken(), "Nope", "worker refused");
    ExecutionRecord done = engine.whenFinished(arn).get(10, TimeUnit.SECONDS);
    assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(done.error()).isEqualTo("Nope");
    assertThat(api.getExecutionHistory(arn, null, 100, true).items().get(1).type())
        .isEqualTo(EventType.ActivityFailed);
  }

  @Test
  void aTaskNobodyTakesTimesOutAndLeavesTheQueue() throws Exception {
    String activity = api.createActivity("slow").arn();
    String arn = start(oneTask(activity, "\"TimeoutSeconds\":5,"), "{}");
    clock.advance(Duration.ofSeconds(6));
    engine.wakeTimers();
    ExecutionRecord done = engine.whenFinished(arn).get(10, TimeUnit.SECONDS);
    assertThat(done.error()).isEqualTo("States.Timeout");
    assertThat(api.getExecutionHistory(arn, null, 100, true).items().get(1).type())
        .isEqualTo(EventType.ActivityTimedOut);
    api.activityPollWait(Duration.ofMillis(20));
    assertThat(api.getActivityTask(activity, "w").get(10, TimeUnit.SECONDS)).isEmpty();
  }

  @Test
  void aWorkerThreadCompletesAThousandActivityTasks() throws Exception {
    int n = 1_000;
    String activity = api.createActivity("square").arn();
    String def = """
        {"StartAt":"Each","States":{"Each":{"Type":"Map","ItemsPath":"$.items",
          "ItemProcessor":{"StartAt":"Square","States":{"Square":{"Type":"Task",
            "Resource":"%s","HeartbeatSeconds":600,"End":true}}},
          "End":true}}}""".formatted(activity);
    StringBuilder items = new StringBuilder("{\"items\":[");
    for (int i = 0; i < n; i++) {
      items.append(i == 0 ? "" : ",").append("{\"x\":").append(i).append('}');
    }
    String arn = start(def, items.append("]}").toString());
    AtomicInteger completed = new AtomicInteger();
    Thread worker = new Thread(() -> {
      try {
        while (completed.get() < n) {
          Optional<ActivityTask> t = api.getActivityTask(activity, "squarer")
              .get(30, TimeUnit.SECONDS);
          if (t.isEmpty()) {
            continue;
          }
          long x = Json.parse(t.get().input()).get("x").asLong();
          api.sendTaskHeartbeat(t.get().taskToken());
          api.sendTaskSuccess(t.get().taskToken(), Long.toString(x * x));
          completed.incrementAndGet();
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }, "activity-worker");
    worker.start();
    ExecutionRecord done = engine.whenFinished(arn).get(120, TimeUnit.SECONDS);
    worker.join(10_000);
    assertThat(completed.get()).isEqualTo(n);
    assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    JsonNode out = Json.parse(done.output());
    assertThat(out).hasSize(n);
    for (int i = 0; i < n; i++) {
      assertThat(out.get(i).asLong()).isEqualTo((long) i * i);
    }
  }
}
