package dev.statecraft.asl.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statecraft.asl.expr.Template;
import java.util.List;

/**
 * A Map state: runs its item processor once per item; the result is the array of the iteration
 * outputs in item order.
 *
 * @param processor the ItemProcessor (or legacy Iterator) workflow
 * @param mode INLINE or DISTRIBUTED
 * @param executionType for DISTRIBUTED: STANDARD or EXPRESS child executions, else null
 * @param items ItemsPath (JSONPath) or Items (JSONata); null means the whole effective input
 * @param itemSelector ItemSelector (or legacy Parameters), or null
 * @param itemReader the ItemReader configuration as written, or null
 * @param itemBatcher the ItemBatcher, or null
 * @param resultWriter the ResultWriter configuration as written, or null
 * @param maxConcurrency MaxConcurrency(Path) (or JSONata), or null for no limit
 * @param toleratedFailureCount ToleratedFailureCount(Path), or null
 * @param toleratedFailurePercentage ToleratedFailurePercentage(Path), or null
 * @param label the Label, or null
 */
public record MapState(
    String name,
    String comment,
    QueryLanguage queryLanguage,
    Transition transition,
    DataFlow io,
    Workflow processor,
    ProcessorMode mode,
    String executionType,
    Template items,
    Template itemSelector,
    JsonNode itemReader,
    ItemBatcher itemBatcher,
    JsonNode resultWriter,
    Template maxConcurrency,
    Template toleratedFailureCount,
    Template toleratedFailurePercentage,
    String label,
    List<Retrier> retry,
    List<Catcher> catchers)
    implements State, Recoverable {

  public MapState {
    retry = List.copyOf(retry);
    catchers = List.copyOf(catchers);
  }

  /** ProcessorConfig.Mode. */
  public enum ProcessorMode {
    INLINE,
    DISTRIBUTED
  }

  /**
   * ItemBatcher: groups items into batches of {@code {"Items": [...], "BatchInput": ...}}.
   *
   * @param maxItemsPerBatch MaxItemsPerBatch(Path), or null
   * @param maxInputBytesPerBatch MaxInputBytesPerBatch(Path), or null
   * @param batchInput the BatchInput template, or null
   */
  public record ItemBatcher(
      Template maxItemsPerBatch, Template maxInputBytesPerBatch, Template batchInput) {}
}
