package dev.statecraft.engine.store.jdbc;

import dev.statecraft.engine.core.EventType;
import dev.statecraft.engine.core.ExecutionStatus;
import dev.statecraft.engine.core.HistoryEvent;
import dev.statecraft.engine.core.Json;
import dev.statecraft.engine.store.ConcurrentCommitException;
import dev.statecraft.engine.store.ExecutionRecord;
import dev.statecraft.engine.store.ExecutionStore;
import dev.statecraft.engine.store.Page;
import dev.statecraft.engine.store.StepCommit;
import dev.statecraft.engine.store.StoreException;
import dev.statecraft.engine.store.TaskRecord;
import dev.statecraft.engine.store.TimerKind;
import dev.statecraft.engine.store.TimerRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Executions over JDBC: each step's rows go in one transaction, in JDBC batches. */
final class JdbcExecutionStore implements ExecutionStore {
  private static final String COLUMNS = "arn, state_machine_arn, state_machine_name,"
      + " state_machine_version, name, role_arn, status, input, output, error, cause,"
      + " start_millis, stop_millis, seed, redrive_count, input_events, history_events";

  private final Transactions tx;

  JdbcExecutionStore(Transactions tx) {
    this.tx = tx;
  }

  // ---- writes -------------------------------------------------------------------------------

