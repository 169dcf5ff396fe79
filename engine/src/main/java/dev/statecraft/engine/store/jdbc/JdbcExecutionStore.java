package dev.statecraft.engine.store.jdbc;

import dev.statecraft.engine.core.ExecutionStatus;
import dev.statecraft.engine.core.HistoryEvent;
import dev.statecraft.engine.store.ExecutionRecord;
import dev.statecraft.engine.store.ExecutionStore;
import dev.statecraft.engine.store.Page;
import dev.statecraft.engine.store.StepCommit;
import dev.statecraft.engine.store.StoreException;
import dev.statecraft.engine.store.TaskRecord;
import dev.statecraft.engine.store.TestCaseRecord;
import dev.statecraft.engine.store.TimerKind;
import dev.statecraft.engine.store.TimerRecord;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Executions over JDBC. Steps are written by the {@link GroupCommitWriter}: each step's rows in
 * one transaction, shared with the steps of other executions ready at the same moment.
 */
final class JdbcExecutionStore implements ExecutionStore {
  private static final String COLUMNS = StepBatch.COLUMNS;

  private final Transactions tx;
  private final GroupCommitWriter writer;

  JdbcExecutionStore(Transactions tx, GroupCommitWriter writer) {
    this.tx = tx;
    this.writer = writer;
  }

  // ---- writes -------------------------------------------------------------------------------

  @Override
  public void create(StepCommit first) {
    writer.create(first);
  }

  @Override
  public void commit(StepCommit step) {
    writer.commit(step);
  }

  @Override
  public void delete(String executionArn) {
    tx.write("delete execution", c -> {
      for (String table : List.of("input_event", "history_chunk", "timer", "task",
          "timed_out_task", "test_case_binding")) {
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
        return Paging.page(out, offset, limit);
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
      // Forward: from the chunk holding the first wanted event on. Backward: chunks that start
      // before the token, newest first. Both stop reading once the page is full.
      String sql = reverse
          ? "SELECT events FROM history_chunk WHERE execution_arn = ? AND first_id < ?"
              + " ORDER BY first_id DESC"
          : "SELECT events FROM history_chunk WHERE execution_arn = ? AND first_id >="
              + " COALESCE((SELECT MAX(first_id) FROM history_chunk WHERE execution_arn = ?"
              + " AND first_id <= ?), 0) ORDER BY first_id";
      try (PreparedStatement p = c.prepareStatement(sql)) {
        p.setString(1, executionArn);
        if (reverse) {
          p.setLong(2, after);
        } else {
          p.setString(2, executionArn);
          p.setLong(3, after + 1);
        }
        List<HistoryEvent> out = new ArrayList<>();
        try (ResultSet r = p.executeQuery()) {
          while (out.size() <= limit && r.next()) {
            List<HistoryEvent> chunk = HistoryChunk.events(r.getString(1));
            for (int i = 0; i < chunk.size() && out.size() <= limit; i++) {
              HistoryEvent h = chunk.get(reverse ? chunk.size() - 1 - i : i);
              if (reverse ? h.id() < after : h.id() > after) {
                out.add(h);
              }
            }
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
    return tx.write("reschedule timer", c -> Transactions.update(c, "UPDATE timer SET"
        + " due_millis = ? WHERE execution_arn = ? AND kind = ? AND timer_id = ?",
        timer.dueMillis(), timer.executionArn(), timer.kind().name(), timer.timerId()) == 1);
  }

  @Override
  public void removeTimer(TimerRecord timer) {
    tx.write("remove timer", c -> Transactions.update(c, "DELETE FROM timer"
        + " WHERE execution_arn = ? AND kind = ? AND timer_id = ?",
        timer.executionArn(), timer.kind().name(), timer.timerId()));
  }

  private static final String DELETE_TEST_CASE =
      "DELETE FROM test_case_binding WHERE execution_arn = ?";

  @Override
  public void saveTestCase(TestCaseRecord binding) {
    tx.write("save test case", c -> {
      // Delete then insert, in one transaction: portable where MERGE/UPSERT syntax is not.
      Transactions.update(c, DELETE_TEST_CASE, binding.executionArn());
      return Transactions.update(c, "INSERT INTO test_case_binding (execution_arn,"
          + " state_machine_name, test_case) VALUES (?, ?, ?)", binding.executionArn(),
          binding.stateMachineName(), binding.testCase());
    });
  }

  @Override
  public void removeTestCase(String executionArn) {
    tx.write("remove test case", c -> Transactions.update(c, DELETE_TEST_CASE, executionArn));
  }

  @Override
  public List<TestCaseRecord> testCases() {
    return tx.read("list test cases", c -> {
      List<TestCaseRecord> out = new ArrayList<>();
      try (PreparedStatement p = c.prepareStatement("SELECT execution_arn, state_machine_name,"
          + " test_case FROM test_case_binding ORDER BY execution_arn");
          ResultSet r = p.executeQuery()) {
        while (r.next()) {
          out.add(new TestCaseRecord(r.getString(1), r.getString(2), r.getString(3)));
        }
      }
      return out;
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
