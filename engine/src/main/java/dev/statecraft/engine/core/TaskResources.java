package dev.statecraft.engine.core;

/**
 * Splits a Task's Resource ARN into the resourceType / resource / region that AWS puts in task
 * history events (e.g. {@code arn:aws:states:::lambda:invoke} → lambda, invoke).
 */
public final class TaskResources {
  private TaskResources() {}

  /**
   * Whether the Resource is an activity:
   * {@code arn:aws:states:<region>:<account>:activity:<name>}.
   */
  public static boolean isActivity(String arn) {
    String[] p = parts(arn);
    return p != null && "states".equals(p[2]) && p[5].startsWith("activity:");
  }

  static String resourceType(String arn) {
    String[] p = parts(arn);
    if (p == null) {
      return "unknown";
    }
    if ("states".equals(p[2]) && p[5].contains(":") && !p[5].startsWith("activity:")) {
      return p[5].substring(0, p[5].indexOf(':'));
    }
    if (p[5].startsWith("activity:")) {
      return "activity";
    }
    return p[2];
  }

  static String resource(String arn) {
    String[] p = parts(arn);
    if (p == null) {
      return arn;
    }
    if ("states".equals(p[2]) && p[5].contains(":") && !p[5].startsWith("activity:")) {
      return p[5].substring(p[5].indexOf(':') + 1);
    }
    return arn;
  }

  static String region(String arn) {
    String[] p = parts(arn);
    return p == null || p[3].isEmpty() ? "us-east-1" : p[3];
  }

  /** The ARN of a distributed Map's run: the execution's with the Map's label. */
  static String mapRunArn(ExecutionInfo info, dev.statecraft.asl.model.MapState m) {
    String base = info.executionArn().replace(":execution:", ":mapRun:");
    return base + "/" + (m.label() != null ? m.label() : m.name());
  }

  private static String[] parts(String arn) {
    if (arn == null || !arn.startsWith("arn:")) {
      return null;
    }
    String[] p = arn.split(":", 6);
    return p.length == 6 ? p : null;
  }
}