  @Override
  public void create(StepCommit first) {
    tx.write("start execution", c -> {
      ExecutionRecord e = first.execution();
      try (PreparedStatement p = c.prepareStatement("INSERT INTO execution (" + COLUMNS
          + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
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
        p.executeUpdate();
      }
      writeRows(c, first);
      return null;
    });
  }

  @Override
  public void commit(StepCommit step) {
    tx.write("commit step", c -> {
      ExecutionRecord e = step.execution();
      try (PreparedStatement p = c.prepareStatement("UPDATE execution SET status = ?, output = ?,"
          + " error = ?, cause = ?, stop_millis = ?, input_events = ?, history_events = ?,"
          + " redrive_count = ? WHERE arn = ? AND input_events = ?")) {
        p.setString(1, e.status().name());
        p.setString(2, e.output());
        p.setString(3, e.error());
        p.setString(4, e.cause());
        p.setLong(5, e.stopMillis());
        p.setInt(6, e.inputEvents());
        p.setLong(7, e.historyEvents());
        p.setInt(8, e.redriveCount());
        p.setString(9, e.arn());
        p.setInt(10, step.expectedInputEvents());
        if (p.executeUpdate() != 1) {
          throw new ConcurrentCommitException("Execution " + e.arn()
              + " is not at input event " + step.expectedInputEvents());
        }
      }
      writeRows(c, step);
      return null;
    });
  }

  private static void writeRows(Connection c, StepCommit step) throws SQLException {
    String arn = step.execution().arn();
    if (step.inputEvent() != null) {
      try (PreparedStatement p = c.prepareStatement(
          "INSERT INTO input_event (execution_arn, seq, body) VALUES (?, ?, ?)")) {
        p.setString(1, arn);
        p.setInt(2, step.execution().inputEvents());
        p.setString(3, step.inputEvent());
        p.executeUpdate();
      }
    }
    if (!step.history().isEmpty()) {
      try (PreparedStatement p = c.prepareStatement("INSERT INTO history_event"
          + " (execution_arn, id, previous_id, ts_millis, event_type, details)"
          + " VALUES (?, ?, ?, ?, ?, ?)")) {
        for (HistoryEvent h : step.history()) {
          p.setString(1, arn);
          p.setLong(2, h.id());
          p.setLong(3, h.previousEventId());
          p.setLong(4, h.timestampMillis());
          p.setString(5, h.type().name());
          p.setString(6, h.details() == null ? null : Json.write(h.details()));
          p.addBatch();
        }
        p.executeBatch();
      }
    }
    if (!step.timersRemoved().isEmpty()) {
      try (PreparedStatement p = c.prepareStatement(
          "DELETE FROM timer WHERE execution_arn = ? AND kind = ? AND timer_id = ?")) {
        for (TimerRecord t : step.timersRemoved()) {
          p.setString(1, arn);
          p.setString(2, t.kind().name());
          p.setLong(3, t.timerId());
          p.addBatch();
        }
        p.executeBatch();
      }
    }
    if (!step.timersAdded().isEmpty()) {
      try (PreparedStatement p = c.prepareStatement("INSERT INTO timer"
          + " (execution_arn, timer_id, kind, due_millis) VALUES (?, ?, ?, ?)")) {
        for (TimerRecord t : step.timersAdded()) {
          p.setString(1, arn);
          p.setLong(2, t.timerId());
          p.setString(3, t.kind().name());
          p.setLong(4, t.dueMillis());
          p.addBatch();
        }
        p.executeBatch();
      }
    }
    if (!step.tasksRemoved().isEmpty()) {
      try (PreparedStatement p = c.prepareStatement(
          "DELETE FROM task WHERE execution_arn = ? AND task_id = ?")) {
        for (Long id : step.tasksRemoved()) {
          p.setString(1, arn);
          p.setLong(2, id);
          p.addBatch();
        }
        p.executeBatch();
      }
    }
    if (!step.tasksAdded().isEmpty()) {
      try (PreparedStatement p = c.prepareStatement("INSERT INTO task (execution_arn, task_id,"
          + " token, state_name, resource, input, timeout_seconds, heartbeat_seconds,"
          + " credentials, started) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        for (TaskRecord t : step.tasksAdded()) {
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
          p.addBatch();
        }
        p.executeBatch();
      }
    }
    if (!step.tasksStarted().isEmpty()) {
      try (PreparedStatement p = c.prepareStatement(
          "UPDATE task SET started = TRUE WHERE execution_arn = ? AND task_id = ?")) {
        for (Long id : step.tasksStarted()) {
          p.setString(1, arn);
          p.setLong(2, id);
          p.addBatch();
        }
        p.executeBatch();
      }
    }
    if (step.execution().status().isTerminal()) {
      for (String table : List.of("timer", "task")) {
        try (PreparedStatement p = c.prepareStatement(
            "DELETE FROM " + table + " WHERE execution_arn = ?")) {
          p.setString(1, arn);
          p.executeUpdate();
        }
      }
    }
  }

  private static void setLong(PreparedStatement p, int i, Long v) throws SQLException {
    if (v == null) {
      p.setNull(i, Types.BIGINT);
    } else {
      p.setLong(i, v);
    }
  }

  @Override
  public void delete(String executionArn) {
    tx.write("delete execution", c -> {
      for (String table : List.of("input_event", "history_event", "timer", "task",
          "timed_out_task")) {
        try (PreparedStatement p = c.prepareStatement(
            "DELETE FROM " + table + " WHERE execution_arn = ?")) {
          p.setString(1, executionArn);
          p.executeUpdate();
        }
      }
      try (PreparedStatement p = c.prepareStatement("DELETE FROM execution WHERE arn = ?")) {
        p.setString(1, executionArn);
        p.executeUpdate();
      }
      return null;
    });
  }

  // ---- reads --------------------------------------------------------------------------------

  @Override
  public Optional<ExecutionRecord> find(String executionArn) {
    return tx.read("describe execution", c -> {
      try (PreparedStatement p = c.prepareStatement(
          "SELECT " + COLUMNS + " FROM execution WHERE arn = ?")) {
        p.setString(1, executionArn);
        return first(executions(p));
      }
    });
  }

  @Override
  public Optional<ExecutionRecord> findByName(String stateMachineArn, String name) {
    return tx.read("find execution", c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT " + COLUMNS
          + " FROM execution WHERE state_machine_arn = ? AND name = ?")) {
        p.setString(1, stateMachineArn);
        p.setString(2, name);
        return first(executions(p));
      }
    });
  }

  @Override
  public Page<ExecutionRecord> list(String stateMachineArn, ExecutionStatus status,
      String pageToken, int limit) {
    int offset = Paging.offset(pageToken);
    return tx.read("list executions", c -> {
      String where = status == null ? "" : " AND status = ?";
      try (PreparedStatement p = c.prepareStatement("SELECT " + COLUMNS
          + " FROM execution WHERE state_machine_arn = ?" + where
          + " ORDER BY start_millis DESC, arn LIMIT ? OFFSET ?")) {
        int i = 1;
        p.setString(i++, stateMachineArn);
        if (status != null) {
          p.setString(i++, status.name());
        }
        p.setInt(i++, limit + 1);
        p.setInt(i, offset);
        List<ExecutionRecord> out = executions(p);
        String next = Paging.next(offset, out.size(), limit);
        return new Page<>(out.size() > limit ? out.subList(0, limit) : out, next);
      }
    });
  }

  @Override
  public List<String> running() {
    return tx.read("list running executions", c -> {
      try (PreparedStatement p = c.prepareStatement(
          "SELECT arn FROM execution WHERE status = 'RUNNING' ORDER BY start_millis")) {
        return strings(p);
      }
    });
  }

  @Override
  public List<String> inputEvents(String executionArn) {
    return tx.read("read input events", c -> {
      try (PreparedStatement p = c.prepareStatement(
          "SELECT body FROM input_event WHERE execution_arn = ? ORDER BY seq")) {
        p.setString(1, executionArn);
        return strings(p);
      }
    });
  }

  @Override
  public Page<HistoryEvent> history(String executionArn, String pageToken, int limit,
      boolean reverse) {
    long after;
    try {
      after = pageToken == null || pageToken.isEmpty() ? (reverse ? Long.MAX_VALUE : 0)
          : Long.parseLong(pageToken);
    } catch (NumberFormatException e) {
      throw new StoreException("Invalid page token: " + pageToken);
    }
    return tx.read("read history", c -> {
      String sql = "SELECT id, previous_id, ts_millis, event_type, details FROM history_event"
          + " WHERE execution_arn = ? AND id " + (reverse ? "<" : ">") + " ? ORDER BY id"
          + (reverse ? " DESC" : "") + " LIMIT ?";
      try (PreparedStatement p = c.prepareStatement(sql)) {
        p.setString(1, executionArn);
        p.setLong(2, after);
        p.setInt(3, limit + 1);
        List<HistoryEvent> out = new ArrayList<>();
        try (ResultSet r = p.executeQuery()) {
          while (r.next()) {
            String details = r.getString(5);
            out.add(new HistoryEvent(r.getLong(1), r.getLong(2), r.getLong(3),
                EventType.valueOf(r.getString(4)), details == null ? null : Json.parse(details)));
          }
        }
        if (out.size() > limit) {
          out = out.subList(0, limit);
          return new Page<>(out, Long.toString(out.get(limit - 1).id()));
        }
        return new Page<>(out, null);
      }
    });
  }

  @Override
  public List<TaskRecord> tasks(String executionArn) {
    return tx.read("read tasks", c -> {
      try (PreparedStatement p = c.prepareStatement(TASK_SELECT
          + " WHERE execution_arn = ? ORDER BY task_id")) {
        p.setString(1, executionArn);
        return taskRows(p);
      }
    });
  }

  @Override
  public Optional<TaskRecord> taskByToken(String token) {
    return tx.read("find task", c -> {
      try (PreparedStatement p = c.prepareStatement(TASK_SELECT + " WHERE token = ?")) {
        p.setString(1, token);
        List<TaskRecord> all = taskRows(p);
        return all.isEmpty() ? Optional.<TaskRecord>empty() : Optional.of(all.get(0));
      }
    });
  }

  @Override
  public void markTaskTimedOut(String executionArn, long taskId, long nowMillis) {
    tx.write("mark task timed out", c -> {
      try (PreparedStatement p = c.prepareStatement("INSERT INTO timed_out_task (token,"
          + " execution_arn, timed_out_millis) SELECT token, execution_arn, ? FROM task"
          + " WHERE execution_arn = ? AND task_id = ? AND token IS NOT NULL AND token NOT IN"
          + " (SELECT token FROM timed_out_task)")) {
        p.setLong(1, nowMillis);
        p.setString(2, executionArn);
        p.setLong(3, taskId);
        return p.executeUpdate();
      }
    });
  }

  @Override
  public boolean tokenTimedOut(String token) {
    return tx.read("find timed out token", c -> {
      try (PreparedStatement p = c.prepareStatement(
          "SELECT 1 FROM timed_out_task WHERE token = ?")) {
        p.setString(1, token);
        try (ResultSet r = p.executeQuery()) {
          return r.next();
        }
      }
    });
  }

  @Override
  public boolean rescheduleTimer(TimerRecord timer) {
    return tx.write("reschedule timer", c -> {
      try (PreparedStatement p = c.prepareStatement("UPDATE timer SET due_millis = ?"
          + " WHERE execution_arn = ? AND kind = ? AND timer_id = ?")) {
        p.setLong(1, timer.dueMillis());
        p.setString(2, timer.executionArn());
        p.setString(3, timer.kind().name());
        p.setLong(4, timer.timerId());
        return p.executeUpdate() == 1;
      }
    });
  }

  private static final String TASK_SELECT = "SELECT execution_arn, task_id, token, state_name,"
      + " resource, input, timeout_seconds, heartbeat_seconds, credentials, started FROM task";

  private static List<TaskRecord> taskRows(PreparedStatement p) throws SQLException {
    List<TaskRecord> out = new ArrayList<>();
    try (ResultSet r = p.executeQuery()) {
      while (r.next()) {
        out.add(new TaskRecord(r.getString(1), r.getLong(2), r.getString(3), r.getString(4),
            r.getString(5), r.getString(6), r.getObject(7, Long.class),
            r.getObject(8, Long.class), r.getString(9), r.getBoolean(10)));
      }
    }
    return out;
  }

  @Override
  public List<TimerRecord> dueTimers(long nowMillis, int limit) {
    return tx.read("read due timers", c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT execution_arn, timer_id, kind,"
          + " due_millis FROM timer WHERE due_millis <= ? ORDER BY due_millis LIMIT ?")) {
        p.setLong(1, nowMillis);
        p.setInt(2, limit);
        List<TimerRecord> out = new ArrayList<>();
        try (ResultSet r = p.executeQuery()) {
          while (r.next()) {
            out.add(new TimerRecord(r.getString(1), r.getLong(2),
                TimerKind.valueOf(r.getString(3)), r.getLong(4)));
          }
        }
        return out;
      }
    });
  }

  @Override
  public OptionalLong nextTimerDue() {
    return tx.read("read next timer", c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT MIN(due_millis) FROM timer");
          ResultSet r = p.executeQuery()) {
        r.next();
        long v = r.getLong(1);
        return r.wasNull() ? OptionalLong.empty() : OptionalLong.of(v);
      }
    });
  }

  private static List<ExecutionRecord> executions(PreparedStatement p) throws SQLException {
    List<ExecutionRecord> out = new ArrayList<>();
    try (ResultSet r = p.executeQuery()) {
      while (r.next()) {
        out.add(new ExecutionRecord(r.getString(1), r.getString(2), r.getString(3), r.getInt(4),
            r.getString(5), r.getString(6), ExecutionStatus.valueOf(r.getString(7)),
            r.getString(8), r.getString(9), r.getString(10), r.getString(11), r.getLong(12),
            r.getLong(13), r.getLong(14), r.getInt(15), r.getInt(16), r.getLong(17)));
      }
    }
    return out;
  }

  private static <T> Optional<T> first(List<T> all) {
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
  }

  private static List<String> strings(PreparedStatement p) throws SQLException {
    List<String> out = new ArrayList<>();
    try (ResultSet r = p.executeQuery()) {
      while (r.next()) {
        out.add(r.getString(1));
      }
    }
    return out;
  }
}
