package dev.statecraft.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statecraft.asl.Asl;
import dev.statecraft.asl.ParseResult;
import dev.statecraft.asl.validate.Diagnostic;
import dev.statecraft.engine.core.Event;
import dev.statecraft.engine.core.ExecutionInfo;
import dev.statecraft.engine.core.ExecutionStatus;
import dev.statecraft.engine.core.HistoryEvent;
import dev.statecraft.engine.core.Json;
import dev.statecraft.engine.runtime.DurableEngine;
import dev.statecraft.engine.store.ActivityRecord;
import dev.statecraft.engine.store.DuplicateKeyException;
import dev.statecraft.engine.store.ExecutionRecord;
import dev.statecraft.engine.store.Page;
import dev.statecraft.engine.store.StateMachineRecord;
import dev.statecraft.engine.store.StateMachineType;
import dev.statecraft.engine.store.StoreException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * The Step Functions API in Java: state machines and executions, with AWS's rules and exception
 * names. Standard executions run on the {@link DurableEngine}; Express ones in memory.
 */
public final class StatesService implements AutoCloseable {
  /** AWS's limit on execution input and output: 256 KiB of UTF-8. */
  public static final int MAX_PAYLOAD_BYTES = 256 * 1024;
  /** How long an execution name stays taken after its execution ended. */
  public static final long NAME_RETENTION_MILLIS = 90L * 24 * 3600 * 1000;
  private static final int DEFAULT_PAGE = 100;
  private static final int MAX_PAGE = 1000;

  private final DurableEngine engine;
  private final Arns arns;
  private final Clock clock;
  private final ExpressRuns express;
  private final TaskCallbacks callbacks;
  private final Activities activities;
  private volatile Duration activityPollWait = Duration.ofSeconds(60);
  private final TestCaseStarts testCases;

  public StatesService(DurableEngine engine, Arns arns) {
    this.engine = engine;
    this.arns = arns;
    this.clock = engine.config().clock();
    this.express = new ExpressRuns(engine.config().handlers(),
        Math.max(2, engine.config().workers()), 1_000);
    this.callbacks = new TaskCallbacks(engine);
    this.activities = new Activities(engine, arns);
    this.testCases = new TestCaseStarts(engine, arns);
  }

  public Arns arns() {
    return arns;
  }

  /** TestState: one state on one input, with this engine's task handlers. */
  public StateTester.Outcome testState(String stateDefinition, String input) {
    return testState(stateDefinition, input, StateTester.InspectionLevel.INFO);
  }

  /** TestState with an inspection level: DEBUG and TRACE add the data of every stage. */
  public StateTester.Outcome testState(String stateDefinition, String input,
      StateTester.InspectionLevel level) {
    return testState(new StateTester.Request(stateDefinition, null, input, null, null, level));
  }

  /** TestState with every option: a state of a whole machine, variables, a mocked answer. */
  public StateTester.Outcome testState(StateTester.Request request) {
    return new StateTester(engine.config().handlers()).test(request);
  }

  /**
   * Lets executions be started with {@code <state machine ARN>#<TestCase>} (Step Functions
   * Local's mock selection); without a binding such ARNs are InvalidArn.
   */
  public void useTestCases(TestCaseBinding binding) {
    testCases.use(binding);
  }

  /** A future completed with the final row of a Standard execution once it ends. */
  public java.util.concurrent.CompletableFuture<ExecutionRecord> whenFinished(String executionArn) {
    return engine.whenFinished(executionArn);
  }

  // ---- state machines -----------------------------------------------------------------------

