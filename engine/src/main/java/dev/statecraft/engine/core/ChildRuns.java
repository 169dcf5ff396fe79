package dev.statecraft.engine.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statecraft.asl.model.ErrorNames;
import dev.statecraft.asl.model.MapState;
import dev.statecraft.asl.model.ParallelState;
import dev.statecraft.asl.model.Workflow;
import java.util.ArrayList;
import java.util.List;

/**
 * Parallel branches and Map iterations: each runs as a child frame of the state's frame; the
 * state waits for its group, starts iterations as MaxConcurrency allows, fails on the first
 * failure its tolerance does not cover (aborting the others), and collects the results in order.
 */
final class ChildRuns {
  private final Interpreter it;

  ChildRuns(Interpreter it) {
    this.it = it;
  }

  void parallel(Frame f, ParallelState p) {
    if (f.retryCounts == null) {
      f.retryCounts = new int[p.retry().size()];
    }
    if (it.history.enabled(f)) {
      it.history.add(f, EventType.ParallelStateStarted, null);
    }
    JsonNode input = DataPipeline.effectiveInput(p, it.ctx(f, f.input));
    List<JsonNode> items = new ArrayList<>();
    for (int i = 0; i < p.branches().size(); i++) {
      items.add(input);
    }
    ChildGroup group = new ChildGroup(items, 0, -1, -1);
    startChildren(f, group);
  }

  void map(Frame f, MapState m) {
    if (f.retryCounts == null) {
      f.retryCounts = new int[m.retry().size()];
    }
    EvalContext c = it.ctx(f, f.input);
    MapRun run = MapRun.prepare(m, c);
    f.effectiveInput = run.effectiveInput();
    boolean distributed = m.mode() == MapState.ProcessorMode.DISTRIBUTED;
    if (it.history.enabled(f)) {
      it.history.add(f, EventType.MapStateStarted, Json.object().put("length", run.items().size()));
    }
    // AWS checks the failure tolerance only after the Map has started.
    MapRun.Tolerance tolerance = MapRun.tolerance(m, c.withInput(run.effectiveInput()));
    if (distributed && it.history.enabled(f)) {
      it.history.add(f, EventType.MapRunStarted, Json.object().put("mapRunArn",
          TaskResources.mapRunArn(it.execution.info, m)));
    }
    ChildGroup group = new ChildGroup(run.items(), run.maxConcurrency(), tolerance.count(),
        tolerance.percentage());
    startChildren(f, group);
  }

  private void startChildren(Frame f, ChildGroup group) {
    group.keep(f.redriveKeeps);
    f.redriveKeeps = null;
    f.children = group;
    f.waitingFor = Frame.Wait.CHILDREN;
    f.status = Frame.Status.WAITING;
    if (group.allDone()) {
      childrenDone(f);
      return;
    }
    while (group.hasNext() && group.running.size() < group.maxConcurrency) {
      startChild(f, group);
    }
  }

  private void startChild(Frame parent, ChildGroup group) {
    int index = group.started++;
    Workflow workflow;
    JsonNode input = group.items.get(index);
    JsonNode item = null;
    if (parent.state instanceof ParallelState p) {
      workflow = p.branches().get(index);
    } else {
      MapState m = (MapState) parent.state;
      workflow = m.processor();
      item = input;
      input = MapRun.iterationInput(m, it.ctx(parent, parent.input), parent.effectiveInput, index,
          item);
    }
    Frame child = new Frame(workflow, parent, index, new Variables(parent.variables), item);
    child.silent = parent.silent || (parent.state instanceof MapState m
        && m.mode() == MapState.ProcessorMode.DISTRIBUTED);
    child.lastEventId = parent.lastEventId;
    group.running.add(child);
    if (parent.state instanceof MapState m && it.history.enabled(child)) {
      it.history.add(child, EventType.MapIterationStarted, History.iteration(m.name(), index));
    }
    child.moveTo(workflow.state(workflow.startAt()), input);
    it.runnable.add(child);
  }

  /** A child frame finished: record it, start the next one, or finish the group. */
  void childFinished(Frame child) {
    Frame parent = child.parent;
    ChildGroup group = parent.children;
    if (group == null || group.finished) {
      return;
    }
    group.running.remove(child);
    boolean isMap = parent.state instanceof MapState;
    if (child.status == Frame.Status.SUCCEEDED) {
      group.succeeded++;
      group.done[child.index] = true;
      group.results[child.index] = child.output;
      if (isMap && it.history.enabled(child)) {
        it.history.add(child, EventType.MapIterationSucceeded,
            History.iteration(parent.state.name(), child.index));
      }
    } else {
      group.failed++;
      if (group.error == null && !group.tolerates(group.failed)) {
        group.error = child.error;
        group.cause = child.cause;
      }
      ObjectNode failure = Json.object();
      failure.put("Error", child.error);
      failure.put("Cause", child.cause);
      group.results[child.index] = failure;
      if (isMap && it.history.enabled(child)) {
        it.history.add(child, EventType.MapIterationFailed,
            History.iteration(parent.state.name(), child.index));
      }
      if (!group.tolerates(group.failed)) {
        failGroup(parent, group);
        return;
      }
    }
    if (group.hasNext()) {
      startChild(parent, group);
    }
    if (group.allDone()) {
      childrenDone(parent);
    }
  }

  private void failGroup(Frame parent, ChildGroup group) {
    group.finished = true;
    for (Frame other : new ArrayList<>(group.running)) {
      it.abortFrame(other);
      if (parent.state instanceof MapState m && it.history.enabled(other)) {
        it.history.add(other, EventType.MapIterationAborted, History.iteration(m.name(), other.index));
      }
    }
    group.running.clear();
    parent.children = null;
    // Kept for a redrive, which runs only the unsuccessful branches or iterations again.
    parent.succeededChildren = group.succeededOutputs();
    parent.status = Frame.Status.RUNNING;
    parent.waitingFor = Frame.Wait.NONE;
    String error = group.error;
    String cause = group.cause;
    if (parent.state instanceof MapState && group.hasThreshold()) {
      error = ErrorNames.EXCEED_TOLERATED_FAILURE_THRESHOLD;
      cause = "The specified tolerated failure threshold was exceeded";
    }
    it.failures.handle(parent, error, cause);
    it.runnable.add(parent);
  }

  private void childrenDone(Frame parent) {
    ChildGroup group = parent.children;
    group.finished = true;
    parent.children = null;
    parent.status = Frame.Status.RUNNING;
    parent.waitingFor = Frame.Wait.NONE;
    ArrayNode results = Json.NODES.arrayNode(group.size());
    for (JsonNode r : group.results) {
      results.add(r);
    }
    if (it.history.enabled(parent)) {
      if (parent.state instanceof MapState m) {
        if (m.mode() == MapState.ProcessorMode.DISTRIBUTED) {
          it.history.add(parent, EventType.MapRunSucceeded, null);
        }
        it.history.add(parent, EventType.MapStateSucceeded, null);
      } else {
        it.history.add(parent, EventType.ParallelStateSucceeded, null);
      }
    }
    it.guarded(parent, () -> it.finishState(parent, results));
    it.runnable.add(parent);
  }
}
