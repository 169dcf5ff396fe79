package dev.statecraft.engine.api;

/**
 * An API call failed for the caller's reason; {@link #errorName()} is AWS's exception name
 * (the HTTP layer renders it as {@code __type}).
 */
public class StatesApiException extends RuntimeException {
  private final String errorName;

  protected StatesApiException(String errorName, String message) {
    super(message);
    this.errorName = errorName;
  }

  /** AWS's exception name, e.g. {@code ExecutionDoesNotExist}. */
  public String errorName() {
    return errorName;
  }

  public static final class ExecutionDoesNotExist extends StatesApiException {
    public ExecutionDoesNotExist(String arn) {
      super("ExecutionDoesNotExist", "Execution Does Not Exist: '" + arn + "'");
    }
  }

  public static final class StateMachineDoesNotExist extends StatesApiException {
    public StateMachineDoesNotExist(String arn) {
      super("StateMachineDoesNotExist", "State Machine Does Not Exist: '" + arn + "'");
    }
  }

  public static final class StateMachineAlreadyExists extends StatesApiException {
    public StateMachineAlreadyExists(String arn) {
      super("StateMachineAlreadyExists", "State Machine Already Exists: '" + arn + "'");
    }
  }

  public static final class ExecutionAlreadyExists extends StatesApiException {
    private final String executionArn;

    public ExecutionAlreadyExists(String arn) {
      super("ExecutionAlreadyExists", "Execution Already Exists: '" + arn + "'");
      this.executionArn = arn;
    }

    /** The execution that holds the name. */
    public String executionArn() {
      return executionArn;
    }
  }

  public static final class InvalidDefinition extends StatesApiException {
    public InvalidDefinition(String message) {
      super("InvalidDefinition", message);
    }
  }

  public static final class InvalidExecutionInput extends StatesApiException {
    public InvalidExecutionInput(String message) {
      super("InvalidExecutionInput", message);
    }
  }

  public static final class InvalidArn extends StatesApiException {
    public InvalidArn(String arn) {
      super("InvalidArn", "Invalid Arn: '" + arn + "'");
    }
  }

  public static final class InvalidName extends StatesApiException {
    public InvalidName(String name) {
      super("InvalidName", "Invalid Name: '" + name + "'");
    }
  }

  public static final class ExecutionNotRedrivable extends StatesApiException {
    public ExecutionNotRedrivable(String message) {
      super("ExecutionNotRedrivable", message);
    }
  }

  public static final class StateMachineTypeNotSupported extends StatesApiException {
    public StateMachineTypeNotSupported(String message) {
      super("StateMachineTypeNotSupported", message);
    }
  }

  public static final class ValidationException extends StatesApiException {
    public ValidationException(String message) {
      super("ValidationException", message);
    }
  }

  public static final class TaskDoesNotExist extends StatesApiException {
    public TaskDoesNotExist(String message) {
      super("TaskDoesNotExist", message);
    }
  }

  public static final class TaskTimedOut extends StatesApiException {
    public TaskTimedOut(String message) {
      super("TaskTimedOut", message);
    }
  }

  public static final class InvalidToken extends StatesApiException {
    public InvalidToken(String message) {
      super("InvalidToken", message);
    }
  }

  public static final class InvalidOutput extends StatesApiException {
    public InvalidOutput(String message) {
      super("InvalidOutput", message);
    }
  }

  public static final class ActivityDoesNotExist extends StatesApiException {
    public ActivityDoesNotExist(String arn) {
      super("ActivityDoesNotExist", "Activity Does Not Exist: '" + arn + "'");
    }
  }
}
