package dev.statecraft.integrations.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statecraft.asl.model.ErrorNames;
import dev.statecraft.engine.api.StartResult;
import dev.statecraft.engine.api.StatesApiException;
import dev.statecraft.engine.api.StatesService;
import dev.statecraft.engine.core.ExecutionStatus;
import dev.statecraft.engine.core.Json;
import dev.statecraft.engine.spi.TaskHandler;
import dev.statecraft.engine.spi.TaskRequest;
import dev.statecraft.engine.spi.TaskResult;
import dev.statecraft.engine.store.ExecutionRecord;
import dev.statecraft.engine.store.StateMachineType;
import dev.statecraft.integrations.IntegrationPattern;
import dev.statecraft.integrations.ResourceArn;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Nested executions: {@code arn:aws:states:::states:startExecution} with AWS's four patterns.
 *
 * <ul>
 *   <li>request-response: starts the child and answers {@code {ExecutionArn, StartDate, …}};
 *   <li>{@code .sync}: answers when the child ends, with its DescribeExecution response (Input and
 *       Output as JSON text); a child that did not succeed fails the task with {@code
 *       States.TaskFailed} and that response as the cause;
 *   <li>{@code .sync:2}: the same with Input and Output as JSON values;
 *   <li>{@code .waitForTaskToken}: starts the child (which gets the token through Parameters,
 *       e.g. {@code "Input": {"TaskToken.$": "$$.Task.Token"}}) and leaves the task to the
 *       callback (SendTaskSuccess / SendTaskFailure with that token).
 * </ul>
 *
 * <p>Parameters: {@code StateMachineArn} (required; a {@code #TestCase} suffix selects mocks),
 * {@code Input} (a JSON value, or JSON text) and {@code Name}. A start the API refuses fails the
 * task with {@code StepFunctions.<Exception>Exception}, as on AWS.
 *
 * <p>The handler reaches the engine through {@link StatesService}, which itself is built over the
 * handlers, so it is {@link #connect connected} after construction. Waiting never holds a thread:
 * {@code .sync} composes on {@link StatesService#whenFinished}. When the parent no longer waits
 * (it was stopped, timed out, or its branch failed) a {@code .sync} child is stopped too.
 */
public final class StartExecutionHandler implements TaskHandler {
  private static final Logger LOG = Logger.getLogger(StartExecutionHandler.class.getName());

  private final AtomicReference<StatesService> service = new AtomicReference<>();

  /** Gives the handler the API it starts children with. */
  public void connect(StatesService states) {
    service.set(states);
  }

  @Override
  public boolean supports(String resource) {
    return ResourceArn.parse(resource).map(a -> a.isIntegration("states", "startExecution")
        && (a.pattern() != IntegrationPattern.SYNC || a.patternVersion() == null
            || "2".equals(a.patternVersion()))).orElse(false);
  }

  @Override
  public CompletionStage<TaskResult> invoke(TaskRequest request) {
    StatesService states = service.get();
    if (states == null) {
      return done(TaskResult.failure(ErrorNames.TASK_FAILED, "Nested executions ('"
          + request.resource() + "') need the Step Functions API, which this runner does not"
          + " have; run the definition with `statecraft serve`"));
    }
    ResourceArn arn = ResourceArn.parse(request.resource()).orElseThrow();
    JsonNode params = request.input();
    String machineArn = params.path("StateMachineArn").isTextual()
        ? params.get("StateMachineArn").asText() : null;
    if (machineArn == null) {
      return done(TaskResult.failure(ErrorNames.RUNTIME, "The field 'StateMachineArn' is"
          + " required (a string) in the Parameters of state '" + request.stateName() + "'"));
    }
    JsonNode nameNode = params.get("Name");
    if (nameNode != null && !nameNode.isTextual()) {
      return done(TaskResult.failure(ErrorNames.RUNTIME, "The field 'Name' must be a string in"
          + " the Parameters of state '" + request.stateName() + "'"));
    }
    String requestId = UUID.randomUUID().toString();
    // Without a Name the child's is derived from this task (execution, task id), not random:
    // dispatched again after a restart, the task finds the child it started instead of
    // starting a second one.
    String name = nameNode != null ? nameNode.asText()
        : UUID.nameUUIDFromBytes((request.executionArn() + "#" + request.taskId())
            .getBytes(StandardCharsets.UTF_8)).toString();
    StartResult started;
    try {
      if (arn.pattern() == IntegrationPattern.SYNC && isExpress(states, machineArn)) {
        // Express executions keep no stored record to wait on.
        return done(TaskResult.failure(ErrorNames.TASK_FAILED, "'" + request.resource()
            + "' cannot wait for the Express state machine " + machineArn + " yet; start it"
            + " without .sync, or make it STANDARD"));
      }
      started = start(states, machineArn, name, nameNode == null, inputText(params.get("Input")));
    } catch (StatesApiException e) {
      return done(refused(e, requestId));
    }
    if (arn.pattern() == IntegrationPattern.REQUEST_RESPONSE
        || arn.pattern() == IntegrationPattern.WAIT_FOR_TASK_TOKEN) {
      // For a callback task this answer is what TaskSubmitted records; only the callback with
      // the task token ends the task, not the child's own end.
      return done(TaskResult.success(ChildExecutionOutput.started(started, requestId)));
    }
    // .sync: the start's answer is TaskSubmitted; the task ends with the child.
    return done(new TaskResult.Submitted(ChildExecutionOutput.started(started, requestId),
        waitFor(states, started.executionArn(), "2".equals(arn.patternVersion()))));
  }

  /**
   * Starts the child. A derived name already taken means this task started the child before a
   * restart (the same input gives back a running child; a finished one is taken as it is).
   */
  private static StartResult start(StatesService states, String machineArn, String name,
      boolean derived, String input) {
    try {
      return states.startExecution(machineArn, name, input);
    } catch (StatesApiException.ExecutionAlreadyExists e) {
      if (!derived) {
        throw e;
      }
      ExecutionRecord existing = states.describeExecution(e.executionArn());
      return new StartResult(existing.arn(), existing.startMillis());
    }
  }

  private static CompletableFuture<TaskResult> waitFor(StatesService states, String childArn,
      boolean parsed) {
    CompletableFuture<ExecutionRecord> finished = states.whenFinished(childArn);
    CompletableFuture<TaskResult> result = finished.thenApply(r ->
        r.status() == ExecutionStatus.SUCCEEDED
            ? TaskResult.success(ChildExecutionOutput.described(r, parsed))
            : TaskResult.failure(ErrorNames.TASK_FAILED,
                Json.write(ChildExecutionOutput.described(r, parsed))));
    result.whenComplete((r, e) -> {
      if (result.isCancelled()) {
        stopChild(states, childArn);
      }
    });
    return result;
  }

  private static boolean isExpress(StatesService states, String machineArn) {
    int hash = machineArn.indexOf('#');
    String plain = hash < 0 ? machineArn : machineArn.substring(0, hash);
    return states.describeStateMachine(plain).type() == StateMachineType.EXPRESS;
  }

  /** The parent no longer waits: stop the child as AWS does, off the cancelling thread. */
  private static void stopChild(StatesService states, String childArn) {
    CompletableFuture.runAsync(() -> {
      try {
        states.stopExecution(childArn, null, "The parent execution no longer waits for it");
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "Could not stop child " + childArn, e);
      }
    });
  }

  /** Input as StartExecution takes it: JSON text; an object or other value is written out. */
  private static String inputText(JsonNode input) {
    if (input == null || input.isNull()) {
      return "{}";
    }
    if (input.isTextual()) {
      try {
        Json.parse(input.asText());
        return input.asText();
      } catch (RuntimeException notJson) {
        return Json.write(input); // a plain string becomes a JSON string
      }
    }
    return Json.write(input);
  }

  /** How AWS reports a refused StartExecution: {@code StepFunctions.<Code>Exception}. */
  private static TaskResult refused(StatesApiException e, String requestId) {
    String code = e.errorName();
    return TaskResult.failure("StepFunctions." + code + "Exception", e.getMessage()
        + " (Service: AWSStepFunctions; Status Code: 400; Error Code: " + code
        + "; Request ID: " + requestId + "; Proxy: null)");
  }

  private static CompletableFuture<TaskResult> done(TaskResult r) {
    return CompletableFuture.completedFuture(r);
  }
}
