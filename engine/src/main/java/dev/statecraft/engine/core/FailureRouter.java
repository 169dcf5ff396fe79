package dev.statecraft.engine.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statecraft.asl.model.Catcher;
import dev.statecraft.asl.model.ErrorNames;
import dev.statecraft.asl.model.MapState;
import dev.statecraft.asl.model.ParallelState;
import dev.statecraft.asl.model.QueryLanguage;
import dev.statecraft.asl.model.Recoverable;
import dev.statecraft.asl.model.Retrier;
import dev.statecraft.asl.model.State;
import java.util.List;
import java.util.Map;

/**
 * What happens when a state fails, in AWS's order: the error's cause is placed (prefix,
 * EvaluationFailed), then the first matching retrier retries after its backoff, else the
 * state-level Failed event is written and the first matching catcher routes the error output,
 * else the frame fails. The one place that decides Retry, then Catch, then fail.
 */
final class FailureRouter {
  /** Errors whose cause AWS prefixes with the state and its Entered event id. */
  private static final java.util.Set<String> PREFIXED_ERRORS = java.util.Set.of(
      ErrorNames.RUNTIME, ErrorNames.QUERY_EVALUATION_ERROR, ErrorNames.INTRINSIC_FAILURE);

  private final Interpreter it;

  FailureRouter(Interpreter it) {
    this.it = it;
  }

  /**
   * An error raised while evaluating the state's fields: AWS prefixes the cause with the state
   * and its Entered event, and for JSONata errors writes an EvaluationFailed event first.
   */
  void evaluationFailed(Frame f, StateFailure e) {
    String cause = e.cause();
    if (PREFIXED_ERRORS.contains(e.error())) {
      cause = "An error occurred while executing the state '" + f.state.name()
          + "' (entered at the event id #" + f.enteredEventId + "). " + cause;
    }
    if (ErrorNames.QUERY_EVALUATION_ERROR.equals(e.error()) && it.history.enabled(f)) {
      ObjectNode d = History.error(e.error(), cause);
      String location = FailureMatch.location(e.cause());
      if (location != null) {
        d.put("location", location);
      }
      d.put("state", f.state.name());
      it.history.add(f, EventType.EvaluationFailed, d, f.enteredPreviousId);
    }
    handle(f, e.error(), cause);
  }

  /**
   * Retry, else Catch, else fail the frame. States.Runtime and States.DataLimitExceeded are
   * terminal: no retrier or catcher sees them, and no state-level Failed event is written.
   */
  void handle(Frame f, String error, String cause) {
    State s = f.state;
    if (s instanceof Recoverable r && !FailureMatch.isTerminal(error)) {
      List<Retrier> retriers = r.retry();
      for (int i = 0; i < retriers.size(); i++) {
        Retrier retrier = retriers.get(i);
        if (FailureMatch.matches(retrier.errorEquals(), error, s)) {
          if (f.retryCounts == null) {
            f.retryCounts = new int[retriers.size()];
          }
          int attempt = f.retryCounts[i];
          if (attempt < retrier.maxAttempts()) {
            f.retryCounts[i]++;
            f.retryCount++;
            scheduleRetry(f, retrier, attempt);
            return;
          }
          break; // an exhausted retrier hands over to the catchers
        }
      }
      stateFailedEvent(f, error, cause);
      for (Catcher catcher : r.catchers()) {
        if (FailureMatch.matches(catcher.errorEquals(), error, s)) {
          try {
            caught(f, catcher, error, cause);
          } catch (StateFailure e) {
            it.frameFailed(f, e.error(), e.cause());
          }
          return;
        }
      }
    }
    it.frameFailed(f, error, cause);
  }

  /** MapStateFailed / ParallelStateFailed (with MapRunFailed first for a distributed Map). */
  private void stateFailedEvent(Frame f, String error, String cause) {
    if (!it.history.enabled(f)) {
      return;
    }
    if (f.state instanceof MapState m) {
      if (m.mode() == MapState.ProcessorMode.DISTRIBUTED && f.effectiveInput != null) {
        it.history.add(f, EventType.MapRunFailed, History.error(error, cause));
      }
      it.history.add(f, EventType.MapStateFailed, null);
    } else if (f.state instanceof ParallelState) {
      it.history.add(f, EventType.ParallelStateFailed, null);
    }
  }

  private void scheduleRetry(Frame f, Retrier retrier, int attempt) {
    double delay = retrier.intervalSeconds() * Math.pow(retrier.backoffRate(), attempt);
    if (retrier.maxDelaySeconds() != null) {
      delay = Math.min(delay, retrier.maxDelaySeconds());
    }
    if (retrier.jitterStrategy() == Retrier.JitterStrategy.FULL) {
      delay = delay * ((it.execution.nextRandom() >>> 11) * 0x1.0p-53);
    }
    long timerId = it.execution.newId();
    f.waitingFor = Frame.Wait.RETRY_BACKOFF;
    f.pendingId = timerId;
    f.status = Frame.Status.WAITING;
    f.children = null;
    it.execution.waiting.put(timerId, f);
    it.commands.add(new Command.StartTimer(timerId, it.now + Math.round(delay * 1000)));
  }

  private void caught(Frame f, Catcher catcher, String error, String cause) {
    State s = f.state;
    ObjectNode errorOutput = Json.object();
    errorOutput.put("Error", error);
    errorOutput.put("Cause", cause);
    JsonNode output;
    Map<String, JsonNode> assigned = null;
    EvalContext c = it.ctx(f, f.input);
    if (s.queryLanguage() == QueryLanguage.JSONATA) {
      c.errorOutput = errorOutput;
      output = catcher.output() == null ? errorOutput
          : TemplateEvaluator.evaluate(catcher.output(), c, "Output");
      if (catcher.assign() != null) {
        assigned = it.evaluateAssign(catcher.assign(), c);
      }
    } else {
      if (catcher.assign() != null) {
        assigned = it.evaluateAssign(catcher.assign(), c.withInput(errorOutput));
      }
      output = DataPipeline.applyResultPath(catcher.resultPath(), f.input, errorOutput);
    }
    it.applyAssigned(f, assigned);
    it.exited(f, s, output, assigned);
    f.moveTo(f.workflow.state(catcher.next()), output);
  }
}
