package dev.statecraft.engine.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statecraft.asl.expr.PathExpr;
import dev.statecraft.asl.expr.Template;
import dev.statecraft.asl.model.DataFlow;
import dev.statecraft.asl.model.ErrorNames;
import dev.statecraft.asl.model.QueryLanguage;
import dev.statecraft.asl.model.State;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The data-flow stages of a state: InputPath → Parameters → (work) → ResultSelector → ResultPath →
 * OutputPath for JSONPath; Arguments → (work) → Output for JSONata; Assign in both.
 */
final class DataPipeline {
  private DataPipeline() {}

  /** The effective input: InputPath then Parameters (JSONPath), or Arguments (JSONata). */
  static JsonNode effectiveInput(State state, EvalContext ctx) {
    DataFlow io = state.io();
    if (state.queryLanguage() == QueryLanguage.JSONATA) {
      if (io.parameters() == null) {
        return ctx.input;
      }
      JsonNode arguments = TemplateEvaluator.evaluate(io.parameters(), ctx, "Arguments");
      ctx.inspect("afterArguments", arguments);
      return arguments;
    }
    JsonNode selected = select(io.inputPath(), ctx.input, ctx);
    ctx.inspect("afterInputPath", selected);
    JsonNode effective = io.parameters() == null ? selected
        : TemplateEvaluator.evaluate(io.parameters(), ctx.withInput(selected), "Parameters");
    ctx.inspect("afterParameters", effective);
    return effective;
  }

  /**
   * InputPath or OutputPath applied to {@code value}; paths on {@code $$} or a variable read
   * those instead.
   */
  static JsonNode select(DataFlow.Selection selection, JsonNode value, EvalContext ctx) {
    if (selection.path() == null) {
      return Json.object();
    }
    if (selection.isRoot()) {
      return value;
    }
    PathExpr p = selection.path();
    JsonNode v;
    if (p.root() == PathExpr.Root.INPUT) {
      if (value == null || value.isNull()) {
        throw new StateFailure(ErrorNames.RUNTIME,
            "Unable to apply Path transformation to null or empty input.");
      }
      v = p.read(value);
    } else {
      v = ctx.resolve(p);
    }
    if (v == null) {
      throw new StateFailure(ErrorNames.RUNTIME, "Invalid path '" + p.text() + "' : No results"
          + " for path: " + bracketed(p));
    }
    return v;
  }

  /** Jayway's bracket notation of a path, as AWS quotes it in causes ({@code $['a']['b']}). */
  static String bracketed(PathExpr p) {
    List<Object> segments = p.simpleSegments();
    if (segments == null) {
      return p.text();
    }
    StringBuilder sb = new StringBuilder("$");
    for (Object s : segments) {
      if (s instanceof String name) {
        sb.append("['").append(name).append("']");
      } else {
        sb.append('[').append(s).append(']');
      }
    }
    return sb.toString();
  }

  /** ResultSelector, evaluated on the raw result. */
  static JsonNode selectResult(State state, JsonNode result, EvalContext ctx) {
    Template selector = state.io().resultSelector();
    if (selector == null) {
      return result;
    }
    return TemplateEvaluator.evaluate(selector, ctx.withInput(result), "ResultSelector");
  }

  /** Places the result into the raw input as ResultPath says. */
  static JsonNode applyResultPath(DataFlow.ResultPath resultPath, JsonNode input, JsonNode result) {
    if (resultPath.path() == null) {
      return input;
    }
    if (resultPath.isRoot()) {
      return result;
    }
    List<Object> segments = resultPath.path().simpleSegments();
    if (segments == null) {
      throw referencePathConflict(resultPath.path().text(), input);
    }
    try {
      return setAt(input, segments, 0, result);
    } catch (IllegalArgumentException conflict) {
      throw referencePathConflict(resultPath.path().text(), input);
    }
  }

  /**
   * A ResultPath that cannot be placed into the input (e.g. {@code $.x} on a string). AWS
   * reports it as States.ReferencePathConflict, not the documented ResultPathMatchFailure:
   * {@code Unable to apply ReferencePath $.x to input "input1"} (recorded AWS output quoted at
   * qiita.com/tsubasaogawa/items/4fe341bdb6ae7d2fd8ee).
   */
  static StateFailure referencePathConflict(String path, JsonNode input) {
    return new StateFailure(REFERENCE_PATH_CONFLICT, "Unable to apply ReferencePath " + path
        + " to input " + Json.write(input));
  }

  /** Not in ASL's list of predefined errors, but what AWS raises for a ResultPath conflict. */
  static final String REFERENCE_PATH_CONFLICT = "States.ReferencePathConflict";

  /** Sets the value; throws IllegalArgumentException when the input's shape does not allow it. */
  private static JsonNode setAt(JsonNode node, List<Object> segments, int i, JsonNode value) {
    if (i == segments.size()) {
      return value;
    }
    Object seg = segments.get(i);
    if (seg instanceof String name) {
      ObjectNode copy;
      if (node == null || node.isNull() && i > 0) {
        copy = Json.object();
      } else if (node.isObject()) {
        // Shallow, pre-sized copy: values are shared, never mutated.
        copy = new ObjectNode(Json.NODES, new java.util.LinkedHashMap<>(
            (int) ((node.size() + 1) / 0.75f) + 1));
        copy.setAll((ObjectNode) node);
      } else {
        throw new IllegalArgumentException();
      }
      copy.set(name, setAt(node == null ? null : node.get(name), segments, i + 1, value));
      return copy;
    }
    int index = (Integer) seg;
    if (node == null || !node.isArray() || index < 0 || index >= node.size()) {
      throw new IllegalArgumentException();
    }
    ArrayNode copy = Json.NODES.arrayNode(node.size());
    for (int k = 0; k < node.size(); k++) {
      copy.add(k == index ? setAt(node.get(k), segments, i + 1, value) : node.get(k));
    }
    return copy;
  }

  /**
   * Evaluates Assign and applies it: every value is computed first, then all are set, so one
   * assignment never sees another of the same state.
   */
  static void assign(Template assign, EvalContext ctx, Variables into) {
    if (assign == null) {
      return;
    }
    JsonNode values = TemplateEvaluator.evaluate(assign, ctx, "Assign");
    List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
    values.fields().forEachRemaining(entries::add);
    for (Map.Entry<String, JsonNode> e : entries) {
      into.set(e.getKey(), e.getValue());
    }
  }
}
