package dev.statecraft.asl.expr;

/** Placeholder until the JSONata support lands. */
public record JsonataExpr(String text) {
  public static boolean isExpression(String s) {
    return s.startsWith("{%") && s.endsWith("%}");
  }

  public static JsonataExpr compile(String template) {
    return new JsonataExpr(template.substring(2, template.length() - 2).trim());
  }
}
