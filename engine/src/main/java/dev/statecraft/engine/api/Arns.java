package dev.statecraft.engine.api;

import java.util.regex.Pattern;

/** AWS-shaped ARNs for one region and account (defaults us-east-1 / 123456789012). */
public record Arns(String region, String account) {
  /** Names AWS accepts: 1–80 characters, none of its reserved ones. */
  private static final Pattern NAME = Pattern.compile(
      "[^\\s?*<>{}\\[\\]\"#%\\\\^|~`$&,;:/\\x00-\\x1f\\x7f-\\x9f]{1,80}");

  public static Arns defaults() {
    return new Arns("us-east-1", "123456789012");
  }

  private String prefix() {
    return "arn:aws:states:" + region + ":" + account + ":";
  }

  public String stateMachine(String name) {
    return prefix() + "stateMachine:" + name;
  }

  public String execution(String stateMachineName, String executionName) {
    return prefix() + "execution:" + stateMachineName + ":" + executionName;
  }

  public String expressExecution(String stateMachineName, String executionName, String id) {
    return prefix() + "express:" + stateMachineName + ":" + executionName + ":" + id;
  }

  public String activity(String name) {
    return prefix() + "activity:" + name;
  }

  /** Whether {@code arn} is a state machine ARN of ours (an optional ":version" allowed). */
  public boolean isStateMachine(String arn) {
    return arn != null && arn.startsWith(prefix() + "stateMachine:");
  }

  public boolean isExecution(String arn) {
    return arn != null && (arn.startsWith(prefix() + "execution:")
        || arn.startsWith(prefix() + "express:"));
  }

  /** A Standard execution's ARN (Express executions have {@code :express:} ARNs). */
  public boolean isStandardExecution(String arn) {
    return arn != null && arn.startsWith(prefix() + "execution:");
  }

  public static boolean validName(String name) {
    return name != null && NAME.matcher(name).matches();
  }
}
