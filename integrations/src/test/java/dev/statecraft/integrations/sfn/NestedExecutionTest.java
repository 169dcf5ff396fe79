package dev.statecraft.integrations.sfn;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statecraft.engine.api.Arns;
import dev.statecraft.engine.api.StatesService;
import dev.statecraft.engine.core.EventType;
import dev.statecraft.engine.core.ExecutionStatus;
import dev.statecraft.engine.core.HistoryEvent;
import dev.statecraft.engine.core.Json;
import dev.statecraft.engine.spi.TaskRequest;
import dev.statecraft.engine.spi.TaskResult;
import dev.statecraft.engine.runtime.DurableEngine;
import dev.statecraft.engine.runtime.EngineConfig;
import dev.statecraft.engine.store.ExecutionRecord;
import dev.statecraft.engine.store.StateMachineType;
import dev.statecraft.engine.store.jdbc.JdbcStore;
import dev.statecraft.integrations.TaskHandlers;
import dev.statecraft.integrations.config.StatecraftConfig;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code states:startExecution} in its four patterns, through StatesService on in-memory H2. */
class NestedExecutionTest {
  private static final String CHILD = """
      {"StartAt":"Answer","States":{"Answer":{"Type":"Pass",
        "Parameters":{"greeting.$":"States.Format('hello {}', $.who)"},"End":true}}}""";
  private static final String FAILING_CHILD = """
      {"StartAt":"Boom","States":{"Boom":{"Type":"Fail","Error":"Child.Broken","Cause":"no stock"}}}""";
  private static final String WAITING_CHILD = """
      {"StartAt":"Wait","States":{"Wait":{"Type":"Wait","Seconds":86400,"End":true}}}""";

  private JdbcStore store;
  private TaskHandlers handlers;
  private DurableEngine engine;
  private StatesService service;

  @BeforeEach
  void open() {
    store = JdbcStore.h2Memory("nested-" + UUID.randomUUID());
    handlers = TaskHandlers.create(StatecraftConfig.empty());
    engine = new DurableEngine(store, EngineConfig.defaults(List.of(handlers)));
    engine.start();
    service = new StatesService(engine, Arns.defaults());
    handlers.connect(service);
    service.createStateMachine("Child", CHILD, null, StateMachineType.STANDARD);
    service.createStateMachine("FailingChild", FAILING_CHILD, null, StateMachineType.STANDARD);
    service.createStateMachine("WaitingChild", WAITING_CHILD, null, StateMachineType.STANDARD);
  }

  @AfterEach
  void close() {
    service.close();
    engine.close();
    handlers.close();
    store.close();
  }

  private static String parent(String resourceSuffix, String child, String extra) {
    return """
        {"StartAt":"Nest","States":{"Nest":{"Type":"Task",
          "Resource":"arn:aws:states:::states:startExecution%s",
          "Parameters":{"StateMachineArn":"arn:aws:states:us-east-1:123456789012:stateMachine:%s",
            "Name":"kid", "Input":{"who.$":"$.who"%s}},
          "End":true}}}""".formatted(resourceSuffix, child, extra);
  }

  private ExecutionRecord run(String definition, String input) throws Exception {
    service.createStateMachine("Parent", definition, null, StateMachineType.STANDARD);
    String arn = service.startExecution(service.arns().stateMachine("Parent"), "p1", input)
        .executionArn();
    return service.whenFinished(arn).get(20, TimeUnit.SECONDS);
  }

  private ExecutionRecord child(String machine) throws Exception {
    return service.whenFinished(service.arns().execution(machine, "kid"))
        .get(20, TimeUnit.SECONDS);
  }

