package dev.statecraft.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statecraft.engine.core.HistoryEvent;
import dev.statecraft.engine.core.Json;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A history event as the AWS CLI prints GetExecutionHistory: {@code timestamp}, {@code type},
 * {@code id}, {@code previousEventId} and the type's details field.
 */
final class HistoryEventJson {
  /**
   * The AWS CLI's rendering of timestamps ({@code 2024-01-01T00:00:00.000000+00:00}), in UTC and
   * always with six fraction digits so that every event has the same shape.
   */
  static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSxxx").withZone(ZoneOffset.UTC);

  private HistoryEventJson() {}

  static ObjectNode render(HistoryEvent event) {
    ObjectNode node = Json.object();
    node.put("timestamp", TIMESTAMP.format(Instant.ofEpochMilli(event.timestampMillis())));
    node.put("type", event.type().name());
    node.put("id", event.id());
    node.put("previousEventId", event.previousEventId());
    String field = event.type().detailsField();
    if (field != null && event.details() != null) {
      node.set(field, event.details());
    }
    return node;
  }
}
