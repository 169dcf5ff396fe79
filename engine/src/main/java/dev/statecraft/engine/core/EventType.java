package dev.statecraft.engine.core;

/**
 * AWS Step Functions history event types, each with the name of the field that holds its
 * details in GetExecutionHistory ({@code null} when the event has none).
 */
public enum EventType {
  ExecutionStarted("executionStartedEventDetails"),
  ExecutionSucceeded("executionSucceededEventDetails"),
  ExecutionFailed("executionFailedEventDetails"),
  ExecutionAborted("executionAbortedEventDetails"),
  ExecutionTimedOut("executionTimedOutEventDetails"),
  ExecutionRedriven("executionRedrivenEventDetails"),
  PassStateEntered("stateEnteredEventDetails"),
  PassStateExited("stateExitedEventDetails"),
  TaskStateEntered("stateEnteredEventDetails"),
  TaskStateExited("stateExitedEventDetails"),
  TaskStateAborted(null),
  ChoiceStateEntered("stateEnteredEventDetails"),
  ChoiceStateExited("stateExitedEventDetails"),
  WaitStateEntered("stateEnteredEventDetails"),
  WaitStateExited("stateExitedEventDetails"),
  WaitStateAborted(null),
  SucceedStateEntered("stateEnteredEventDetails"),
  SucceedStateExited("stateExitedEventDetails"),
  FailStateEntered("stateEnteredEventDetails"),
  ParallelStateEntered("stateEnteredEventDetails"),
  ParallelStateStarted(null),
  ParallelStateSucceeded(null),
  ParallelStateFailed(null),
  ParallelStateAborted(null),
  ParallelStateExited("stateExitedEventDetails"),
  MapStateEntered("stateEnteredEventDetails"),
  MapStateStarted("mapStateStartedEventDetails"),
  MapStateSucceeded(null),
  MapStateFailed(null),
  MapStateAborted(null),
  MapStateExited("stateExitedEventDetails"),
  MapIterationStarted("mapIterationStartedEventDetails"),
  MapIterationSucceeded("mapIterationSucceededEventDetails"),
  MapIterationFailed("mapIterationFailedEventDetails"),
  MapIterationAborted("mapIterationAbortedEventDetails"),
  MapRunStarted("mapRunStartedEventDetails"),
  MapRunSucceeded(null),
  MapRunFailed("mapRunFailedEventDetails"),
  MapRunAborted(null),
  TaskScheduled("taskScheduledEventDetails"),
  TaskStarted("taskStartedEventDetails"),
  TaskSucceeded("taskSucceededEventDetails"),
  TaskFailed("taskFailedEventDetails"),
  TaskTimedOut("taskTimedOutEventDetails"),
  TaskSubmitted("taskSubmittedEventDetails"),
  TaskSubmitFailed("taskSubmitFailedEventDetails"),
  TaskStartFailed("taskStartFailedEventDetails"),
  ActivityScheduled("activityScheduledEventDetails"),
  ActivityStarted("activityStartedEventDetails"),
  ActivitySucceeded("activitySucceededEventDetails"),
  ActivityFailed("activityFailedEventDetails"),
  ActivityTimedOut("activityTimedOutEventDetails"),
  LambdaFunctionScheduled("lambdaFunctionScheduledEventDetails"),
  LambdaFunctionStarted(null),
  LambdaFunctionSucceeded("lambdaFunctionSucceededEventDetails"),
  LambdaFunctionFailed("lambdaFunctionFailedEventDetails"),
  LambdaFunctionTimedOut("lambdaFunctionTimedOutEventDetails"),
  EvaluationFailed("evaluationFailedEventDetails");

  private final String detailsField;

  EventType(String detailsField) {
    this.detailsField = detailsField;
  }

  /** The JSON field of the event's details, or null. */
  public String detailsField() {
    return detailsField;
  }
}
