package dev.statecraft.asl.expr;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads a path against the data an evaluation sees (state input, context object, variables). */
@FunctionalInterface
public interface PathResolver {
  /**
   * @return the selected node, or null when a definite path selects nothing
   */
  JsonNode resolve(PathExpr path);
}
