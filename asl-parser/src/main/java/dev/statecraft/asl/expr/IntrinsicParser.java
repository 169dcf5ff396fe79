package dev.statecraft.asl.expr;

import java.util.List;

/** Placeholder until the intrinsic parser lands. */
public final class IntrinsicParser {
  private IntrinsicParser() {}

  public static boolean looksLikeIntrinsic(String s) {
    return s.startsWith("States.");
  }

  public static IntrinsicCall parse(String s) {
    return new IntrinsicCall(s.substring(0, s.indexOf('(')), List.of());
  }
}