  /** CreateStateMachine. */
  public StateMachineRecord createStateMachine(String name, String definition, String roleArn,
      StateMachineType type) {
    if (!Arns.validName(name)) {
      throw new StatesApiException.InvalidName(name);
    }
    checkDefinition(definition);
    long now = clock.millis();
    if (roleArn == null || roleArn.isBlank()) {
      // AWS requires a role; locally one is made up so histories and $$ look like AWS's.
      roleArn = "arn:aws:iam::" + arns.account() + ":role/statecraft-execution";
    }
    StateMachineRecord r = new StateMachineRecord(arns.stateMachine(name), name,
        type == null ? StateMachineType.STANDARD : type, 1, definition, roleArn, now, now);
    try {
      engine.store().stateMachines().create(r);
    } catch (DuplicateKeyException e) {
      StateMachineRecord existing = describeStateMachine(r.arn());
      // AWS: creating the same machine again is idempotent; a different one is an error.
      if (existing.definition().equals(definition) && existing.type() == r.type()
          && java.util.Objects.equals(existing.roleArn(), roleArn)) {
        return existing;
      }
      throw new StatesApiException.StateMachineAlreadyExists(r.arn());
    }
    return r;
  }

  /** UpdateStateMachine: writes a new version; running executions keep theirs. */
  public StateMachineRecord updateStateMachine(String arn, String definition, String roleArn) {
    for (int attempt = 0; attempt < 5; attempt++) {
      StateMachineRecord current = describeStateMachine(arn);
      String def = definition == null ? current.definition() : definition;
      checkDefinition(def);
      StateMachineRecord next = new StateMachineRecord(arn, current.name(), current.type(),
          current.version() + 1, def, roleArn == null ? current.roleArn() : roleArn,
          current.createdMillis(), clock.millis());
      if (engine.store().stateMachines().addVersion(next)) {
        machines.remove(arn);
        return next;
      }
    }
    throw new StoreException("State machine " + arn + " keeps changing; try again");
  }

  /** DescribeStateMachine (latest version). */
  public StateMachineRecord describeStateMachine(String arn) {
    if (!arns.isStateMachine(arn)) {
      throw new StatesApiException.InvalidArn(arn);
    }
    return engine.store().stateMachines().find(arn)
        .orElseThrow(() -> new StatesApiException.StateMachineDoesNotExist(arn));
  }

  /** One version of a state machine (also of a deleted one): DescribeStateMachineForExecution. */
  public StateMachineRecord stateMachineVersion(String arn, int version) {
    return engine.store().stateMachines().find(arn, version)
        .orElseThrow(() -> new StatesApiException.StateMachineDoesNotExist(arn));
  }

  public Page<StateMachineRecord> listStateMachines(String nextToken, Integer maxResults) {
    return engine.store().stateMachines().list(nextToken, pageSize(maxResults));
  }

  /** DeleteStateMachine: running executions go on with their version. */
  public void deleteStateMachine(String arn) {
    if (!arns.isStateMachine(arn)) {
      throw new StatesApiException.InvalidArn(arn);
    }
    engine.store().stateMachines().delete(arn);
    machines.remove(arn);
  }

  private static void checkDefinition(String definition) {
    if (definition == null) {
      throw new StatesApiException.InvalidDefinition("Definition is required");
    }
    ParseResult parsed = Asl.parse(definition);
    if (!parsed.valid()) {
      throw new StatesApiException.InvalidDefinition("Invalid State Machine Definition: '"
          + parsed.errors().stream().map(Diagnostic::format).collect(Collectors.joining(", "))
          + "'");
    }
  }

  // ---- executions ---------------------------------------------------------------------------

  /**
   * StartExecution. For a Standard machine the first step is committed before this returns; the
   * same name with the same input returns the running execution, any other reuse of a name
   * within 90 days is ExecutionAlreadyExists.
   */
  public StartResult startExecution(String stateMachineArn, String name, String input) {
    String testCase = testCases.testCase(stateMachineArn);
    StateMachineRecord machine =
        describeStateMachine(TestCaseStarts.withoutTestCase(stateMachineArn));
    String execName = executionName(name);
    JsonNode parsed = parseInput(input);
    if (machine.type() == StateMachineType.EXPRESS) {
      ExecutionInfo info = expressInfo(machine, execName);
      testCases.bind(info.executionArn(), machine, testCase);
      express.startAsync(engine.machine(machine.arn(), machine.version()), info, parsed,
          () -> testCases.release(info.executionArn(), testCase));
      return new StartResult(info.executionArn(), info.startMillis());
    }
    String arn = arns.execution(machine.name(), execName);
    testCases.bind(arn, machine, testCase);
    try {
      StartResult started = startStandard(machine, arn, execName, parsed);
      testCases.releaseWhenFinished(arn, testCase);
      return started;
    } catch (StatesApiException.ExecutionAlreadyExists e) {
      throw e; // the binding belongs to the execution that holds the name
    } catch (RuntimeException e) {
      testCases.release(arn, testCase);
      throw e;
    }
  }

