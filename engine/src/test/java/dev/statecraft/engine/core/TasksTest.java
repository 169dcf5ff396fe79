package dev.statecraft.engine.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statecraft.asl.model.ErrorNames;
import dev.statecraft.engine.runtime.ExecutionResult;
import dev.statecraft.engine.runtime.ExpressRunner;
import dev.statecraft.engine.runtime.TimeSource;
import dev.statecraft.engine.spi.TaskHandler;
import dev.statecraft.engine.spi.TaskRequest;
import dev.statecraft.engine.spi.TaskResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/** Task states: through a test TaskHandler in the Express runner, and step by step. */
class TasksTest {

  /** Answers every "function:test-*" Lambda at once; "test-fail" fails. */
  private static final class EchoHandler implements TaskHandler {
    final List<TaskRequest> requests = new ArrayList<>();

    @Override
    public boolean supports(String resource) {
      return resource.contains(":function:test-");
    }

    @Override
    public CompletionStage<TaskResult> invoke(TaskRequest request) {
      requests.add(request);
      if (request.resource().equals("arn:aws:lambda:us-east-1:123456789012:function:test-fail")) {
        return CompletableFuture.completedFuture(TaskResult.failure("Custom.Error", "told to"));
      }
      ObjectNode out = Json.object();
      out.set("echo", request.input());
      return CompletableFuture.completedFuture(TaskResult.success(out));
    }
  }

  private static ExecutionResult runExpress(List<TaskHandler> handlers, String definition,
      String input) throws InterruptedException {
    return new ExpressRunner(handlers).run(Story.machine(definition), Json.parse(input),
        new ExpressRunner.Options(Story.INFO, TimeSource.virtual(Story.START), true, 42));
  }

  @Test
  void requestResponseTaskRunsThroughTheHandler() throws Exception {
    EchoHandler handler = new EchoHandler();
    ExecutionResult r = runExpress(List.of(handler), """
        {"StartAt": "T", "States": {
          "T": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:test-echo",
                "Parameters": {"n.$": "$.n"}, "ResultPath": "$.result", "End": true}}}
        """, "{\"n\": 7}");
    assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(r.output()).isEqualTo(Story.json("{\"n\": 7, \"result\": {\"echo\": {\"n\": 7}}}"));
    assertThat(handler.requests).hasSize(1);
    assertThat(handler.requests.get(0).stateName()).isEqualTo("T");
    assertThat(handler.requests.get(0).taskToken()).isNull();
    List<String> types = History.types(r.history());
    assertThat(types).containsExactly("ExecutionStarted", "TaskStateEntered", "TaskScheduled",
        "TaskStarted", "TaskSucceeded", "TaskStateExited", "ExecutionSucceeded");
  }

  @Test
  void handlerFailureIsTheTaskError() throws Exception {
    ExecutionResult r = runExpress(List.of(new EchoHandler()), """
        {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:test-fail",
          "End": true}}}
        """, "{}");
    assertThat(r.error()).isEqualTo("Custom.Error");
    assertThat(r.cause()).isEqualTo("told to");
  }

  @Test
  void unknownResourceFailsWithTaskFailed() throws Exception {
    ExecutionResult r = runExpress(List.of(), """
        {"StartAt": "T", "States": {"T": {"Type": "Task",
          "Resource": "arn:aws:states:::lambda:invoke", "End": true}}}
        """, "{}");
    assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(r.error()).isEqualTo(ErrorNames.TASK_FAILED);
    assertThat(r.cause()).contains("arn:aws:states:::lambda:invoke");
  }

  @Test
  void waitForTaskTokenPutsTheTokenInContextAndCommand() {
    Story s = Story.start("""
        {"StartAt": "T", "States": {
          "T": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
                "Parameters": {"MessageBody": {"token.$": "$$.Task.Token"}}, "End": true}}}
        """, "{}");
    Command.ScheduleTask task = s.task();
    assertThat(task.token()).isNotBlank();
    assertThat(task.input().at("/MessageBody/token").asText()).isEqualTo(task.token());
    // The execution waits for SendTaskSuccess, however long it takes.
    assertThat(s.status()).isEqualTo(ExecutionStatus.RUNNING);
    s.at(Story.START + 86_400_000).succeed(task, "{\"approved\": true}");
    assertThat(s.output()).isEqualTo(Story.json("{\"approved\": true}"));
  }

