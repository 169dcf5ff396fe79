package dev.statecraft.engine.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statecraft.asl.expr.Template;
import dev.statecraft.asl.model.ChoiceRule;
import dev.statecraft.asl.model.ChoiceState;
import dev.statecraft.asl.model.ErrorNames;
import dev.statecraft.asl.model.FailState;
import dev.statecraft.asl.model.MapState;
import dev.statecraft.asl.model.ParallelState;
import dev.statecraft.asl.model.PassState;
import dev.statecraft.asl.model.QueryLanguage;
import dev.statecraft.asl.model.State;
import dev.statecraft.asl.model.StateMachine;
import dev.statecraft.asl.model.SucceedState;
import dev.statecraft.asl.model.TaskState;
import dev.statecraft.asl.model.Transition;
import dev.statecraft.asl.model.WaitState;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * The ASL interpreter as a pure step: given an execution's state and one event, it advances the
 * execution as far as it can without waiting, and returns the history it wrote and the commands
 * the runtime must carry out. No clock, no threads, no I/O: time and random bits come from the
 * events and the execution's seed, so replaying the same events gives the same result.
 */
public final class Interpreter {
  /** Timer id reserved for the execution's own TimeoutSeconds. */
  static final long EXECUTION_TIMER = 0;

  final ExecutionState execution;
  final long now;
  final History history;
  final List<Command> commands = new ArrayList<>();
  final Deque<Frame> runnable = new ArrayDeque<>();
  final FailureRouter failures = new FailureRouter(this);
  private final ChildRuns children = new ChildRuns(this);
  private final TaskRuns tasks = new TaskRuns(this);
  private int budget = STEP_BUDGET;

  private Interpreter(ExecutionState execution, long now) {
    this.execution = execution;
    this.now = now;
    this.history = new History(execution, now);
  }

  /** A started execution: its state and the first step. */
  public record Started(ExecutionState state, Step step) {}

  /**
   * Starts an execution and runs it as far as it goes.
   *
   * @param seed random seed for States.UUID / MathRandom / $random (replayable)
   * @param recordHistory false to skip building history events (Express without logging)
   */
  public static Started start(StateMachine machine, ExecutionInfo info, JsonNode input,
      long seed, boolean recordHistory) {
    return start(machine, info, input, seed, recordHistory, STEP_BUDGET);
  }

  /**
   * Starts an execution, entering at most {@code budget} states before pausing with
   * {@link Command.Continue} (a caller on an event loop uses a small budget).
   */
  public static Started start(StateMachine machine, ExecutionInfo info, JsonNode input,
      long seed, boolean recordHistory, int budget) {
    return start(machine, info, input, seed, recordHistory, budget, null, Map.of());
  }

  /**
   * Starts an execution whose top-level states show their data stages to {@code inspector}
   * (TestState's inspectionData; null for none) and see {@code variables} from the start
   * (TestState's variables; empty for none).
   */
  public static Started start(StateMachine machine, ExecutionInfo info, JsonNode input,
      long seed, boolean recordHistory, int budget, Inspector inspector,
      Map<String, JsonNode> variables) {
    ExecutionState state = new ExecutionState(machine, info, input, seed, recordHistory);
    state.inspector = inspector;
    Interpreter it = new Interpreter(state, info.startMillis());
    it.budget = budget;
    if (it.history.enabled(null)) {
      ObjectNode d = History.payload("input", input);
      d.put("roleArn", info.roleArn());
      it.history.add(null, EventType.ExecutionStarted, d);
    }
    if (machine.timeoutSeconds() != null) {
      it.commands.add(new Command.StartTimer(EXECUTION_TIMER,
          info.startMillis() + machine.timeoutSeconds() * 1000L));
    }
    Frame root = new Frame(machine.workflow(), null, -1, new Variables(null), null);
    variables.forEach(root.variables::set);
    state.root = root;
    root.moveTo(machine.workflow().state(machine.startAt()), input);
    it.runnable.add(root);
    it.drain();
    return new Started(state, it.result());
  }

  /** Applies one event to a running execution. Events for finished executions are ignored. */
  public static Step step(ExecutionState state, Event event) {
    Interpreter it = new Interpreter(state, event.timeMillis());
    if (event instanceof Event.Redrive) {
      if (state.status.isTerminal() && state.status != ExecutionStatus.SUCCEEDED) {
        it.redrive();
        it.drain();
      }
    } else if (state.status == ExecutionStatus.RUNNING) {
      it.apply(event);
      it.drain();
    }
    return it.result();
  }

