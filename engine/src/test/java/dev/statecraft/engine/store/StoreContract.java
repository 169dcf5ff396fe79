package dev.statecraft.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.statecraft.engine.core.EventType;
import dev.statecraft.engine.core.ExecutionStatus;
import dev.statecraft.engine.core.HistoryEvent;
import dev.statecraft.engine.core.Json;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link Store} implementation passes. Subclass it and return a fresh, empty
 * store from {@link #openStore()}.
 */
public abstract class StoreContract {
  private static final String SM = "arn:aws:states:us-east-1:123456789012:stateMachine:m";
  protected Store store;

  protected abstract Store openStore();

  @BeforeEach
  void open() {
    store = openStore();
  }

  @AfterEach
  void close() {
    store.close();
  }

  private static StateMachineRecord machine(int version, String definition) {
    return new StateMachineRecord(SM, "m", StateMachineType.STANDARD, version, definition,
        "arn:aws:iam::123456789012:role/r", 1000, 1000 + version);
  }

  private static ExecutionRecord execution(String name) {
    return new ExecutionRecord(SM.replace("stateMachine", "execution") + ":" + name, SM, "m", 1,
        name, "role", ExecutionStatus.RUNNING, "{\"a\":1}", null, null, null, 5000, 0, 42, 0, 0,
        1);
  }

  private static List<HistoryEvent> events(long from, int count) {
    List<HistoryEvent> out = new ArrayList<>();
    for (long id = from; id < from + count; id++) {
      out.add(new HistoryEvent(id, id - 1, 5000 + id, EventType.PassStateEntered,
          Json.object().put("name", "S" + id)));
    }
    return out;
  }

  private static StepCommit first(ExecutionRecord e, List<TimerRecord> timers,
      List<TaskRecord> tasks) {
    return new StepCommit(e, 0, null, events(1, 1), timers, List.of(), tasks, List.of(),
        List.of());
  }

  // ---- state machines -----------------------------------------------------------------------

  @Test
  void stateMachineVersionsAreKeptAndLatestIsFound() {
    store.stateMachines().create(machine(1, "{v1}"));
    assertThat(store.stateMachines().addVersion(machine(2, "{v2}"))).isTrue();
    assertThat(store.stateMachines().addVersion(machine(2, "{again}"))).isFalse();
    assertThat(store.stateMachines().find(SM).orElseThrow().definition()).isEqualTo("{v2}");
    assertThat(store.stateMachines().find(SM, 1).orElseThrow().definition()).isEqualTo("{v1}");
    assertThatThrownBy(() -> store.stateMachines().create(machine(1, "{x}")))
        .isInstanceOf(DuplicateKeyException.class);
  }

  @Test
  void deletedStateMachineKeepsItsVersionsForRunningExecutions() {
    store.stateMachines().create(machine(1, "{v1}"));
    assertThat(store.stateMachines().delete(SM)).isTrue();
    assertThat(store.stateMachines().find(SM)).isEmpty();
    assertThat(store.stateMachines().find(SM, 1)).isPresent();
    store.stateMachines().create(machine(1, "{new}"));
    assertThat(store.stateMachines().find(SM).orElseThrow().definition()).isEqualTo("{new}");
  }

  @Test
  void stateMachinesArePaged() {
    for (int i = 0; i < 5; i++) {
      store.stateMachines().create(new StateMachineRecord(SM + i, "m" + i,
          StateMachineType.EXPRESS, 1, "{}", null, 1, 1));
    }
    Page<StateMachineRecord> p1 = store.stateMachines().list(null, 3);
    Page<StateMachineRecord> p2 = store.stateMachines().list(p1.nextToken(), 3);
    assertThat(p1.items()).extracting(StateMachineRecord::name).containsExactly("m0", "m1", "m2");
    assertThat(p2.items()).extracting(StateMachineRecord::name).containsExactly("m3", "m4");
    assertThat(p2.nextToken()).isNull();
  }

  // ---- executions ---------------------------------------------------------------------------

  @Test
  void createRejectsADuplicateName() {
    ExecutionRecord e = execution("x");
    store.executions().create(first(e, List.of(), List.of()));
    assertThatThrownBy(() -> store.executions().create(first(e, List.of(), List.of())))
        .isInstanceOf(DuplicateKeyException.class);
    assertThat(store.executions().findByName(SM, "x")).contains(e);
  }

  @Test
  void aStepIsCommittedWholeAndChecksTheInputEventCount() {
    ExecutionRecord e = execution("x");
    TimerRecord timer = new TimerRecord(e.arn(), 3, TimerKind.STATE, 9000);
    TaskRecord task = new TaskRecord(e.arn(), 4, "tok", "T", "arn:r", "{}", 10L, null, null,
        false);
    store.executions().create(first(e, List.of(timer), List.of(task)));
    ExecutionRecord next = e.advance(ExecutionStatus.RUNNING, null, null, null, 0, 1, 3);
    store.executions().commit(new StepCommit(next, 0, "{\"t\":\"TimerFired\"}", events(2, 2),
        List.of(), List.of(timer), List.of(), List.of(), List.of(4L)));
    assertThat(store.executions().find(e.arn())).contains(next);
    assertThat(store.executions().inputEvents(e.arn())).containsExactly("{\"t\":\"TimerFired\"}");
    assertThat(store.executions().dueTimers(Long.MAX_VALUE, 10)).isEmpty();
    assertThat(store.executions().tasks(e.arn())).singleElement()
        .satisfies(t -> assertThat(t.started()).isTrue());
    assertThat(store.executions().taskByToken("tok")).isPresent();

    // A stale writer fails, and nothing of its step is written.
    assertThatThrownBy(() -> store.executions().commit(new StepCommit(next, 0, "{}",
        events(4, 1), List.of(), List.of(), List.of(), List.of(), List.of())))
        .isInstanceOf(ConcurrentCommitException.class);
    assertThat(store.executions().history(e.arn(), null, 100, false).items()).hasSize(3);
    assertThat(store.executions().inputEvents(e.arn())).hasSize(1);
  }

  @Test
  void aFailingStepLeavesNoTrace() {
    ExecutionRecord e = execution("x");
    store.executions().create(first(e, List.of(), List.of()));
    ExecutionRecord next = e.advance(ExecutionStatus.RUNNING, null, null, null, 0, 1, 2);
    // History id 1 already exists: the batch fails, and the summary update rolls back with it.
    assertThatThrownBy(() -> store.executions().commit(new StepCommit(next, 0, "{}",
        events(1, 1), List.of(), List.of(), List.of(), List.of(), List.of())))
        .isInstanceOf(StoreException.class);
    assertThat(store.executions().find(e.arn())).contains(e);
    assertThat(store.executions().inputEvents(e.arn())).isEmpty();
  }

  @Test
  void aTerminalStepRemovesTimersAndTasks() {
    ExecutionRecord e = execution("x");
    store.executions().create(first(e,
        List.of(new TimerRecord(e.arn(), 1, TimerKind.STATE, 10)),
        List.of(new TaskRecord(e.arn(), 2, null, "T", "r", "{}", null, null, null, false))));
    ExecutionRecord done = e.advance(ExecutionStatus.SUCCEEDED, "{}", null, null, 7000, 1, 1);
    store.executions().commit(new StepCommit(done, 0, "{}", List.of(), List.of(), List.of(),
        List.of(), List.of(), List.of()));
    assertThat(store.executions().tasks(e.arn())).isEmpty();
    assertThat(store.executions().nextTimerDue()).isEmpty();
    assertThat(store.executions().running()).isEmpty();
  }

  @Test
  void testCaseBindingsAreKeptUntilRemoved() {
    ExecutionRecord a = execution("a");
    ExecutionRecord b = execution("b");
    store.executions().create(first(a, List.of(), List.of()));
    store.executions().create(first(b, List.of(), List.of()));
    store.executions().saveTestCase(new TestCaseRecord(a.arn(), "m", "HappyPath"));
    store.executions().saveTestCase(new TestCaseRecord(b.arn(), "m", "Other"));
    store.executions().saveTestCase(new TestCaseRecord(b.arn(), "m", "SadPath")); // replaces
    assertThat(store.executions().testCases()).containsExactlyInAnyOrder(
        new TestCaseRecord(a.arn(), "m", "HappyPath"), new TestCaseRecord(b.arn(), "m", "SadPath"));
    store.executions().removeTestCase(a.arn());
    store.executions().removeTestCase(a.arn()); // no effect the second time
    store.executions().delete(b.arn()); // deleting an execution drops its binding
    assertThat(store.executions().testCases()).isEmpty();
  }

  /**
   * What a restart after a crash does to the writer: starts of names that exist already (each
   * refused), new starts and the ending steps of other executions, all at once, so that groups
   * mix them and fall back to writing one step at a time. Whatever the grouping, every started
   * execution has its rows once, and once all have ended no timer or task is left.
   */
  @Test
  void mixedDuplicateStartsNewStartsAndEndsLeaveNothingBehind() throws Exception {
    int existing = 60;
    int fresh = 60;
    for (int i = 0; i < existing; i++) {
      ExecutionRecord e = execution("old" + i);
      store.executions().create(first(e, List.of(new TimerRecord(e.arn(), 0,
          TimerKind.MAX_DURATION, 9_000_000), new TimerRecord(e.arn(), 3, TimerKind.STATE, 7000)),
          List.of(new TaskRecord(e.arn(), 2, null, "T", "r", "{}", null, null, null, false))));
    }
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors
        .newFixedThreadPool(8);
    java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic
        .AtomicInteger();
    List<java.util.concurrent.Future<?>> work = new ArrayList<>();
    for (int i = 0; i < existing; i++) {
      ExecutionRecord e = execution("old" + i);
      work.add(pool.submit(() -> { // the restarted worker starts every name again
        try {
          store.executions().create(first(e, List.of(new TimerRecord(e.arn(), 0,
              TimerKind.MAX_DURATION, 9_000_000)), List.of()));
        } catch (DuplicateKeyException expected) {
          refused.incrementAndGet();
        }
      }));
      work.add(pool.submit(() -> store.executions().commit(new StepCommit(
          e.advance(ExecutionStatus.SUCCEEDED, "{}", null, null, 8000, 1, 2), 0, "{}",
          events(2, 1), List.of(), List.of(), List.of(), List.of(2L), List.of()))));
    }
    for (int i = 0; i < fresh; i++) {
      ExecutionRecord e = execution("new" + i);
      work.add(pool.submit(() -> {
        store.executions().create(first(e, List.of(new TimerRecord(e.arn(), 0,
            TimerKind.MAX_DURATION, 9_000_000)), List.of(new TaskRecord(e.arn(), 2, null, "T",
            "r", "{}", null, null, null, false))));
        store.executions().commit(new StepCommit(
            e.advance(ExecutionStatus.SUCCEEDED, "{}", null, null, 8000, 1, 2), 0, "{}",
            events(2, 1), List.of(), List.of(), List.of(), List.of(2L), List.of()));
      }));
    }
    for (java.util.concurrent.Future<?> f : work) {
      f.get(60, java.util.concurrent.TimeUnit.SECONDS);
    }
    pool.shutdown();
    assertThat(refused.get()).isEqualTo(existing);
    assertThat(store.executions().nextTimerDue()).isEmpty();
    assertThat(store.executions().running()).isEmpty();
    for (int i = 0; i < existing; i++) {
      ExecutionRecord e = execution("old" + i);
      assertThat(store.executions().find(e.arn()).orElseThrow().status())
          .isEqualTo(ExecutionStatus.SUCCEEDED);
      assertThat(store.executions().tasks(e.arn())).isEmpty();
      assertThat(store.executions().history(e.arn(), null, 10, false).items()).hasSize(2);
    }
    for (int i = 0; i < fresh; i++) {
      ExecutionRecord e = execution("new" + i);
      assertThat(store.executions().tasks(e.arn())).isEmpty();
      assertThat(store.executions().inputEvents(e.arn())).hasSize(1);
    }
  }

  @Test
  void timersComeDueInOrder() {
    ExecutionRecord a = execution("a");
    ExecutionRecord b = execution("b");
    store.executions().create(first(a, List.of(new TimerRecord(a.arn(), 1, TimerKind.STATE, 300),
        new TimerRecord(a.arn(), 1, TimerKind.TASK_TIMEOUT, 100)), List.of()));
    store.executions().create(first(b, List.of(new TimerRecord(b.arn(), 1, TimerKind.STATE, 200)),
        List.of()));
    assertThat(store.executions().nextTimerDue()).hasValue(100);
    assertThat(store.executions().dueTimers(250, 10)).extracting(TimerRecord::dueMillis)
        .containsExactly(100L, 200L);
    assertThat(store.executions().running()).containsExactlyInAnyOrder(a.arn(), b.arn());

    // Removing one timer leaves the others (same execution and id, other kind) alone.
    store.executions().removeTimer(new TimerRecord(a.arn(), 1, TimerKind.TASK_TIMEOUT, 0));
    assertThat(store.executions().dueTimers(1000, 10)).extracting(TimerRecord::dueMillis)
        .containsExactly(200L, 300L);
    store.executions().removeTimer(new TimerRecord(a.arn(), 1, TimerKind.TASK_TIMEOUT, 0));
    assertThat(store.executions().nextTimerDue()).hasValue(200);
  }

  @Test
  void historyPagesForwardAndBackward() {
    ExecutionRecord e = execution("x");
    store.executions().create(new StepCommit(e.advance(ExecutionStatus.RUNNING, null, null, null,
        0, 0, 7), 0, null, events(1, 7), List.of(), List.of(), List.of(), List.of(), List.of()));
    Page<HistoryEvent> p1 = store.executions().history(e.arn(), null, 3, false);
    Page<HistoryEvent> p2 = store.executions().history(e.arn(), p1.nextToken(), 3, false);
    Page<HistoryEvent> p3 = store.executions().history(e.arn(), p2.nextToken(), 3, false);
    assertThat(p1.items()).extracting(HistoryEvent::id).containsExactly(1L, 2L, 3L);
    assertThat(p2.items()).extracting(HistoryEvent::id).containsExactly(4L, 5L, 6L);
    assertThat(p3.items()).extracting(HistoryEvent::id).containsExactly(7L);
    assertThat(p3.nextToken()).isNull();
    Page<HistoryEvent> r1 = store.executions().history(e.arn(), null, 4, true);
    Page<HistoryEvent> r2 = store.executions().history(e.arn(), r1.nextToken(), 4, true);
    assertThat(r1.items()).extracting(HistoryEvent::id).containsExactly(7L, 6L, 5L, 4L);
    assertThat(r2.items()).extracting(HistoryEvent::id).containsExactly(3L, 2L, 1L);
    assertThat(r1.items().get(0).details().get("name").asText()).isEqualTo("S7");
    assertThat(r1.items().get(0).type()).isEqualTo(EventType.PassStateEntered);
  }

  @Test
  void historyPagesAcrossSteps() {
    // Steps of 3, 1 and 5 events: pages must cross the boundaries between steps both ways.
    ExecutionRecord e = execution("steps");
    store.executions().create(new StepCommit(e.advance(ExecutionStatus.RUNNING, null, null, null,
        0, 0, 3), 0, null, events(1, 3), List.of(), List.of(), List.of(), List.of(), List.of()));
    store.executions().commit(new StepCommit(e.advance(ExecutionStatus.RUNNING, null, null,
        null, 0, 1, 4), 0, "{}", events(4, 1), List.of(), List.of(), List.of(), List.of(),
        List.of()));
    store.executions().commit(new StepCommit(e.advance(ExecutionStatus.RUNNING, null, null,
        null, 0, 2, 9), 1, "{}", events(5, 5), List.of(), List.of(), List.of(), List.of(),
        List.of()));
    List<Long> forward = new java.util.ArrayList<>();
    String token = null;
    do {
      Page<HistoryEvent> p = store.executions().history(e.arn(), token, 2, false);
      assertThat(p.items()).hasSizeLessThanOrEqualTo(2);
      p.items().forEach(h -> forward.add(h.id()));
      token = p.nextToken();
    } while (token != null);
    assertThat(forward).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
    List<Long> backward = new java.util.ArrayList<>();
    token = null;
    do {
      Page<HistoryEvent> p = store.executions().history(e.arn(), token, 4, true);
      p.items().forEach(h -> backward.add(h.id()));
      token = p.nextToken();
    } while (token != null);
    assertThat(backward).containsExactly(9L, 8L, 7L, 6L, 5L, 4L, 3L, 2L, 1L);
    assertThat(store.executions().history(e.arn(), "4", 100, false).items())
        .extracting(HistoryEvent::id).containsExactly(5L, 6L, 7L, 8L, 9L);
  }

  @Test
  void executionsListNewestFirstWithStatusFilter() {
    for (int i = 0; i < 4; i++) {
      ExecutionRecord e = new ExecutionRecord(SM + ":e" + i, SM, "m", 1, "e" + i, null,
          i % 2 == 0 ? ExecutionStatus.RUNNING : ExecutionStatus.SUCCEEDED, "{}", null, null,
          null, 1000 + i, 0, 0, 0, 0, 0);
      store.executions().create(new StepCommit(e, 0, null, List.of(), List.of(), List.of(),
          List.of(), List.of(), List.of()));
    }
    assertThat(store.executions().list(SM, null, null, 10).items())
        .extracting(ExecutionRecord::name).containsExactly("e3", "e2", "e1", "e0");
    Page<ExecutionRecord> running = store.executions().list(SM, ExecutionStatus.RUNNING, null, 1);
    assertThat(running.items()).extracting(ExecutionRecord::name).containsExactly("e2");
    assertThat(store.executions().list(SM, ExecutionStatus.RUNNING, running.nextToken(), 1)
        .items()).extracting(ExecutionRecord::name).containsExactly("e0");
  }

  @Test
  void deleteRemovesAnExecutionAndWhatItOwns() {
    ExecutionRecord e = execution("x");
    store.executions().create(first(e, List.of(new TimerRecord(e.arn(), 1, TimerKind.STATE, 1)),
        List.of()));
    store.executions().delete(e.arn());
    assertThat(store.executions().find(e.arn())).isEmpty();
    assertThat(store.executions().history(e.arn(), null, 10, false).items()).isEmpty();
    assertThat(store.executions().nextTimerDue()).isEmpty();
  }

  // ---- activities ---------------------------------------------------------------------------

  @Test
  void activitiesAreCreatedListedAndDeleted() {
    ActivityRecord a = new ActivityRecord("arn:aws:states:us-east-1:1:activity:a", "a", 1);
    store.activities().create(a);
    assertThatThrownBy(() -> store.activities().create(a))
        .isInstanceOf(DuplicateKeyException.class);
    assertThat(store.activities().find(a.arn())).contains(a);
    assertThat(store.activities().list(null, 10).items()).containsExactly(a);
    assertThat(store.activities().delete(a.arn())).isTrue();
    assertThat(store.activities().find(a.arn())).isEmpty();
  }
}