  private StartResult startStandard(StateMachineRecord machine, String arn, String execName,
      JsonNode parsed) {
    for (int attempt = 0; attempt < 3; attempt++) {
      try {
        ExecutionRecord r = engine.startExecution(machine, arn, execName, parsed);
        return new StartResult(r.arn(), r.startMillis());
      } catch (DuplicateKeyException e) {
        ExecutionRecord existing = engine.store().executions().find(arn).orElse(null);
        if (existing == null) {
          continue; // deleted meanwhile
        }
        if (existing.status() == ExecutionStatus.RUNNING
            && Json.parse(existing.input()).equals(parsed)) {
          return new StartResult(existing.arn(), existing.startMillis());
        }
        if (existing.status().isTerminal()
            && clock.millis() - existing.stopMillis() > NAME_RETENTION_MILLIS) {
          engine.store().executions().delete(arn);
          continue;
        }
        throw new StatesApiException.ExecutionAlreadyExists(arn);
      }
    }
    throw new StatesApiException.ExecutionAlreadyExists(arn);
  }

  /** StartSyncExecution: Express only; runs to the end and returns the outcome. */
  public ExpressExecution startSyncExecution(String stateMachineArn, String name, String input) {
    String testCase = testCases.testCase(stateMachineArn);
    StateMachineRecord machine =
        recentStateMachine(TestCaseStarts.withoutTestCase(stateMachineArn));
    if (machine.type() != StateMachineType.EXPRESS) {
      throw new StatesApiException.StateMachineTypeNotSupported(
          "This operation is not supported by this type of state machine");
    }
    String execName = executionName(name);
    JsonNode parsed = parseInput(input);
    ExecutionInfo info = expressInfo(machine, execName);
    testCases.bind(info.executionArn(), machine, testCase);
    try {
      return express.runSync(engine.machine(machine.arn(), machine.version()), info, parsed);
    } finally {
      testCases.release(info.executionArn(), testCase);
    }
  }

  /**
   * StartSyncExecution on the calling thread when that is quick and touches no storage: the
   * machine was read in the last second, is Express, has no Task or Wait states and finishes
   * within a small budget of states. Null means "use {@link #startSyncExecution}" (on a worker).
   */
  public ExpressExecution tryStartSyncExecutionInline(String stateMachineArn, String name,
      String input) {
    if (stateMachineArn == null || stateMachineArn.indexOf('#') >= 0) {
      return null;
    }
    Cached c = machines.get(stateMachineArn);
    if (c == null || clock.millis() - c.readMillis() >= MACHINE_CACHE_MILLIS
        || c.machine().type() != StateMachineType.EXPRESS) {
      return null;
    }
    dev.statecraft.asl.model.StateMachine model =
        engine.cachedMachine(c.machine().arn(), c.machine().version());
    if (model == null) {
      return null;
    }
    return express.tryInline(model, expressInfo(c.machine(), executionName(name)),
        parseInput(input));
  }

  /** The given execution name, checked, or a fresh UUID when none is given. */
  private static String executionName(String name) {
    String execName = name == null ? UUID.randomUUID().toString() : name;
    if (!Arns.validName(execName)) {
      throw new StatesApiException.InvalidName(execName);
    }
    return execName;
  }

  /** How long a state machine read for a synchronous Express start is reused. */
  private static final long MACHINE_CACHE_MILLIS = 1_000;
  private final java.util.concurrent.ConcurrentHashMap<String, Cached> machines =
      new java.util.concurrent.ConcurrentHashMap<>();

  private record Cached(StateMachineRecord machine, long readMillis) {}