  private Step result() {
    return new Step(history.events(), commands);
  }

  // ---- events -------------------------------------------------------------------------------

  private void apply(Event event) {
    if (event instanceof Event.TimerFired t) {
      timerFired(t.timerId());
    } else if (event instanceof Event.TaskStarted t) {
      tasks.started(t);
    } else if (event instanceof Event.TaskSubmitted t) {
      tasks.submitted(t.taskId(), t.output());
    } else if (event instanceof Event.TaskSucceeded t) {
      tasks.succeeded(t);
    } else if (event instanceof Event.TaskFailed t) {
      tasks.failed(t.taskId(), EventType.TaskFailed, t.error(), t.cause());
    } else if (event instanceof Event.TaskTimedOut t) {
      tasks.failed(t.taskId(), EventType.TaskTimedOut, t.error(), t.cause());
    } else if (event instanceof Event.Continue) {
      runnable.addAll(execution.paused);
      execution.paused.clear();
    } else if (event instanceof Event.Stop stop) {
      abort(stop.error(), stop.cause());
    } else if (event instanceof Event.ExecutionTimeout) {
      timeout();
    }
  }

  /**
   * Runs the top-level state where the execution stopped again, from its input. A Map or
   * Parallel state that failed runs only its unsuccessful iterations or branches again, as AWS
   * does; the others keep their outputs.
   */
  private void redrive() {
    ExecutionInfo old = execution.info;
    int count = (old.redriveCount() == null ? 0 : old.redriveCount()) + 1;
    execution.info = new ExecutionInfo(old.executionArn(), old.name(), old.stateMachineArn(),
        old.stateMachineName(), old.roleArn(), old.startMillis(), count);
    execution.status = ExecutionStatus.RUNNING;
    execution.output = null;
    execution.error = null;
    execution.cause = null;
    if (history.enabled(null)) {
      history.add(null, EventType.ExecutionRedriven,
          Json.object().put("redriveCount", count));
    }
    Frame root = execution.root;
    root.lastEventId = execution.lastEventId;
    JsonNode[] kept = root.succeededChildren;
    root.moveTo(root.state, root.input);
    root.redriveKeeps = kept;
    runnable.add(root);
  }

  private void timerFired(long timerId) {
    if (timerId == EXECUTION_TIMER) {
      timeout();
      return;
    }
    Frame f = execution.waiting.remove(timerId);
    if (f == null) {
      return;
    }
    Frame.Wait what = f.waitingFor;
    f.waitingFor = Frame.Wait.NONE;
    f.status = Frame.Status.RUNNING;
    if (what == Frame.Wait.WAIT_STATE) {
      guarded(f, () -> finishState(f, f.effectiveInput));
    }
    // RETRY_BACKOFF: the frame re-runs its state's work below.
    runnable.add(f);
  }

  // ---- the run loop -------------------------------------------------------------------------

  /** States one step may enter before it pauses with {@link Command.Continue}. */
  public static final int STEP_BUDGET = 100_000;

  private void drain() {
    int limit = execution.transitions + budget;
    while (!runnable.isEmpty() && execution.status == ExecutionStatus.RUNNING) {
      Frame f = runnable.peek();
      while (f.status == Frame.Status.RUNNING && execution.status == ExecutionStatus.RUNNING) {
        if (execution.transitions >= limit) {
          // Pause: a loop without waits must not hold the thread; the runtime says when to go on.
          execution.paused.addAll(runnable);
          runnable.clear();
          commands.add(new Command.Continue());
          return;
        }
        runState(f);
      }
      runnable.remove(f);
    }
  }

  /** Runs a state's own evaluation; a failure it raises is placed and routed. */
  void guarded(Frame f, Runnable work) {
    try {
      work.run();
    } catch (StateFailure e) {
      failures.evaluationFailed(f, e);
    }
  }

