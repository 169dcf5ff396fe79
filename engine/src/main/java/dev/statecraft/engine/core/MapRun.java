package dev.statecraft.engine.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statecraft.asl.expr.Template;
import dev.statecraft.asl.model.ErrorNames;
import dev.statecraft.asl.model.MapState;
import dev.statecraft.asl.model.QueryLanguage;
import dev.statecraft.engine.core.jsonata.JsonataCauses;
import java.util.ArrayList;
import java.util.List;

/**
 * What a Map state iterates over: its items (after ItemsPath/Items and ItemBatcher), the
 * concurrency and the failure tolerance, all evaluated when the state starts.
 *
 * @param effectiveInput the Map's input after InputPath, which ItemSelector sees as {@code $}
 */
record MapRun(
    JsonNode effectiveInput,
    List<JsonNode> items,
    int maxConcurrency) {

  static MapRun prepare(MapState m, EvalContext ctx) {
    boolean jsonata = m.queryLanguage() == QueryLanguage.JSONATA;
    JsonNode effective = jsonata ? ctx.input
        : DataPipeline.select(m.io().inputPath(), ctx.input, ctx);
    EvalContext ec = ctx.withInput(effective);
    JsonNode items = m.items() == null ? effective
        : TemplateEvaluator.evaluate(m.items(), ec, jsonata ? "Items" : "ItemsPath");
    if (!items.isArray()) {
      if (m.items() instanceof Template.JsonataValue j) {
        throw JsonataCauses.unexpectedType(j.expr(), "Items", "array", items);
      }
      throw new StateFailure(jsonata ? ErrorNames.QUERY_EVALUATION_ERROR : ErrorNames.RUNTIME,
          "Map state input must be an array but was: " + Json.write(items));
    }
    List<JsonNode> list = new ArrayList<>(items.size());
    items.forEach(list::add);
    if (m.itemBatcher() != null) {
      list = batch(m, list, ec);
    }
    int max = (int) number(m.maxConcurrency(), ec, "MaxConcurrency", false, 0);
    return new MapRun(effective, list, max);
  }

  /** ToleratedFailureCount and ToleratedFailurePercentage; negative when not set. */
  record Tolerance(int count, double percentage) {}

  static Tolerance tolerance(MapState m, EvalContext ec) {
    int count = (int) number(m.toleratedFailureCount(), ec, "ToleratedFailureCount", false, -1);
    double pct = number(m.toleratedFailurePercentage(), ec, "ToleratedFailurePercentage", true,
        -1);
    if (m.toleratedFailurePercentage() != null && (pct < 0 || pct > 100)) {
      throw new StateFailure(ErrorNames.RUNTIME,
          "ToleratedFailurePercentage must be between 0 and 100.");
    }
    return new Tolerance(count, pct);
  }

  /**
   * A numeric Map field: a literal, a {@code ...Path} (whose value may also be a numeric
   * string, as AWS accepts) or a JSONata expression.
   */
  private static double number(Template t, EvalContext c, String field, boolean decimal,
      double absent) {
    if (t == null) {
      return absent;
    }
    JsonNode v = TemplateEvaluator.evaluate(t, c, field);
    Double d = null;
    if (v.isNumber()) {
      d = v.doubleValue();
    } else if (v.isTextual()) {
      try {
        d = Double.parseDouble(v.asText().trim());
      } catch (NumberFormatException e) {
        d = null;
      }
    }
    if (d == null || (!decimal && (d != Math.rint(d) || d < 0))) {
      String shown = v.isTextual() ? v.asText() : Json.write(v);
      String where = t instanceof Template.PathValue p ? p.path().text() : field;
      throw new StateFailure(ErrorNames.RUNTIME, "The " + field
          + (t instanceof Template.PathValue ? "Path" : "") + " field refers to value \""
          + shown + "\" which is not a valid " + (decimal ? "float" : "integer") + ": " + where);
    }
    return d;
  }

  private static int intField(Template t, EvalContext c, String field, int absent) {
    return (int) Math.min(Integer.MAX_VALUE, number(t, c, field, false, absent));
  }

  private static List<JsonNode> batch(MapState m, List<JsonNode> items, EvalContext c) {
    MapState.ItemBatcher b = m.itemBatcher();
    int maxItems = intField(b.maxItemsPerBatch(), c, "MaxItemsPerBatch", Integer.MAX_VALUE);
    int maxBytes = intField(b.maxInputBytesPerBatch(), c, "MaxInputBytesPerBatch",
        Integer.MAX_VALUE);
    JsonNode batchInput = b.batchInput() == null ? null
        : TemplateEvaluator.evaluate(b.batchInput(), c, "BatchInput");
    List<JsonNode> batches = new ArrayList<>();
    ArrayNode current = null;
    int bytes = 0;
    for (JsonNode item : items) {
      int size = Json.write(item).length();
      if (current == null || current.size() >= Math.max(1, maxItems)
          || (bytes + size > maxBytes && current.size() > 0)) {
        current = Json.NODES.arrayNode();
        bytes = 0;
        ObjectNode batch = Json.object();
        if (batchInput != null) {
          batch.set("BatchInput", batchInput);
        }
        batch.set("Items", current);
        batches.add(batch);
      }
      current.add(item);
      bytes += size;
    }
    return batches;
  }

  /** The input of iteration {@code index}: the item, or ItemSelector evaluated for it. */
  static JsonNode iterationInput(MapState m, EvalContext mapCtx, JsonNode effectiveInput,
      int index, JsonNode item) {
    if (m.itemSelector() == null) {
      return item;
    }
    EvalContext c = mapCtx.withInput(effectiveInput);
    c.mapItemIndex = index;
    c.mapItemValue = item;
    return TemplateEvaluator.evaluate(m.itemSelector(), c, "ItemSelector");
  }
}