  /**
   * The latest version, read from the store at most once a second per state machine: a
   * synchronous Express start is on the hot path, and a database read per request dominated it.
   * Updates and deletes on this node take effect at once; on other nodes within a second.
   */
  private StateMachineRecord recentStateMachine(String arn) {
    long now = clock.millis();
    Cached c = machines.get(arn);
    if (c != null && now - c.readMillis() < MACHINE_CACHE_MILLIS) {
      return c.machine();
    }
    StateMachineRecord m = describeStateMachine(arn);
    machines.put(arn, new Cached(m, now));
    return m;
  }

  /** The most recent Express executions (bounded; Express keeps no history). */
  public List<ExpressExecution> recentExpressExecutions() {
    return express.recent();
  }

  private ExecutionInfo expressInfo(StateMachineRecord machine, String execName) {
    return new ExecutionInfo(arns.expressExecution(machine.name(), execName,
        UUID.randomUUID().toString()), execName, machine.arn(), machine.name(), machine.roleArn(),
        clock.millis(), null);
  }

  private static JsonNode parseInput(String input) {
    String text = input == null ? "{}" : input;
    if (text.getBytes(StandardCharsets.UTF_8).length > MAX_PAYLOAD_BYTES) {
      throw new StatesApiException.ValidationException("1 validation error detected: Value at"
          + " 'input' failed to satisfy constraint: Member must have length less than or equal"
          + " to " + MAX_PAYLOAD_BYTES);
    }
    try {
      return Json.MAPPER.readTree(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new StatesApiException.InvalidExecutionInput("Invalid State Machine Execution"
          + " Input: '" + e.getOriginalMessage() + "'");
    }
  }

  /** DescribeExecution (Standard). */
  public ExecutionRecord describeExecution(String executionArn) {
    if (!arns.isExecution(executionArn)) {
      throw new StatesApiException.InvalidArn(executionArn);
    }
    return engine.store().executions().find(executionArn)
        .orElseThrow(() -> new StatesApiException.ExecutionDoesNotExist(executionArn));
  }

  /** ListExecutions, newest first, optionally of one status. */
  public Page<ExecutionRecord> listExecutions(String stateMachineArn, ExecutionStatus status,
      String nextToken, Integer maxResults) {
    describeStateMachine(stateMachineArn);
    return engine.store().executions().list(stateMachineArn, status, nextToken,
        pageSize(maxResults));
  }

  /**
   * StopExecution: aborts the execution (ExecutionAborted; tasks in flight are cancelled) and
   * returns its final row.
   */
  public ExecutionRecord stopExecution(String executionArn, String error, String cause) {
    ExecutionRecord r = describeExecution(executionArn);
    if (r.status() != ExecutionStatus.RUNNING) {
      return r;
    }
    engine.send(executionArn, new Event.Stop(error, cause, clock.millis()));
    try {
      return engine.whenFinished(executionArn).get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return describeExecution(executionArn);
    } catch (ExecutionException | TimeoutException e) {
      return describeExecution(executionArn);
    }
  }

  /** GetExecutionHistory, oldest first unless {@code reverseOrder}. */
  public Page<HistoryEvent> getExecutionHistory(String executionArn, String nextToken,
      Integer maxResults, boolean reverseOrder) {
    describeExecution(executionArn);
    return engine.store().executions().history(executionArn, nextToken, pageSize(maxResults),
        reverseOrder);
  }

  /** AWS: an execution can be redriven within 14 days of its end. */
  public static final long REDRIVE_WINDOW_MILLIS = 14L * 24 * 3600 * 1000;
  /** AWS: at most 1,000 redrives per execution. */
  public static final int MAX_REDRIVES = 1000;

  /**
   * RedriveExecution: a FAILED, TIMED_OUT or ABORTED Standard execution runs again from the
   * state where it stopped; the states that succeeded are not run again.
   */
  public StartResult redriveExecution(String executionArn) {
    ExecutionRecord r = describeExecution(executionArn);
    ExecutionStatus status = r.status();
    if (status != ExecutionStatus.FAILED && status != ExecutionStatus.TIMED_OUT
        && status != ExecutionStatus.ABORTED) {
      throw new StatesApiException.ExecutionNotRedrivable("Execution '" + r.arn()
          + "' cannot be redriven: its status is " + status + "; only FAILED, TIMED_OUT and"
          + " ABORTED executions can be redriven");
    }
    long now = clock.millis();
    if (r.stopMillis() > 0 && now - r.stopMillis() > REDRIVE_WINDOW_MILLIS) {
      throw new StatesApiException.ExecutionNotRedrivable("Execution '" + r.arn()
          + "' ended more than 14 days ago and can no longer be redriven");
    }
    if (r.redriveCount() >= MAX_REDRIVES) {
      throw new StatesApiException.ExecutionNotRedrivable("Execution '" + r.arn()
          + "' has been redriven " + MAX_REDRIVES + " times, the maximum");
    }
    engine.send(r.arn(), new Event.Redrive(now));
    return new StartResult(r.arn(), now);
  }

  private static int pageSize(Integer maxResults) {
    if (maxResults == null || maxResults == 0) {
      return DEFAULT_PAGE;
    }
    if (maxResults < 0 || maxResults > MAX_PAGE) {
      throw new StatesApiException.ValidationException("1 validation error detected: Value '"
          + maxResults + "' at 'maxResults' failed to satisfy constraint: Member must have"
          + " value less than or equal to " + MAX_PAGE);
    }
    return maxResults;
  }

  // ---- task tokens --------------------------------------------------------------------------

  /**
   * SendTaskSuccess: completes the task holding {@code taskToken} with {@code output} (JSON).
   *
   * @throws StatesApiException.InvalidToken when the token is malformed
   * @throws StatesApiException.TaskDoesNotExist when no task in flight holds it (completed,
   *     never issued, or its execution ended)
   * @throws StatesApiException.TaskTimedOut when its task timed out
   * @throws StatesApiException.InvalidOutput when the output is not JSON or over 256 KiB
   */
  public void sendTaskSuccess(String taskToken, String output) {
    callbacks.success(taskToken, output);
  }

  /** SendTaskFailure: fails the task with an error name and cause (both optional). */
  public void sendTaskFailure(String taskToken, String error, String cause) {
    callbacks.failure(taskToken, error, cause);
  }

  /** SendTaskHeartbeat: the task is alive; its HeartbeatSeconds timer starts again. */
  public void sendTaskHeartbeat(String taskToken) {
    callbacks.heartbeat(taskToken);
  }

  // ---- activities ---------------------------------------------------------------------------

  /** CreateActivity (idempotent: an existing activity of that name is returned). */
  public ActivityRecord createActivity(String name) {
    return activities.create(name);
  }

  public ActivityRecord describeActivity(String activityArn) {
    return activities.describe(activityArn);
  }

  public void deleteActivity(String activityArn) {
    activities.delete(activityArn);
  }

  public Page<ActivityRecord> listActivities(String nextToken, Integer maxResults) {
    return activities.list(nextToken, pageSize(maxResults));
  }

  /**
   * GetActivityTask: a long poll that completes with a task (its token and input) as soon as
   * one is scheduled on the activity, or empty after {@link #activityPollWait(Duration)}
   * (60 s, like AWS). No thread waits meanwhile.
   */
  public CompletableFuture<Optional<ActivityTask>> getActivityTask(String activityArn,
      String workerName) {
    return getActivityTask(activityArn, workerName, null);
  }

  /** GetActivityTask waiting at most {@code wait} (null: the configured wait). */
  public CompletableFuture<Optional<ActivityTask>> getActivityTask(String activityArn,
      String workerName, Duration wait) {
    return activities.poll(activityArn, workerName, wait == null ? activityPollWait : wait);
  }

  /** How long GetActivityTask waits for a task (default 60 s). */
  public StatesService activityPollWait(Duration wait) {
    this.activityPollWait = wait;
    return this;
  }

  @Override
  public void close() {
    express.close();
  }
}