  /** Enters the frame's current state if needed, then does (or redoes) its work. */
  private void runState(Frame f) {
    State s = f.state;
    if (!f.entered) {
      f.entered = true;
      f.enteredMillis = now;
      execution.transitions++;
      if (history.enabled(f)) {
        f.enteredPreviousId = f.lastEventId > 0 ? f.lastEventId
            : execution.lastEventId == 1 ? 0 : execution.lastEventId;
        f.enteredEventId = history.add(f, enteredType(s), History.stateEntered(s.name(), f.input),
            f.enteredPreviousId);
      }
    }
    execution.inspect(f, "input", f.input);
    guarded(f, () -> work(f, s));
  }

  private void work(Frame f, State s) {
    if (s instanceof PassState p) {
      pass(f, p);
    } else if (s instanceof TaskState t) {
      tasks.schedule(f, t);
    } else if (s instanceof ChoiceState c) {
      choice(f, c);
    } else if (s instanceof WaitState w) {
      waitState(f, w);
    } else if (s instanceof SucceedState ok) {
      succeed(f, ok);
    } else if (s instanceof FailState fail) {
      failState(f, fail);
    } else if (s instanceof ParallelState p) {
      children.parallel(f, p);
    } else {
      children.map(f, (MapState) s);
    }
  }

  EvalContext ctx(Frame f, JsonNode input) {
    return new EvalContext(execution, f, input, now);
  }

  // ---- state types --------------------------------------------------------------------------

  private void pass(Frame f, PassState p) {
    EvalContext c = ctx(f, f.input);
    JsonNode result;
    if (p.queryLanguage() == QueryLanguage.JSONATA) {
      result = f.input;
    } else {
      JsonNode effective = DataPipeline.effectiveInput(p, c);
      result = p.result() != null ? ((Template.Constant) p.result()).value() : effective;
      if (p.result() != null && PayloadLimit.exceeds(result)) {
        throw PayloadLimit.tooLarge(p.name());
      }
    }
    finishState(f, result);
  }

  private void choice(Frame f, ChoiceState c) {
    EvalContext ctx = ctx(f, f.input);
    JsonNode effective = c.queryLanguage() == QueryLanguage.JSONATA ? f.input
        : DataPipeline.select(c.io().inputPath(), f.input, ctx);
    if (c.queryLanguage() != QueryLanguage.JSONATA) {
      execution.inspect(f, "afterInputPath", effective);
    }
    EvalContext rules = ctx.withInput(effective);
    for (ChoiceRule.Branch b : c.choices()) {
      if (ChoiceEvaluator.matches(b.rule(), rules)) {
        exitAndGo(f, c, effective, ctx, b.next(), b.assign(), b.output());
        return;
      }
    }
    if (c.defaultState() != null) {
      exitAndGo(f, c, effective, ctx, c.defaultState(), null, null);
      return;
    }
    throw new StateFailure(ErrorNames.NO_CHOICE_MATCHED,
        "No Matches! Matched with Choices: " + c.choices().size() + " ; and no Default.");
  }

  /** Leaves a Choice state: output, Assign (the rule's, then the state's), and transition. */
  private void exitAndGo(Frame f, ChoiceState c, JsonNode effective, EvalContext ctx, String next,
      Template ruleAssign, Template ruleOutput) {
    JsonNode output;
    Map<String, JsonNode> assigned = null;
    if (c.queryLanguage() == QueryLanguage.JSONATA) {
      Template out = ruleOutput != null ? ruleOutput : c.io().output();
      output = out == null ? f.input : TemplateEvaluator.evaluate(out, ctx, "Output");
    } else {
      output = DataPipeline.select(c.io().outputPath(), effective, ctx);
    }
    Template assign = ruleAssign != null ? ruleAssign : c.io().assign();
    if (assign != null) {
      assigned = evaluateAssign(assign, c.queryLanguage() == QueryLanguage.JSONATA ? ctx
          : ctx.withInput(effective));
    }
    applyAssigned(f, assigned);
    inspectVariables(f);
    exited(f, c, output, assigned);
    f.moveTo(f.workflow.state(next), output);
  }

  private void waitState(Frame f, WaitState w) {
    EvalContext c = ctx(f, f.input);
    JsonNode effective = w.queryLanguage() == QueryLanguage.JSONATA ? f.input
        : DataPipeline.select(w.io().inputPath(), f.input, c);
    if (w.queryLanguage() != QueryLanguage.JSONATA) {
      execution.inspect(f, "afterInputPath", effective);
    }
    EvalContext ec = c.withInput(effective);
    long due;
    if (w.seconds() != null) {
      due = now + WaitTimes.seconds(w.seconds(), ec) * 1000L;
    } else {
      due = Math.max(now, WaitTimes.timestamp(w.timestamp(), ec));
    }
    f.effectiveInput = effective;
    long timerId = execution.newId();
    f.waitingFor = Frame.Wait.WAIT_STATE;
    f.pendingId = timerId;
    f.status = Frame.Status.WAITING;
    execution.waiting.put(timerId, f);
    commands.add(new Command.StartTimer(timerId, due));
  }

