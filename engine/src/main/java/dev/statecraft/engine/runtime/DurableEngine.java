package dev.statecraft.engine.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statecraft.asl.Asl;
import dev.statecraft.asl.ParseResult;
import dev.statecraft.asl.model.ErrorNames;
import dev.statecraft.asl.model.StateMachine;
import dev.statecraft.engine.core.Command;
import dev.statecraft.engine.core.Event;
import dev.statecraft.engine.core.EventType;
import dev.statecraft.engine.core.ExecutionInfo;
import dev.statecraft.engine.core.ExecutionStatus;
import dev.statecraft.engine.core.HistoryEvent;
import dev.statecraft.engine.core.Interpreter;
import dev.statecraft.engine.core.Json;
import dev.statecraft.engine.core.Step;
import dev.statecraft.engine.runtime.ExecutionActor.Inbound;
import dev.statecraft.engine.runtime.ExecutionActor.Loaded;
import dev.statecraft.engine.store.ExecutionRecord;
import dev.statecraft.engine.store.StateMachineRecord;
import dev.statecraft.engine.store.Store;
import dev.statecraft.engine.store.StoreException;
import dev.statecraft.engine.store.TaskRecord;
import dev.statecraft.engine.store.TimerKind;
import dev.statecraft.engine.store.TimerRecord;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs Standard executions durably. Each step of the pure interpreter is committed — summary
 * row, input event, history, timers, tasks — in one transaction before any of its commands takes
 * effect; tasks go to their handlers and timers are armed only after the commit. Steps of one
 * execution run one at a time (its {@link ExecutionActor}); executions run in parallel on a
 * bounded pool whose full queue makes submitters run steps themselves (back-pressure).
 *
 * <p>On {@link #start()} the engine resumes every RUNNING execution: the state is rebuilt by
 * replaying the stored input events (lazily, when the next event arrives), tasks in flight are
 * re-issued with their id and token (at-least-once), and due timers fire from the table.
 */
public final class DurableEngine implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(DurableEngine.class.getName());

  private final Store store;
  private final EngineConfig config;
  private final Map<String, StateMachine> machines = new ConcurrentHashMap<>();
  private final Map<String, ExecutionActor> actors = new ConcurrentHashMap<>();
  private final Map<String, CompletableFuture<ExecutionRecord>> waiters =
      new ConcurrentHashMap<>();
  private final Set<String> firing = ConcurrentHashMap.newKeySet();
  /** Tasks ("arn#taskId") a callback is completing: a second callback is refused meanwhile. */
  private final Set<String> completing = ConcurrentHashMap.newKeySet();
  private final AtomicInteger cached = new AtomicInteger();
  private final ThreadPoolExecutor workers;
  private final TaskDispatcher tasks;
  private final TimerPoller poller;
  private final SecureRandom seeds = new SecureRandom();
  private Thread pollerThread;

  public DurableEngine(Store store, EngineConfig config) {
    this.store = store;
    this.config = config;
    AtomicInteger n = new AtomicInteger();
    this.workers = new ThreadPoolExecutor(config.workers(), config.workers(), 60,
        TimeUnit.SECONDS, new ArrayBlockingQueue<>(config.queueCapacity()), r -> {
          Thread t = new Thread(r, "statecraft-step-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        }, new ThreadPoolExecutor.CallerRunsPolicy());
    this.tasks = new TaskDispatcher(config.handlers(), config.clock(), this::send);
    this.poller = new TimerPoller(store.executions(), config.clock(), config.timerBatch(),
        this::timerDue, firing);
  }

  /** Resumes the RUNNING executions found in the store and starts the timer poller. */
  public synchronized void start() {
    if (pollerThread != null) {
      return;
    }
    for (String arn : store.executions().running()) {
      for (TaskRecord t : store.executions().tasks(arn)) {
        tasks.dispatch(t, !t.started());
      }
    }
    pollerThread = new Thread(poller, "statecraft-timers");
    pollerThread.setDaemon(true);
    pollerThread.start();
  }

  /** Polls timers now: call after moving a controllable clock. */
  public void wakeTimers() {
    poller.wake();
  }

  public Store store() {
    return store;
  }

  public EngineConfig config() {
    return config;
  }

  // ---- starting -----------------------------------------------------------------------------

  /**
   * Starts an execution of the given state machine version: runs the first step and commits it
   * with the new execution row, then carries out its commands.
   *
   * @throws dev.statecraft.engine.store.DuplicateKeyException when the name is taken
   */
  public ExecutionRecord startExecution(StateMachineRecord machine, String executionArn,
      String name, JsonNode input) {
    StateMachine model = machine(machine.arn(), machine.version());
    long now = config.clock().millis();
    long seed = seeds.nextLong();
    ExecutionInfo info = new ExecutionInfo(executionArn, name, machine.arn(), machine.name(),
        machine.roleArn(), now, 0);
    Interpreter.Started started = Interpreter.start(model, info, input, seed, true);
    ExecutionRecord before = new ExecutionRecord(executionArn, machine.arn(), machine.name(),
        machine.version(), name, machine.roleArn(), ExecutionStatus.RUNNING, Json.write(input),
        null, null, null, now, 0, seed, 0, 0, 0);
    Loaded loaded = new Loaded(started.state(), model, before);
    StepPlan plan = new StepPlan(executionArn, started.step(), now)
        .summarize(before, started.state(), 0);
    if (!plan.record.status().isTerminal()) {
      plan.timersAdded.add(new TimerRecord(executionArn, 0, TimerKind.MAX_DURATION,
          now + config.maxDuration().toMillis()));
    }
    enforceHistoryLimit(loaded, plan, now);
    store.executions().create(plan.commit(0, null));
    loaded.record = plan.record;
    if (plan.record.status() == ExecutionStatus.RUNNING && cached.get() < config.cachedExecutions()) {
      ExecutionActor actor = new ExecutionActor(executionArn);
      actor.loaded = loaded;
      if (actors.putIfAbsent(executionArn, actor) == null) {
        cached.incrementAndGet();
      }
    }
    afterCommit(executionArn, plan);
    return plan.record;
  }

  /** The parsed definition of a state machine version (cached; versions never change). */
  public StateMachine machine(String arn, int version) {
    return machines.computeIfAbsent(arn + ":" + version, k -> {
      StateMachineRecord r = store.stateMachines().find(arn, version).orElseThrow(
          () -> new StoreException("State machine version " + k + " is missing"));
      ParseResult parsed = Asl.parse(r.definition());
      if (parsed.machine() == null) {
        throw new StoreException("Stored definition " + k + " no longer parses");
      }
      return parsed.machine();
    });
  }

  /** The parsed version if it is already in memory, else null (never reads the store). */
  public StateMachine cachedMachine(String arn, int version) {
    return machines.get(arn + ":" + version);
  }

  // ---- events in ----------------------------------------------------------------------------

  /** Delivers an event to an execution (task answers, StopExecution). */
  public void send(String executionArn, Event event) {
    deliver(executionArn, new Inbound(event, null));
  }

  /**
   * A future that completes with the execution's final row once it ends (at once if it has).
   * Each caller gets its own copy: completing or cancelling it (a timeout, say) leaves the
   * other callers' futures alone.
   */
  public CompletableFuture<ExecutionRecord> whenFinished(String executionArn) {
    CompletableFuture<ExecutionRecord> f =
        waiters.computeIfAbsent(executionArn, k -> new CompletableFuture<>());
    store.executions().find(executionArn).filter(r -> r.status().isTerminal())
        .ifPresent(r -> {
          waiters.remove(executionArn, f);
          f.complete(r);
        });
    return f.copy();
  }

  // ---- callbacks and activity workers --------------------------------------------------------

  /**
   * Completes a task by callback (SendTaskSuccess / SendTaskFailure) with a TaskSucceeded or
   * TaskFailed event for it. At most one callback per task gets through: until the step that
   * applies it has committed (and removed the task row), another one is refused.
   *
   * @return false when another callback is already completing this task
   */
  public boolean completeTask(TaskRecord task, Event outcome) {
    if (!completing.add(task.executionArn() + "#" + task.taskId())) {
      return false;
    }
    send(task.executionArn(), outcome);
    return true;
  }

  /**
   * SendTaskHeartbeat: pushes the task's heartbeat timer HeartbeatSeconds into the future (no
   * effect on a task without HeartbeatSeconds).
   */
  public void heartbeat(TaskRecord task) {
    if (task.heartbeatSeconds() != null) {
      store.executions().rescheduleTimer(new TimerRecord(task.executionArn(), task.taskId(),
          TimerKind.TASK_HEARTBEAT, config.clock().millis() + task.heartbeatSeconds() * 1000));
    }
  }

  /**
   * GetActivityTask: the oldest task scheduled on the activity, or — without parking a thread —
   * the next one scheduled within {@code wait}, else empty. Handing a task out records
   * ActivityStarted with the worker's name.
   */
  public CompletableFuture<java.util.Optional<TaskRecord>> pollActivity(String activityArn,
      String workerName, java.time.Duration wait) {
    return tasks.activities().poll(activityArn, workerName, wait);
  }

  /** A callback's step is done (committed or not): the task may be completed again if alive. */
  private void releaseCallback(String arn, Event e) {
    if (e instanceof Event.TaskSucceeded t) {
      completing.remove(arn + "#" + t.taskId());
    } else if (e instanceof Event.TaskFailed t) {
      completing.remove(arn + "#" + t.taskId());
    }
  }

  private void timerDue(TimerRecord t) {
    long now = config.clock().millis();
    Event event;
    if (t.kind() == TimerKind.STATE) {
      event = new Event.TimerFired(t.timerId(), now);
    } else if (t.kind() == TimerKind.TASK_TIMEOUT) {
      event = new Event.TaskTimedOut(t.timerId(), ErrorNames.TIMEOUT, null, now);
    } else if (t.kind() == TimerKind.TASK_HEARTBEAT) {
      event = new Event.TaskTimedOut(t.timerId(), ErrorNames.HEARTBEAT_TIMEOUT, null, now);
    } else {
      event = null; // MAX_DURATION: the engine ends the execution itself
    }
    deliver(t.executionArn(), new Inbound(event, t));
  }

  /** How often an event is delivered again after its step failed to commit. */
  private static final int MAX_REDELIVERIES = 5;

  private void deliver(String arn, Inbound in) {
    while (true) {
      ExecutionActor actor = actors.computeIfAbsent(arn, ExecutionActor::new);
      ExecutionActor.Offer offer = actor.offer(in);
      if (offer == ExecutionActor.Offer.RETIRED) {
        actors.remove(arn, actor);
        continue;
      }
      if (offer == ExecutionActor.Offer.SCHEDULE) {
        workers.execute(() -> drain(actor));
      }
      return;
    }
  }

  private void drain(ExecutionActor actor) {
    while (true) {
      Loaded l = actor.loaded;
      boolean finished = l != null && l.record.status().isTerminal();
      boolean retire = finished || l == null || cached.get() > config.cachedExecutions();
      Inbound in = actor.next(retire);
      if (in == null) {
        if (retire) {
          if (actor.loaded != null) {
            actor.loaded = null;
            cached.decrementAndGet();
          }
          actors.remove(actor.arn, actor);
        }
        return;
      }
      try {
        process(actor, in);
      } catch (RuntimeException e) {
        // The in-memory state may now be ahead of the store: forget it and rebuild next time.
        LOG.log(Level.SEVERE, "Step of " + actor.arn + " failed", e);
        if (actor.loaded != null) {
          actor.loaded = null;
          cached.decrementAndGet();
        }
        // Nothing of the step was committed: deliver its event again (rebuilt from the store),
        // so a transient store error (a lock timeout) does not lose a task's answer. Timer
        // events need no help: their row is still there and the poller fires it again.
        if (e instanceof StoreException && in.timer() == null && in.event() != null
            && in.attempt() < MAX_REDELIVERIES) {
          deliver(actor.arn, new Inbound(in.event(), null, in.attempt() + 1));
        }
      } finally {
        if (in.timer() != null) {
          firing.remove(TimerPoller.key(in.timer()));
        }
        releaseCallback(actor.arn, in.event());
      }
    }
  }

  // ---- one step -----------------------------------------------------------------------------

  private void process(ExecutionActor actor, Inbound in) {
    Loaded l = actor.loaded;
    if (l == null) {
      l = rebuild(actor.arn);
      if (l == null) {
        discardTimer(in);
        return;
      }
      actor.loaded = l;
      cached.incrementAndGet();
    }
    if (l.record.status().isTerminal() && !(in.event() instanceof Event.Redrive)) {
      discardTimer(in);
      return;
    }
    if (l.state == null) {
      l = rebuild(actor.arn, true); // a finished execution being redriven: replay it fully
      actor.loaded = l;
    }
    long now = config.clock().millis();
    if (in.event() == null) {
      end(l, ExecutionStatus.TIMED_OUT, EventType.ExecutionTimedOut, ErrorNames.TIMEOUT,
          "The execution exceeded the maximum duration of " + config.maxDuration().toDays()
              + " days.", now, List.of());
      return;
    }
    if (in.event() instanceof Event.TaskTimedOut t) {
      store.executions().markTaskTimedOut(actor.arn, t.taskId(), now);
    }
    int seq = l.record.inputEvents();
    Step step = Interpreter.step(l.state, in.event());
    StepPlan plan = new StepPlan(actor.arn, step, now).consumed(in.event(), in.timer())
        .summarize(l.record, l.state, seq + 1);
    if (enforceHistoryLimit(l, plan, now)) {
      store.executions().commit(plan.commit(seq, null));
    } else {
      store.executions().commit(plan.commit(seq, EventCodec.encode(in.event())));
    }
    l.record = plan.record;
    afterCommit(actor.arn, plan);
  }

  /**
   * A timer fired for an execution that has ended or is gone: nothing will consume it, so it is
   * removed (else the poller would hand it over again and again). Usually the ending step's
   * sweep and this timer's firing merely crossed; it is already gone then.
   */
  private void discardTimer(Inbound in) {
    if (in.timer() != null) {
      LOG.log(Level.FINE, "Discarding timer {0} of an ended execution", TimerPoller.key(in.timer()));
      store.executions().removeTimer(in.timer());
    }
  }

  /**
   * AWS's history quota: event 25,000 may only be ExecutionSucceeded; otherwise the execution
   * fails there. Rewrites the plan to that failure and returns true when the limit is hit.
   */
  private boolean enforceHistoryLimit(Loaded l, StepPlan plan, long now) {
    long stored = l.record.historyEvents();
    int max = config.maxHistoryEvents();
    List<HistoryEvent> h = plan.history;
    if (stored + h.size() < max) {
      return false;
    }
    if (stored + h.size() == max && h.get(h.size() - 1).type() == EventType.ExecutionSucceeded) {
      return false;
    }
    int keep = (int) Math.max(0, max - 1 - stored);
    List<HistoryEvent> kept = new ArrayList<>(h.subList(0, Math.min(keep, h.size())));
    long last = stored + kept.size();
    ObjectNode details = Json.object();
    details.put("error", ErrorNames.RUNTIME);
    details.put("cause", "The execution reached the maximum number of history events ("
        + max + ").");
    kept.add(new HistoryEvent(last + 1, last, now, EventType.ExecutionFailed, details));
    plan.history = kept;
    plan.record = l.record.advance(ExecutionStatus.FAILED, null, ErrorNames.RUNTIME,
        details.get("cause").asText(), now, l.record.inputEvents(), last + 1);
    plan.tasksAdded.clear();
    plan.timersAdded.clear();
    plan.commands.clear();
    return true;
  }

  /** Ends an execution from the runtime's side (maximum duration), outside the interpreter. */
  private void end(Loaded l, ExecutionStatus status, EventType type, String error, String cause,
      long now, List<HistoryEvent> before) {
    ObjectNode details = Json.object();
    details.put("error", error);
    details.put("cause", cause);
    long id = l.record.historyEvents() + before.size() + 1;
    List<HistoryEvent> history = new ArrayList<>(before);
    history.add(new HistoryEvent(id, id - 1, now, type, details));
    StepPlan plan = new StepPlan(l.record.arn(), new Step(history, new ArrayList<>()), now);
    plan.record = l.record.advance(status, null, error, cause, now, l.record.inputEvents(), id);
    store.executions().commit(plan.commit(l.record.inputEvents(), null));
    l.record = plan.record;
    afterCommit(l.record.arn(), plan);
  }

  /** Carries out a committed step's commands. */
  private void afterCommit(String arn, StepPlan plan) {
    for (TaskRecord t : plan.tasksAdded) {
      tasks.dispatch(t, true);
    }
    for (TimerRecord t : plan.timersAdded) {
      if (t.kind() != TimerKind.MAX_DURATION) {
        poller.armed(t.dueMillis());
      }
    }
    for (Long taskId : plan.tasksRemoved) {
      tasks.cancel(arn, taskId); // ended or cancelled (CancelTask ids are among them)
    }
    for (Command c : plan.commands) {
      if (c instanceof Command.Continue) {
        send(arn, new Event.Continue(config.clock().millis())); // queued behind other events
      }
    }
    if (plan.record.status().isTerminal()) {
      tasks.executionEnded(arn);
      CompletableFuture<ExecutionRecord> f = waiters.remove(arn);
      if (f != null) {
        f.complete(plan.record);
      }
    }
  }

  /** Rebuilds an execution by replaying its input events; null when it is gone. */
  private Loaded rebuild(String arn) {
    return rebuild(arn, false);
  }

  /** @param finishedToo replay even a finished execution (for a redrive) */
  private Loaded rebuild(String arn, boolean finishedToo) {
    ExecutionRecord r = store.executions().find(arn).orElse(null);
    if (r == null) {
      return null;
    }
    if (r.status().isTerminal() && !finishedToo) {
      return new Loaded(null, null, r);
    }
    StateMachine model = machine(r.stateMachineArn(), r.stateMachineVersion());
    ExecutionInfo info = new ExecutionInfo(r.arn(), r.name(), r.stateMachineArn(),
        r.stateMachineName(), r.roleArn(), r.startMillis(), 0); // replayed Redrives count up
    Interpreter.Started started = Interpreter.start(model, info, Json.parse(r.input()), r.seed(),
        true);
    List<String> events = store.executions().inputEvents(arn);
    for (String e : events) {
      Interpreter.step(started.state(), EventCodec.decode(e));
    }
    return new Loaded(started.state(), model, r);
  }

  /** Executions held in memory right now (for tests and metrics). */
  public int cachedExecutions() {
    return cached.get();
  }

  @Override
  public void close() {
    tasks.close();
    poller.stop();
    workers.shutdown();
    try {
      if (pollerThread != null) {
        pollerThread.join(2_000);
      }
      workers.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
