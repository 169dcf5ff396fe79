package dev.statecraft.engine.core;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statecraft.asl.model.State;
import dev.statecraft.asl.model.Workflow;

/**
 * One running scope: the top level of an execution, a Parallel branch, or a Map iteration. It
 * holds the state it is in, that state's input, and the progress of the state's work.
 */
final class Frame {
  enum Status {
    RUNNING,
    WAITING,
    SUCCEEDED,
    FAILED,
    ABORTED
  }

  /** What a WAITING frame waits for. */
  enum Wait {
    NONE,
    TASK,
    WAIT_STATE,
    RETRY_BACKOFF,
    CHILDREN
  }

  final Workflow workflow;
  final Frame parent;
  /** Branch index (Parallel) or item index (Map); -1 at the top level. */
  final int index;
  final Variables variables;
  /** For a Map iteration: the item, for {@code $$.Map.Item.Value}. */
  final JsonNode mapItem;
  /** True inside a distributed Map: iterations run as child executions with their own history. */
  boolean silent;

  Status status = Status.RUNNING;
  State state;
  JsonNode input;
  long enteredMillis;
  /** Id of the current state's Entered event and that event's previousEventId. */
  long enteredEventId;
  long enteredPreviousId;
  /** Last history event id of this frame, for previousEventId. */
  long lastEventId;

  // Progress of the current state; reset on entering a state.
  Wait waitingFor = Wait.NONE;
  long pendingId = -1;
  int[] retryCounts;
  int retryCount;
  JsonNode effectiveInput;
  String taskToken;
  ChildGroup children;
  /**
   * Outputs of the children (branches, iterations) that succeeded when this state's group
   * failed, null where a child did not: a redrive runs only the others again.
   */
  JsonNode[] succeededChildren;
  /** Set by a redrive for the state it re-enters: the children not to run again. */
  JsonNode[] redriveKeeps;
  boolean entered;

  // Outcome when finished.
  JsonNode output;
  String error;
  String cause;

  Frame(Workflow workflow, Frame parent, int index, Variables variables, JsonNode mapItem) {
    this.workflow = workflow;
    this.parent = parent;
    this.index = index;
    this.variables = variables;
    this.mapItem = mapItem;
  }

  boolean isFinished() {
    return status == Status.SUCCEEDED || status == Status.FAILED || status == Status.ABORTED;
  }

  void moveTo(State next, JsonNode nextInput) {
    state = next;
    input = nextInput;
    entered = false;
    waitingFor = Wait.NONE;
    pendingId = -1;
    retryCounts = null;
    retryCount = 0;
    effectiveInput = null;
    taskToken = null;
    children = null;
    succeededChildren = null;
    redriveKeeps = null;
    status = Status.RUNNING;
  }
}