  private void succeed(Frame f, SucceedState s) {
    JsonNode output;
    if (s.queryLanguage() == QueryLanguage.JSONATA) {
      output = s.io().output() == null ? f.input
          : TemplateEvaluator.evaluate(s.io().output(), ctx(f, f.input), "Output");
    } else {
      EvalContext c = ctx(f, f.input);
      JsonNode effective = DataPipeline.select(s.io().inputPath(), f.input, c);
      execution.inspect(f, "afterInputPath", effective);
      output = DataPipeline.select(s.io().outputPath(), effective, c);
    }
    exited(f, s, output, null);
    frameSucceeded(f, output);
  }

  private void failState(Frame f, FailState s) {
    EvalContext c = ctx(f, f.input);
    String error = s.error() == null ? null : text(s.error(), c, failField(s.error(), "Error"));
    String cause = s.cause() == null ? null : text(s.cause(), c, failField(s.cause(), "Cause"));
    frameFailed(f, error, cause);
  }

  /** AWS names the JSONPath form of the field in causes: ErrorPath / CausePath. */
  private static String failField(Template t, String field) {
    return t instanceof Template.PathValue || t instanceof Template.IntrinsicValue
        ? field + "Path" : field;
  }

  private static String text(Template t, EvalContext c, String field) {
    JsonNode v = TemplateEvaluator.evaluate(t, c, field);
    if (!v.isTextual()) {
      throw new StateFailure(ErrorNames.RUNTIME, "The value of the field '" + field
          + "' must be a string, got " + Json.write(v));
    }
    return v.asText();
  }

  // ---- finishing a state --------------------------------------------------------------------

  /**
   * The state's work produced {@code result}: apply ResultSelector, ResultPath, OutputPath (or
   * JSONata Output), Assign, write the Exited event, and transition.
   */
  void finishState(Frame f, JsonNode result) {
    State s = f.state;
    EvalContext c = ctx(f, f.input);
    JsonNode output;
    Map<String, JsonNode> assigned = null;
    if (s.queryLanguage() == QueryLanguage.JSONATA) {
      boolean hasResult = !(s instanceof PassState) && !(s instanceof WaitState);
      if (hasResult) {
        c.result = result;
        execution.inspect(f, "result", result);
      }
      output = s.io().output() == null ? result
          : TemplateEvaluator.evaluate(s.io().output(), c, "Output");
      if (s.io().assign() != null) {
        assigned = evaluateAssign(s.io().assign(), c);
      }
    } else {
      boolean hasResult = !(s instanceof WaitState);
      if (hasResult) {
        execution.inspect(f, "result", result);
      }
      JsonNode selected = s instanceof PassState || s instanceof WaitState ? result
          : DataPipeline.selectResult(s, result, c);
      if (hasResult && !(s instanceof PassState)) {
        execution.inspect(f, "afterResultSelector", selected);
      }
      if (s.io().assign() != null) {
        assigned = evaluateAssign(s.io().assign(), c.withInput(selected));
      }
      JsonNode merged = s instanceof WaitState ? f.input
          : DataPipeline.applyResultPath(s.io().resultPath(), f.input, selected);
      if (hasResult) {
        execution.inspect(f, "afterResultPath", merged);
      }
      output = DataPipeline.select(s.io().outputPath(), merged, c);
    }
    applyAssigned(f, assigned);
    inspectVariables(f);
    exited(f, s, output, assigned);
    Transition t = transitionOf(s);
    if (t instanceof Transition.Next n) {
      f.moveTo(f.workflow.state(n.state()), output);
    } else {
      frameSucceeded(f, output);
    }
  }

  /** The variables a top-level state leaves behind, for the inspector. */
  private void inspectVariables(Frame f) {
    if (execution.inspector != null && f.parent == null && !f.variables.local().isEmpty()) {
      ObjectNode vars = Json.object();
      f.variables.local().forEach(vars::set);
      execution.inspector.stage("variables", vars);
    }
  }

