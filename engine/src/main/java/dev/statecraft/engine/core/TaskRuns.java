package dev.statecraft.engine.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statecraft.asl.expr.Template;
import dev.statecraft.asl.model.ErrorNames;
import dev.statecraft.asl.model.TaskState;

/**
 * Task states: scheduling the task (its token, timeouts, TaskScheduled or ActivityScheduled),
 * then the events that report on it — started, submitted, succeeded, failed or timed out —
 * with AWS's history events for each (Activity* for activities).
 */
final class TaskRuns {
  private final Interpreter it;

  TaskRuns(Interpreter it) {
    this.it = it;
  }

  /** Enters a Task state: the frame waits while the runtime carries out ScheduleTask. */
  void schedule(Frame f, TaskState t) {
    if (f.retryCounts == null) {
      f.retryCounts = new int[t.retry().size()];
    }
    ExecutionState execution = it.execution;
    long taskId = execution.newId();
    boolean activity = TaskResources.isActivity(t.resource());
    if (activity || t.resource() != null && t.resource().endsWith(".waitForTaskToken")) {
      f.taskToken = TaskTokens.token(execution, taskId);
    }
    EvalContext c = it.ctx(f, f.input);
    JsonNode input = DataPipeline.effectiveInput(t, c);
    Long timeout = seconds(t.timeoutSeconds(), c, "TimeoutSeconds");
    Long heartbeat = seconds(t.heartbeatSeconds(), c, "HeartbeatSeconds");
    JsonNode credentials = t.credentials() == null ? null
        : TemplateEvaluator.evaluate(t.credentials(), c, "Credentials");
    f.effectiveInput = input;
    f.waitingFor = Frame.Wait.TASK;
    f.pendingId = taskId;
    f.status = Frame.Status.WAITING;
    execution.waiting.put(taskId, f);
    if (it.history.enabled(f) && activity) {
      ObjectNode d = Json.object();
      d.put("resource", t.resource());
      d.setAll(History.payload("input", input));
      if (timeout != null) {
        d.put("timeoutInSeconds", timeout);
      }
      if (heartbeat != null) {
        d.put("heartbeatInSeconds", heartbeat);
      }
      it.history.add(f, EventType.ActivityScheduled, d);
    } else if (it.history.enabled(f)) {
      ObjectNode d = details(t);
      d.put("region", TaskResources.region(t.resource()));
      d.put("parameters", Json.write(input));
      if (timeout != null) {
        d.put("timeoutInSeconds", timeout);
      }
      if (heartbeat != null) {
        d.put("heartbeatInSeconds", heartbeat);
      }
      it.history.add(f, EventType.TaskScheduled, d);
    }
    it.commands.add(new Command.ScheduleTask(taskId, t.name(), t.resource(), input, timeout,
        heartbeat, f.taskToken, credentials));
  }

  /** TaskStarted (ActivityStarted with the worker's name); with its TaskSubmitted, if any. */
  void started(Event.TaskStarted t) {
    Frame f = it.execution.waiting.get(t.taskId());
    if (f == null) {
      return;
    }
    if (it.history.enabled(f)) {
      TaskState task = (TaskState) f.state;
      if (TaskResources.isActivity(task.resource())) {
        ObjectNode d = Json.object();
        if (t.workerName() != null) {
          d.put("workerName", t.workerName());
        }
        it.history.add(f, EventType.ActivityStarted, d);
      } else {
        it.history.add(f, EventType.TaskStarted, details(task));
      }
    }
    if (t.submitted() != null) {
      submitted(t.taskId(), t.submitted());
    }
  }

  /** Records TaskSubmitted once per task: a task dispatched again after a restart submits again. */
  void submitted(long taskId, JsonNode output) {
    Frame f = it.execution.waiting.get(taskId);
    if (f == null) {
      return;
    }
    TaskState task = (TaskState) f.state;
    if (it.execution.submitted.add(taskId) && it.history.enabled(f)
        && !TaskResources.isActivity(task.resource())) {
      ObjectNode d = details(task);
      d.setAll(History.payload("output", output));
      it.history.add(f, EventType.TaskSubmitted, d);
    }
  }

  /** The task's output: the state goes on with it (over the payload limit, it fails). */
  void succeeded(Event.TaskSucceeded t) {
    it.execution.submitted.remove(t.taskId());
    Frame f = it.execution.waiting.remove(t.taskId());
    if (f == null) {
      return;
    }
    TaskState task = (TaskState) f.state;
    if (it.history.enabled(f)) {
      boolean activity = TaskResources.isActivity(task.resource());
      ObjectNode d = activity ? Json.object() : details(task);
      d.setAll(History.payload("output", t.output()));
      it.history.add(f, activity ? EventType.ActivitySucceeded : EventType.TaskSucceeded, d);
    }
    f.waitingFor = Frame.Wait.NONE;
    f.status = Frame.Status.RUNNING;
    if (PayloadLimit.exceeds(t.output())) {
      it.failures.handle(f, ErrorNames.DATA_LIMIT_EXCEEDED, PayloadLimit.tooLarge(task.name())
          .cause());
    } else {
      it.guarded(f, () -> it.finishState(f, t.output()));
    }
    it.runnable.add(f);
  }

  /** TaskFailed or TaskTimedOut: Retry, Catch or fail, as for any state error. */
  void failed(long taskId, EventType type, String error, String cause) {
    it.execution.submitted.remove(taskId);
    Frame f = it.execution.waiting.remove(taskId);
    if (f == null) {
      return;
    }
    if (it.history.enabled(f)) {
      TaskState task = (TaskState) f.state;
      if (TaskResources.isActivity(task.resource())) {
        // AWS names an activity's events Activity*, with only the error and cause.
        it.history.add(f, type == EventType.TaskFailed ? EventType.ActivityFailed
            : EventType.ActivityTimedOut, History.error(error, cause));
      } else {
        ObjectNode d = details(task);
        d.setAll(History.error(error, cause));
        it.history.add(f, type, d);
      }
    }
    f.waitingFor = Frame.Wait.NONE;
    f.status = Frame.Status.RUNNING;
    it.failures.handle(f, error, cause);
    it.runnable.add(f);
  }

  /** The resourceType and resource every Task* event carries. */
  static ObjectNode details(TaskState t) {
    ObjectNode d = Json.object();
    d.put("resourceType", TaskResources.resourceType(t.resource()));
    d.put("resource", TaskResources.resource(t.resource()));
    return d;
  }

  private static Long seconds(Template t, EvalContext c, String field) {
    if (t == null) {
      return null;
    }
    JsonNode v = TemplateEvaluator.evaluate(t, c, field);
    if (!v.canConvertToLong() || !v.isIntegralNumber() || v.asLong() <= 0) {
      throw new StateFailure(ErrorNames.RUNTIME, "The value of the field '" + field
          + "' must be a positive integer, got " + Json.write(v));
    }
    return v.asLong();
  }
}
