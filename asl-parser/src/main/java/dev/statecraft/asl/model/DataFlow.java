package dev.statecraft.asl.model;

import dev.statecraft.asl.expr.PathExpr;
import dev.statecraft.asl.expr.Template;

/**
 * How a state moves data: for JSONPath, InputPath → Parameters → (work) → ResultSelector →
 * ResultPath → OutputPath; for JSONata, Arguments → (work) → Output. Assign works in both. Fields
 * a state type does not have, or the definition leaves out, hold their defaults.
 *
 * @param inputPath the InputPath selection (default {@code $})
 * @param parameters Parameters (JSONPath) or Arguments (JSONata), or null
 * @param resultSelector ResultSelector, or null
 * @param resultPath where the result goes (default {@code $})
 * @param outputPath the OutputPath selection (default {@code $})
 * @param output the JSONata Output template, or null
 * @param assign the Assign template (an object template), or null
 */
public record DataFlow(
    Selection inputPath,
    Template parameters,
    Template resultSelector,
    ResultPath resultPath,
    Selection outputPath,
    Template output,
    Template assign) {

  /** No data-flow fields at all. */
  public static final DataFlow DEFAULT =
      new DataFlow(Selection.ROOT, null, null, ResultPath.ROOT, Selection.ROOT, null, null);

  /**
   * InputPath or OutputPath: a path, or JSON {@code null}, which makes the value {@code {}}.
   *
   * @param path the path, or null when the definition gave {@code null}
   */
  public record Selection(PathExpr path) {
    public static final Selection ROOT = new Selection(PathExpr.compile("$"));
    public static final Selection DISCARD = new Selection(null);

    public boolean isRoot() {
      return path != null && path.isRootOnly() && path.root() == PathExpr.Root.INPUT;
    }
  }

  /**
   * ResultPath: a reference path into the state input, or JSON {@code null}, which discards the
   * result and passes the input on.
   *
   * @param path the reference path, or null when the definition gave {@code null}
   */
  public record ResultPath(PathExpr path) {
    public static final ResultPath ROOT = new ResultPath(PathExpr.compile("$"));
    public static final ResultPath DISCARD = new ResultPath(null);

    public boolean isRoot() {
      return path != null && path.isRootOnly();
    }
  }
}