  Map<String, JsonNode> evaluateAssign(Template assign, EvalContext c) {
    JsonNode values = TemplateEvaluator.evaluate(assign, c, "Assign");
    Map<String, JsonNode> out = new java.util.LinkedHashMap<>();
    values.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  static void applyAssigned(Frame f, Map<String, JsonNode> assigned) {
    if (assigned != null) {
      assigned.forEach(f.variables::set);
    }
  }

  void exited(Frame f, State s, JsonNode output, Map<String, JsonNode> assigned) {
    if (history.enabled(f)) {
      history.add(f, exitedType(s), History.stateExited(s.name(), output, assigned));
    }
  }

  private static Transition transitionOf(State s) {
    if (s instanceof PassState p) {
      return p.transition();
    } else if (s instanceof TaskState t) {
      return t.transition();
    } else if (s instanceof WaitState w) {
      return w.transition();
    } else if (s instanceof ParallelState p) {
      return p.transition();
    } else if (s instanceof MapState m) {
      return m.transition();
    }
    return Transition.END;
  }

  // ---- frame endings ------------------------------------------------------------------------

  private void frameSucceeded(Frame f, JsonNode output) {
    f.status = Frame.Status.SUCCEEDED;
    f.output = output;
    if (f.parent == null) {
      finishExecution(ExecutionStatus.SUCCEEDED, output, null, null);
    } else {
      children.childFinished(f);
    }
  }

  void frameFailed(Frame f, String error, String cause) {
    f.status = Frame.Status.FAILED;
    f.error = error;
    f.cause = cause;
    if (f.parent == null) {
      finishExecution(ExecutionStatus.FAILED, null, error, cause);
    } else {
      children.childFinished(f);
    }
  }

  /** Stops a frame and everything under it, cancelling its tasks and timers. */
  void abortFrame(Frame f) {
    if (f.isFinished()) {
      return;
    }
    if (f.children != null) {
      for (Frame c : new ArrayList<>(f.children.running)) {
        abortFrame(c);
      }
      f.children.finished = true;
      f.succeededChildren = f.children.succeededOutputs(); // what a redrive keeps
    }
    if (f.pendingId >= 0 && execution.waiting.remove(f.pendingId) != null) {
      commands.add(f.waitingFor == Frame.Wait.TASK ? new Command.CancelTask(f.pendingId)
          : new Command.CancelTimer(f.pendingId));
    }
    f.status = Frame.Status.ABORTED;
    runnable.remove(f);
  }

  private void abort(String error, String cause) {
    abortFrame(execution.root);
    if (history.enabled(null)) {
      history.add(null, EventType.ExecutionAborted, History.error(error, cause));
    }
    end(ExecutionStatus.ABORTED, null, error, cause);
  }

  private void timeout() {
    abortFrame(execution.root);
    String error = ErrorNames.TIMEOUT;
    String cause = "The execution timed out after " + execution.machine.timeoutSeconds()
        + " seconds.";
    if (history.enabled(null)) {
      history.add(null, EventType.ExecutionTimedOut, History.error(error, cause));
    }
    end(ExecutionStatus.TIMED_OUT, null, error, cause);
  }

  private void finishExecution(ExecutionStatus status, JsonNode output, String error,
      String cause) {
    if (history.enabled(null)) {
      if (status == ExecutionStatus.SUCCEEDED) {
        history.add(execution.root, EventType.ExecutionSucceeded,
            History.payload("output", output));
      } else {
        history.add(execution.root, EventType.ExecutionFailed, History.error(error, cause));
      }
    }
    if (execution.machine.timeoutSeconds() != null) {
      commands.add(new Command.CancelTimer(EXECUTION_TIMER));
    }
    end(status, output, error, cause);
  }

  private void end(ExecutionStatus status, JsonNode output, String error, String cause) {
    execution.status = status;
    execution.output = output;
    execution.error = error;
    execution.cause = cause;
    runnable.clear();
    commands.add(new Command.Finish(status, output, error, cause));
  }

  // ---- event names --------------------------------------------------------------------------

  private static EventType enteredType(State s) {
    return EventType.valueOf(s.type() + "StateEntered");
  }

  private static EventType exitedType(State s) {
    return EventType.valueOf(s.type() + "StateExited");
  }
}
