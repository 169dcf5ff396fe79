package dev.statecraft.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.statecraft.engine.core.Event;
import dev.statecraft.engine.core.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Stored input events rebuild executions: every field of every event must survive. */
class EventCodecTest {
  @Test
  void everyEventSurvivesTheRoundTrip() {
    List<Event> events = List.of(
        new Event.TaskStarted(3, 1_700_000_000_001L),
        new Event.TaskStarted(4, "worker-7", 1_700_000_000_002L),
        new Event.TaskStarted(5, null, Json.parse("{\"MessageId\":\"m-1\"}"), 1_700_000_000_003L),
        new Event.TaskSubmitted(12, Json.parse("{\"ExecutionArn\":\"a\"}"), 1_700_000_000_014L),
        new Event.TaskSucceeded(6, Json.parse("{\"a\":[1,2,{\"b\":null}]}"), 1_700_000_000_004L),
        new Event.TaskSucceeded(7, Json.parse("\"text\""), 1_700_000_000_005L),
        new Event.TaskFailed(8, "Custom.Error", "why", 1_700_000_000_006L),
        new Event.TaskFailed(9, null, null, 1_700_000_000_007L),
        new Event.TaskTimedOut(10, "States.Timeout", null, 1_700_000_000_008L),
        new Event.TimerFired(11, 1_700_000_000_009L),
        new Event.Stop("Err", "Cause", 1_700_000_000_010L),
        new Event.Continue(1_700_000_000_011L),
        new Event.Redrive(1_700_000_000_012L),
        new Event.ExecutionTimeout(1_700_000_000_013L));
    for (Event e : events) {
      assertThat(EventCodec.decode(EventCodec.encode(e))).as(e.toString()).isEqualTo(e);
    }
  }

  @Test
  void anUnknownStoredTypeIsRefusedByName() {
    assertThatThrownBy(() -> EventCodec.decode("{\"t\":\"Nope\",\"at\":1}"))
        .hasMessageContaining("Nope");
  }
}
