package dev.statecraft.engine.core;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.List;

/** The branches of a running Parallel state, or the iterations of a running Map state. */
final class ChildGroup {
  /** Items (Map) to start; for Parallel, one null per branch. */
  final List<JsonNode> items;
  final JsonNode[] results;
  /** Children started and not finished; a set, since a Map may run thousands at once. */
  final Set<Frame> running = new LinkedHashSet<>();
  final int maxConcurrency;
  final int toleratedCount;
  final double toleratedPercentage;
  /** Index of the next child to start (children kept from before a redrive are skipped). */
  int started;
  /** Children that succeeded, by index. */
  final boolean[] done;
  int succeeded;
  int failed;
  /** The first failure, reported when the group fails. */
  String error;
  String cause;
  boolean finished;

  ChildGroup(List<JsonNode> items, int maxConcurrency, int toleratedCount,
      double toleratedPercentage) {
    this.items = items;
    this.results = new JsonNode[items.size()];
    this.done = new boolean[items.size()];
    this.maxConcurrency = maxConcurrency <= 0 ? Integer.MAX_VALUE : maxConcurrency;
    this.toleratedCount = toleratedCount;
    this.toleratedPercentage = toleratedPercentage;
  }

  int size() {
    return items.size();
  }

  /**
   * Whether this many failed children are still within the tolerated threshold. Without
   * ToleratedFailureCount/Percentage (negative here) no failure is tolerated.
   */
  boolean tolerates(int failures) {
    if (toleratedCount < 0 && toleratedPercentage < 0) {
      return failures == 0;
    }
    boolean exceeded = (toleratedCount >= 0 && failures > toleratedCount)
        || (toleratedPercentage >= 0 && failures * 100.0 / items.size() > toleratedPercentage);
    return !exceeded;
  }

  boolean hasThreshold() {
    return toleratedCount >= 0 || toleratedPercentage >= 0;
  }

  /**
   * Counts as succeeded the children a redrive keeps (non-null in {@code kept}): they are not
   * run again and their earlier outputs stand.
   */
  void keep(JsonNode[] kept) {
    if (kept == null || kept.length != items.size()) {
      return;
    }
    for (int i = 0; i < kept.length; i++) {
      if (kept[i] != null) {
        results[i] = kept[i];
        done[i] = true;
        succeeded++;
      }
    }
  }

  /** Whether a child is left to start; moves past the kept ones first. */
  boolean hasNext() {
    while (started < items.size() && done[started]) {
      started++;
    }
    return started < items.size();
  }

  /** The succeeded children's outputs, null for the others (see {@link Frame#succeededChildren}). */
  JsonNode[] succeededOutputs() {
    JsonNode[] out = new JsonNode[results.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = done[i] ? results[i] : null;
    }
    return out;
  }

  boolean allDone() {
    return succeeded + failed == items.size();
  }
}
