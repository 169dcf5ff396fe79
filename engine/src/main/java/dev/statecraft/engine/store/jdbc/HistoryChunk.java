package dev.statecraft.engine.store.jdbc;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.statecraft.engine.core.EventType;
import dev.statecraft.engine.core.HistoryEvent;
import dev.statecraft.engine.core.Json;
import dev.statecraft.engine.store.StoreException;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A run of consecutive history events stored as one row: a JSON array of
 * {@code {"id", "previousEventId", "timestamp", "type", "details"}} objects.
 *
 * <p>Why rows of many events: a step writes tens to thousands of events, and on H2 every row
 * costs two B-tree inserts (the hidden row id and the primary key) and its share of the pages
 * rewritten at commit. One row per step made the writer's share of a step several times
 * smaller; reads page through the events of the chunks they touch.
 *
 * @param firstId the id of the first event
 * @param lastId the id of the last event
 * @param json the events as a JSON array
 */
record HistoryChunk(long firstId, long lastId, String json) {
  /** Largest text per chunk: H2's VARCHAR holds at most 1,000,000 characters. */
  static final int MAX_CHARS = 256 * 1024;

  /** Splits a step's history into chunks of at most {@link #MAX_CHARS} (one event may exceed). */
  static List<HistoryChunk> of(List<HistoryEvent> history) {
    List<HistoryChunk> out = new ArrayList<>(1);
    StringWriter text = new StringWriter();
    long first = -1;
    long last = -1;
    try {
      JsonGenerator g = null;
      for (HistoryEvent h : history) {
        if (g == null) {
          text = new StringWriter();
          g = Json.MAPPER.getFactory().createGenerator(text);
          g.writeStartArray();
          first = h.id();
        }
        g.writeStartObject();
        g.writeNumberField("id", h.id());
        g.writeNumberField("previousEventId", h.previousEventId());
        g.writeNumberField("timestamp", h.timestampMillis());
        g.writeStringField("type", h.type().name());
        if (h.details() != null) {
          g.writeFieldName("details");
          Json.MAPPER.writeTree(g, h.details());
        }
        g.writeEndObject();
        last = h.id();
        g.flush();
        if (text.getBuffer().length() >= MAX_CHARS) {
          g.writeEndArray();
          g.close();
          out.add(new HistoryChunk(first, last, text.toString()));
          g = null;
        }
      }
      if (g != null) {
        g.writeEndArray();
        g.close();
        out.add(new HistoryChunk(first, last, text.toString()));
      }
    } catch (IOException e) {
      throw new StoreException("Cannot encode history", e);
    }
    return out;
  }

  /** The events of a stored chunk, oldest first. */
  static List<HistoryEvent> events(String json) {
    JsonNode array = Json.parse(json);
    List<HistoryEvent> out = new ArrayList<>(array.size());
    for (JsonNode e : array) {
      JsonNode details = e.get("details");
      out.add(new HistoryEvent(e.get("id").asLong(), e.get("previousEventId").asLong(),
          e.get("timestamp").asLong(), EventType.valueOf(e.get("type").asText()),
          details == null || details.isNull() ? null : details));
    }
    return out;
  }
}