  @Test
  void requestResponseAnswersWithTheStartResponse() throws Exception {
    ExecutionRecord p = run(parent("", "Child", ""), "{\"who\":\"ada\"}");

    assertThat(p.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    JsonNode out = Json.parse(p.output());
    assertThat(out.get("ExecutionArn").asText())
        .isEqualTo("arn:aws:states:us-east-1:123456789012:execution:Child:kid");
    assertThat(out.get("StartDate").isIntegralNumber()).isTrue();
    assertThat(out.at("/SdkHttpMetadata/HttpStatusCode").asInt()).isEqualTo(200);
    assertThat(out.at("/SdkResponseMetadata/RequestId").asText()).isNotEmpty();
    assertThat(child("Child").output()).isEqualTo("{\"greeting\":\"hello ada\"}");
  }

  @Test
  void syncAnswersWithTheChildsDescriptionAndOutputAsText() throws Exception {
    ExecutionRecord p = run(parent(".sync", "Child", ""), "{\"who\":\"ada\"}");

    assertThat(p.status()).as(p.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
    JsonNode out = Json.parse(p.output());
    ExecutionRecord c = child("Child");
    assertThat(out.get("Output").asText()).isEqualTo("{\"greeting\":\"hello ada\"}");
    assertThat(out.get("Input").asText()).isEqualTo("{\"who\":\"ada\"}");
    assertThat(out.get("Status").asText()).isEqualTo("SUCCEEDED");
    assertThat(out.get("StartDate").asLong()).isEqualTo(c.startMillis());
    assertThat(out.get("StopDate").asLong()).isEqualTo(c.stopMillis());
    assertThat(out.get("StateMachineArn").asText()).endsWith(":stateMachine:Child");
    assertThat(out.get("Name").asText()).isEqualTo("kid");
    assertThat(out.get("RedriveStatus").asText()).isEqualTo("NOT_REDRIVABLE");
    // AWS lists the keys in alphabetical order.
    assertThat(List.copyOf(Json.MAPPER.convertValue(out, java.util.LinkedHashMap.class).keySet()))
        .containsExactly("ExecutionArn", "Input", "InputDetails", "Name", "Output",
            "OutputDetails", "RedriveCount", "RedriveStatus", "RedriveStatusReason", "StartDate",
            "StateMachineArn", "Status", "StopDate");
    // The job-run pattern: the start's answer is TaskSubmitted, then the child's end succeeds.
    List<HistoryEvent> h = service.getExecutionHistory(p.arn(), null, 100, false).items();
    assertThat(h).extracting(HistoryEvent::type).containsExactly(EventType.ExecutionStarted,
        EventType.TaskStateEntered, EventType.TaskScheduled, EventType.TaskStarted,
        EventType.TaskSubmitted, EventType.TaskSucceeded, EventType.TaskStateExited,
        EventType.ExecutionSucceeded);
    JsonNode submitted = Json.parse(h.get(4).details().get("output").asText());
    assertThat(submitted.get("ExecutionArn").asText()).isEqualTo(c.arn());
    assertThat(submitted.has("StartDate")).isTrue();
    assertThat(h.get(4).details().get("resource").asText()).isEqualTo("startExecution.sync");
  }

  @Test
  void sync2AnswersWithOutputAsJson() throws Exception {
    ExecutionRecord p = run(parent(".sync:2", "Child", ""), "{\"who\":\"ada\"}");

    JsonNode out = Json.parse(p.output());
    assertThat(out.get("Output")).isEqualTo(Json.parse("{\"greeting\":\"hello ada\"}"));
    assertThat(out.get("Input")).isEqualTo(Json.parse("{\"who\":\"ada\"}"));
  }

  @Test
  void aFailedChildFailsTheTaskWithItsDescriptionAsCause() throws Exception {
    ExecutionRecord p = run(parent(".sync", "FailingChild", ""), "{\"who\":\"ada\"}");

    assertThat(p.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(p.error()).isEqualTo("States.TaskFailed");
    JsonNode cause = Json.parse(p.cause());
    assertThat(cause.get("Status").asText()).isEqualTo("FAILED");
    assertThat(cause.get("Error").asText()).isEqualTo("Child.Broken");
    assertThat(cause.get("Cause").asText()).isEqualTo("no stock");
    assertThat(cause.has("Output")).isFalse();
  }

  @Test
  void aCatchHandlesAFailedChild() throws Exception {
    String def = """
        {"StartAt":"Nest","States":{"Nest":{"Type":"Task",
          "Resource":"arn:aws:states:::states:startExecution.sync:2",
          "Parameters":{"StateMachineArn":"arn:aws:states:us-east-1:123456789012:stateMachine:FailingChild"},
          "Catch":[{"ErrorEquals":["States.TaskFailed"],"ResultPath":"$.failure","Next":"Handled"}],
          "End":true},
          "Handled":{"Type":"Pass","End":true}}}""";
    ExecutionRecord p = run(def, "{}");

    assertThat(p.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(Json.parse(p.output()).at("/failure/Error").asText()).isEqualTo("States.TaskFailed");
  }

  @Test
  void aRefusedStartFailsWithTheApisExceptionName() throws Exception {
    ExecutionRecord p = run(parent(".sync", "NoSuchMachine", ""), "{\"who\":\"ada\"}");

    assertThat(p.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(p.error()).isEqualTo("StepFunctions.StateMachineDoesNotExistException");
    assertThat(p.cause()).contains("Service: AWSStepFunctions; Status Code: 400;"
        + " Error Code: StateMachineDoesNotExist");
  }

  @Test
  void waitForTaskTokenHandsTheTokenToTheChildAndWaitsForTheCallback() throws Exception {
    service.createStateMachine("Parent", parent(".waitForTaskToken", "Child",
        ", \"TaskToken.$\":\"$$.Task.Token\""), null, StateMachineType.STANDARD);
    String arn = service.startExecution(service.arns().stateMachine("Parent"), "p1",
        "{\"who\":\"ada\"}").executionArn();

    ExecutionRecord c = child("Child");
    assertThat(Json.parse(c.input()).get("TaskToken").asText()).hasSizeGreaterThan(20);
    // The child has ended, yet the parent waits for SendTaskSuccess with the token.
    assertThat(service.describeExecution(arn).status()).isEqualTo(ExecutionStatus.RUNNING);
    // As AWS records it: the start's answer in TaskSubmitted, after TaskStarted.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    List<HistoryEvent> h;
    do {
      h = service.getExecutionHistory(arn, null, 100, false).items();
      assertThat(System.nanoTime()).as("TaskSubmitted recorded in time").isLessThan(deadline);
    } while (h.stream().noneMatch(e -> e.type() == EventType.TaskSubmitted));
    assertThat(h).extracting(HistoryEvent::type).containsSubsequence(EventType.TaskScheduled,
        EventType.TaskStarted, EventType.TaskSubmitted);
    HistoryEvent submitted = h.stream().filter(e -> e.type() == EventType.TaskSubmitted)
        .findFirst().orElseThrow();
    assertThat(Json.parse(submitted.details().get("output").asText()).get("ExecutionArn")
        .asText()).isEqualTo(c.arn());
    service.stopExecution(arn, null, null);
  }

  @Test
  void stoppingTheParentStopsASyncChild() throws Exception {
    service.createStateMachine("Parent", parent(".sync", "WaitingChild", ""), null,
        StateMachineType.STANDARD);
    String arn = service.startExecution(service.arns().stateMachine("Parent"), "p1",
        "{\"who\":\"ada\"}").executionArn();
    // The task is dispatched when the parent's first step commits, inside startExecution.
    assertThat(service.describeExecution(service.arns().execution("WaitingChild", "kid"))
        .status()).isEqualTo(ExecutionStatus.RUNNING);

    service.stopExecution(arn, null, null);

    assertThat(child("WaitingChild").status()).isEqualTo(ExecutionStatus.ABORTED);
  }

  @Test
  void aTaskDispatchedAgainWithoutANameFindsTheChildItStarted() throws Exception {
    String resource = "arn:aws:states:::states:startExecution.sync:2";
    JsonNode params = Json.parse("{\"StateMachineArn\":\""
        + service.arns().stateMachine("Child") + "\",\"Input\":{\"who\":\"ada\"}}");
    String parentArn = service.arns().execution("Parent", "p1");
    TaskRequest task = new TaskRequest(parentArn, 7, "Nest", resource, params, null, null, null,
        null);
    // The engine dispatches a task again after a restart: same execution, same task id.
    TaskResult first = ended(handlers.invoke(task));
    TaskResult again = ended(handlers.invoke(task));

    assertThat(first).isInstanceOf(TaskResult.Success.class);
    String childArn = ((TaskResult.Success) first).output().get("ExecutionArn").asText();
    assertThat(((TaskResult.Success) again).output().get("ExecutionArn").asText())
        .isEqualTo(childArn);
    assertThat(((TaskResult.Success) again).output().get("Output"))
        .isEqualTo(((TaskResult.Success) first).output().get("Output"));
    assertThat(service.listExecutions(service.arns().stateMachine("Child"), null, null, 10)
        .items()).extracting(ExecutionRecord::arn).containsExactly(childArn);

    // Another attempt (a Retry: a new task id) starts a child of its own.
    TaskRequest retry = new TaskRequest(parentArn, 8, "Nest", resource, params, null, null, null,
        null);
    TaskResult other = ended(handlers.invoke(retry));
    assertThat(((TaskResult.Success) other).output().get("ExecutionArn").asText())
        .isNotEqualTo(childArn);
  }

  /** How a task ends: a .sync task first answers Submitted, then its outcome follows. */
  private static TaskResult ended(java.util.concurrent.CompletionStage<TaskResult> stage)
      throws Exception {
    TaskResult r = stage.toCompletableFuture().get(20, TimeUnit.SECONDS);
    return r instanceof TaskResult.Submitted s ? ended(s.outcome()) : r;
  }
}