  @Test
  void aSyncTaskRecordsTaskSubmittedOnceEvenWhenSubmittedAgain() {
    Story s = Story.start("""
        {"StartAt": "T", "States": {"T": {"Type": "Task",
          "Resource": "arn:aws:states:::states:startExecution.sync:2",
          "Parameters": {"StateMachineArn": "arn:aws:states:us-east-1:123456789012:stateMachine:c"},
          "End": true}}}
        """, "{}");
    Command.ScheduleTask task = s.task();
    s.send(new Event.TaskStarted(task.taskId(), Story.START + 1));
    s.send(new Event.TaskSubmitted(task.taskId(), Json.parse("{\"ExecutionArn\":\"c1\"}"),
        Story.START + 2));
    // Dispatched again after a restart, the handler submits again: not recorded twice.
    s.send(new Event.TaskSubmitted(task.taskId(), Json.parse("{\"ExecutionArn\":\"c1\"}"),
        Story.START + 3));
    s.succeed(task, "{\"Output\": 1}");
    assertThat(s.types()).containsExactly("ExecutionStarted",
        "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskSubmitted", "TaskSucceeded",
        "TaskStateExited", "ExecutionSucceeded");
  }

  @Test
  void plainTasksHaveNoToken() {
    Story s = Story.start("""
        {"StartAt": "T", "States": {"T": {"Type": "Task",
          "Resource": "arn:aws:states:::lambda:invoke", "End": true}}}
        """, "{}");
    assertThat(s.task().token()).isNull();
  }

  @Test
  void aFailingParallelBranchCancelsTheOtherBranchesTasks() {
    Story s = Story.start("""
        {"StartAt": "P", "States": {
          "P": {"Type": "Parallel", "End": true, "Branches": [
            {"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:a", "End": true}}},
            {"StartAt": "B", "States": {"B": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:b", "End": true}}},
            {"StartAt": "C", "States": {"C": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:c",
                                              "End": true}}}]}}}
        """, "{}");
    List<Command.ScheduleTask> tasks = s.issued(Command.ScheduleTask.class);
    assertThat(tasks).extracting(Command.ScheduleTask::stateName).containsExactly("A", "B", "C");
    s.succeed(tasks.get(0), "1");
    s.fail(tasks.get(1), "B.Failed", "b broke");
    assertThat(s.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(s.error()).isEqualTo("B.Failed");
    assertThat(s.issued(Command.CancelTask.class))
        .containsExactly(new Command.CancelTask(tasks.get(2).taskId()));
    assertThat(s.types()).containsSubsequence("ParallelStateFailed", "ExecutionFailed");
    // The cancelled task reporting late changes nothing.
    s.succeed(tasks.get(2), "3");
    assertThat(s.history.get(s.history.size() - 1).type()).isEqualTo(EventType.ExecutionFailed);
  }

  @Test
  void mapMaxConcurrencyLimitsTasksInFlightAndKeepsItemOrder() {
    Story s = Story.start("""
        {"StartAt": "M", "States": {
          "M": {"Type": "Map", "MaxConcurrency": 2, "End": true,
                "ItemProcessor": {"StartAt": "T", "States": {
                  "T": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:work", "End": true}}}}}}
        """, "[10, 20, 30, 40, 50]");
    List<Command.ScheduleTask> first = s.issued(Command.ScheduleTask.class);
    assertThat(first).extracting(t -> t.input().asInt()).containsExactly(10, 20);
    // Finish the second one first: exactly one new task starts, the third item.
    s.succeed(first.get(1), "\"r20\"");
    assertThat(s.task().input().asInt()).isEqualTo(30);
    Command.ScheduleTask third = s.task();
    s.succeed(first.get(0), "\"r10\"");
    Command.ScheduleTask fourth = s.task();
    assertThat(fourth.input().asInt()).isEqualTo(40);
    s.succeed(fourth, "\"r40\"");
    Command.ScheduleTask fifth = s.task();
    s.succeed(fifth, "\"r50\"");
    assertThat(s.status()).isEqualTo(ExecutionStatus.RUNNING);
    s.succeed(third, "\"r30\"");
    assertThat(s.output()).isEqualTo(Story.json("[\"r10\", \"r20\", \"r30\", \"r40\", \"r50\"]"));
    assertThat(s.all(EventType.MapIterationStarted)).hasSize(5);
  }

  @Test
  void stopAbortsAndCancelsEveryPendingTask() {
    Story s = Story.start("""
        {"StartAt": "P", "States": {
          "P": {"Type": "Parallel", "End": true, "Branches": [
            {"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:a", "End": true}}},
            {"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 100, "End": true}}}]}}}
        """, "{}");
    long taskId = s.task().taskId();
    long timerId = s.timer().timerId();
    s.send(new Event.Stop("User.Stop", "no longer needed", s.now));
    assertThat(s.status()).isEqualTo(ExecutionStatus.ABORTED);
    assertThat(s.commands).contains(new Command.CancelTask(taskId),
        new Command.CancelTimer(timerId));
    assertThat(s.last(EventType.ExecutionAborted).details()).isEqualTo(Story.json(
        "{\"error\": \"User.Stop\", \"cause\": \"no longer needed\"}"));
    assertThat(s.issued(Command.Finish.class).get(0).status())
        .isEqualTo(ExecutionStatus.ABORTED);
  }
}
