package dev.statecraft.engine.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.engine.core.EventType;
import dev.statecraft.engine.core.HistoryEvent;
import dev.statecraft.engine.core.Json;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryChunkTest {
  @Test
  void largeHistorySplitsIntoContiguousChunksThatDecodeBack() {
    List<HistoryEvent> history = new ArrayList<>();
    String big = "x".repeat(10_000);
    for (long id = 1; id <= 100; id++) {
      history.add(new HistoryEvent(id, id - 1, 1000 + id, EventType.PassStateEntered,
          id % 2 == 0 ? null : Json.object().put("name", big)));
    }
    List<HistoryChunk> chunks = HistoryChunk.of(history);
    assertThat(chunks).hasSizeGreaterThan(1);
    List<HistoryEvent> back = new ArrayList<>();
    long next = 1;
    for (HistoryChunk c : chunks) {
      assertThat(c.firstId()).isEqualTo(next);
      assertThat(c.json().length()).isLessThan(HistoryChunk.MAX_CHARS + 20_000);
      List<HistoryEvent> events = HistoryChunk.events(c.json());
      assertThat(events.get(events.size() - 1).id()).isEqualTo(c.lastId());
      back.addAll(events);
      next = c.lastId() + 1;
    }
    assertThat(back).isEqualTo(history);
  }

  @Test
  void emptyHistoryHasNoChunks() {
    assertThat(HistoryChunk.of(List.of())).isEmpty();
  }
}
