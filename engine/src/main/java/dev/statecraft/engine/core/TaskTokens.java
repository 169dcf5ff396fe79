package dev.statecraft.engine.core;

import java.nio.ByteBuffer;
import java.util.Base64;

/**
 * Task tokens: 192 bits drawn from the execution's replayable random source plus the task id,
 * URL-safe Base64. Replaying a step gives the same token, so a re-issued task keeps it.
 */
final class TaskTokens {
  private TaskTokens() {}

  static String token(ExecutionState execution, long taskId) {
    ByteBuffer b = ByteBuffer.allocate(24);
    b.putLong(execution.nextRandom());
    b.putLong(execution.nextRandom());
    b.putLong(taskId);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
  }
}
