package dev.statecraft.engine.store.jdbc;

import dev.statecraft.engine.store.ConcurrentCommitException;
import dev.statecraft.engine.store.ExecutionRecord;
import dev.statecraft.engine.store.StepCommit;
import dev.statecraft.engine.store.TaskRecord;
import dev.statecraft.engine.store.TimerRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the steps of several executions with one JDBC batch per statement: the execution rows
 * (inserted for a start, updated under the optimistic check otherwise), then the input events,
 * history, timers and tasks of every step that passed its check. Statements stay prepared for
 * the life of the connection. The caller owns the transaction.
 *
 * <p>Steps given to one {@link #write} call must belong to different executions: rows of
 * different executions never share a key, so batching them per table cannot reorder anything
 * that matters.
 */
final class StepBatch implements AutoCloseable {
  static final String COLUMNS = "arn, state_machine_arn, state_machine_name,"
      + " state_machine_version, name, role_arn, status, input, output, error, cause,"
      + " start_millis, stop_millis, seed, redrive_count, input_events, history_events";

  private static final String INSERT_EXECUTION = "INSERT INTO execution (" + COLUMNS
      + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String UPDATE_EXECUTION = "UPDATE execution SET status = ?, output = ?,"
      + " error = ?, cause = ?, stop_millis = ?, input_events = ?, history_events = ?,"
      + " redrive_count = ? WHERE arn = ? AND input_events = ?";
  private static final String INSERT_INPUT =
      "INSERT INTO input_event (execution_arn, seq, body) VALUES (?, ?, ?)";
  private static final String INSERT_HISTORY = "INSERT INTO history_chunk"
      + " (execution_arn, first_id, last_id, events) VALUES (?, ?, ?, ?)";
  private static final String DELETE_TIMER =
      "DELETE FROM timer WHERE execution_arn = ? AND kind = ? AND timer_id = ?";
  private static final String INSERT_TIMER = "INSERT INTO timer"
      + " (execution_arn, timer_id, kind, due_millis) VALUES (?, ?, ?, ?)";
  private static final String DELETE_TASK =
      "DELETE FROM task WHERE execution_arn = ? AND task_id = ?";
  private static final String INSERT_TASK = "INSERT INTO task (execution_arn, task_id,"
      + " token, state_name, resource, input, timeout_seconds, heartbeat_seconds,"
      + " credentials, started) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String START_TASK =
      "UPDATE task SET started = TRUE WHERE execution_arn = ? AND task_id = ?";
  private static final String DELETE_TIMERS = "DELETE FROM timer WHERE execution_arn = ?";
  private static final String DELETE_TASKS = "DELETE FROM task WHERE execution_arn = ?";

  /**
   * One step to write: a start ({@code create}) or a later step, with its history already
   * turned into JSON chunks (by the thread that submitted it, not the writer).
   */
  record Item(StepCommit step, boolean create, List<HistoryChunk> history) {
    static Item of(StepCommit step, boolean create) {
      return new Item(step, create, HistoryChunk.of(step.history()));
    }

    String arn() {
      return step.execution().arn();
    }
  }

  private final Connection connection;
  private final Map<String, PreparedStatement> prepared = new HashMap<>();

  StepBatch(Connection connection) {
    this.connection = connection;
  }

  Connection connection() {
    return connection;
  }

  /**
   * Writes the items (distinct executions) and returns, per item, null when it was written or
   * the reason it was refused (a stale optimistic check). Other SQL errors propagate: the
   * caller rolls back.
   */
  RuntimeException[] write(List<Item> items) throws SQLException {
    RuntimeException[] refused = new RuntimeException[items.size()];
    insertExecutions(items);
    updateExecutions(items, refused);
    List<Item> accepted = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      if (refused[i] == null) {
        accepted.add(items.get(i));
      }
    }
    writeRows(accepted);
    return refused;
  }

  private void insertExecutions(List<Item> items) throws SQLException {
    PreparedStatement p = null;
    for (Item item : items) {
      if (!item.create()) {
        continue;
      }
      p = p == null ? statement(INSERT_EXECUTION) : p;
      ExecutionRecord e = item.step().execution();
      p.setString(1, e.arn());
      p.setString(2, e.stateMachineArn());
      p.setString(3, e.stateMachineName());
      p.setInt(4, e.stateMachineVersion());
      p.setString(5, e.name());
      p.setString(6, e.roleArn());
      p.setString(7, e.status().name());
      p.setString(8, e.input());
      p.setString(9, e.output());
      p.setString(10, e.error());
      p.setString(11, e.cause());
      p.setLong(12, e.startMillis());
      p.setLong(13, e.stopMillis());
      p.setLong(14, e.seed());
      p.setInt(15, e.redriveCount());
      p.setInt(16, e.inputEvents());
      p.setLong(17, e.historyEvents());
      p.addBatch();
    }
    if (p != null) {
      p.executeBatch();
    }
  }

  /** The optimistic check: a step applies only to the row version it was computed on. */
  private void updateExecutions(List<Item> items, RuntimeException[] refused)
      throws SQLException {
    PreparedStatement p = null;
    List<Integer> batched = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      Item item = items.get(i);
      if (item.create()) {
        continue;
      }
      p = p == null ? statement(UPDATE_EXECUTION) : p;
      ExecutionRecord e = item.step().execution();
      p.setString(1, e.status().name());
      p.setString(2, e.output());
      p.setString(3, e.error());
      p.setString(4, e.cause());
      p.setLong(5, e.stopMillis());
      p.setInt(6, e.inputEvents());
      p.setLong(7, e.historyEvents());
      p.setInt(8, e.redriveCount());
      p.setString(9, e.arn());
      p.setInt(10, item.step().expectedInputEvents());
      p.addBatch();
      batched.add(i);
    }
    if (p == null) {
      return;
    }
    int[] counts = p.executeBatch();
    for (int k = 0; k < counts.length; k++) {
      if (counts[k] != 1) {
        Item item = items.get(batched.get(k));
        refused[batched.get(k)] = new ConcurrentCommitException("Execution " + item.arn()
            + " is not at input event " + item.step().expectedInputEvents());
      }
    }
  }

  private void writeRows(List<Item> items) throws SQLException {
    Batch input = new Batch(INSERT_INPUT);
    Batch history = new Batch(INSERT_HISTORY);
    Batch timersOut = new Batch(DELETE_TIMER);
    Batch timersIn = new Batch(INSERT_TIMER);
    Batch tasksOut = new Batch(DELETE_TASK);
    Batch tasksIn = new Batch(INSERT_TASK);
    Batch tasksStarted = new Batch(START_TASK);
    Batch endTimers = new Batch(DELETE_TIMERS);
    Batch endTasks = new Batch(DELETE_TASKS);
    for (Item item : items) {
      StepCommit step = item.step();
      String arn = item.arn();
      if (step.inputEvent() != null) {
        PreparedStatement p = input.row();
        p.setString(1, arn);
        p.setInt(2, step.execution().inputEvents());
        p.setString(3, step.inputEvent());
      }
      for (HistoryChunk h : item.history()) {
        PreparedStatement p = history.row();
        p.setString(1, arn);
        p.setLong(2, h.firstId());
        p.setLong(3, h.lastId());
        p.setString(4, h.json());
      }
      for (TimerRecord t : step.timersRemoved()) {
        PreparedStatement p = timersOut.row();
        p.setString(1, arn);
        p.setString(2, t.kind().name());
        p.setLong(3, t.timerId());
      }
      for (TimerRecord t : step.timersAdded()) {
        PreparedStatement p = timersIn.row();
        p.setString(1, arn);
        p.setLong(2, t.timerId());
        p.setString(3, t.kind().name());
        p.setLong(4, t.dueMillis());
      }
      for (Long id : step.tasksRemoved()) {
        PreparedStatement p = tasksOut.row();
        p.setString(1, arn);
        p.setLong(2, id);
      }
      for (TaskRecord t : step.tasksAdded()) {
        PreparedStatement p = tasksIn.row();
        p.setString(1, arn);
        p.setLong(2, t.taskId());
        p.setString(3, t.token());
        p.setString(4, t.stateName());
        p.setString(5, t.resource());
        p.setString(6, t.input());
        setLong(p, 7, t.timeoutSeconds());
        setLong(p, 8, t.heartbeatSeconds());
        p.setString(9, t.credentials());
        p.setBoolean(10, t.started());
      }
      for (Long id : step.tasksStarted()) {
        PreparedStatement p = tasksStarted.row();
        p.setString(1, arn);
        p.setLong(2, id);
      }
      // A start that ends at once never had timers or tasks: skip two useless deletes.
      if (step.execution().status().isTerminal() && !item.create()) {
        endTimers.row().setString(1, arn);
        endTasks.row().setString(1, arn);
      }
    }
    // Per step the order is the one a single step needs: removals before additions, and an
    // ending step's sweep of its timers and tasks last.
    for (Batch b : List.of(input, history, timersOut, timersIn, tasksOut, tasksIn,
        tasksStarted, endTimers, endTasks)) {
      b.execute();
    }
  }

  /** Rows for one statement, prepared on first use. */
  private final class Batch {
    private final String sql;
    private PreparedStatement statement;

    Batch(String sql) {
      this.sql = sql;
    }

    /** The statement, ready for the next row's parameters (the previous row is batched). */
    PreparedStatement row() throws SQLException {
      if (statement == null) {
        statement = statement(sql);
      } else {
        statement.addBatch();
      }
      return statement;
    }

    void execute() throws SQLException {
      if (statement != null) {
        statement.addBatch();
        statement.executeBatch();
      }
    }
  }

  private PreparedStatement statement(String sql) throws SQLException {
    PreparedStatement p = prepared.get(sql);
    if (p == null) {
      p = connection.prepareStatement(sql);
      prepared.put(sql, p);
    }
    return p;
  }

  private static void setLong(PreparedStatement p, int i, Long v) throws SQLException {
    if (v == null) {
      p.setNull(i, Types.BIGINT);
    } else {
      p.setLong(i, v);
    }
  }

  /** Closes the prepared statements (the connection belongs to the caller). */
  @Override
  public void close() {
    for (PreparedStatement p : prepared.values()) {
      try {
        p.close();
      } catch (SQLException e) {
        // Closing after a failure: nothing left to save.
      }
    }
    prepared.clear();
  }
}
