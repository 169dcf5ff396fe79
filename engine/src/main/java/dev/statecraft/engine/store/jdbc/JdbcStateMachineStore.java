package dev.statecraft.engine.store.jdbc;

import dev.statecraft.engine.store.Page;
import dev.statecraft.engine.store.StateMachineRecord;
import dev.statecraft.engine.store.StateMachineStore;
import dev.statecraft.engine.store.StateMachineType;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

final class JdbcStateMachineStore implements StateMachineStore {
  private static final String SELECT = "SELECT v.arn, v.name, v.machine_type, v.version,"
      + " v.definition, v.role_arn, v.created_millis, v.version_millis"
      + " FROM state_machine m JOIN state_machine_version v ON v.arn = m.arn";
  private static final String SELECT_VERSION = "SELECT v.arn, v.name, v.machine_type,"
      + " v.version, v.definition, v.role_arn, v.created_millis, v.version_millis"
      + " FROM state_machine_version v";

  private final Transactions tx;

  JdbcStateMachineStore(Transactions tx) {
    this.tx = tx;
  }

  @Override
  public void create(StateMachineRecord first) {
    tx.write("create state machine", c -> {
      // A deleted machine of the same name left its versions behind; the new one starts afresh.
      try (PreparedStatement p = c.prepareStatement(
          "DELETE FROM state_machine_version WHERE arn = ? AND NOT EXISTS"
              + " (SELECT 1 FROM state_machine WHERE arn = ?)")) {
        p.setString(1, first.arn());
        p.setString(2, first.arn());
        p.executeUpdate();
      }
      try (PreparedStatement p = c.prepareStatement("INSERT INTO state_machine"
          + " (arn, name, machine_type, latest_version, created_millis) VALUES (?, ?, ?, ?, ?)")) {
        p.setString(1, first.arn());
        p.setString(2, first.name());
        p.setString(3, first.type().name());
        p.setInt(4, first.version());
        p.setLong(5, first.createdMillis());
        p.executeUpdate();
      }
      insertVersion(c, first);
      return null;
    });
  }

  @Override
  public boolean addVersion(StateMachineRecord next) {
    return tx.write("update state machine", c -> {
      try (PreparedStatement p = c.prepareStatement("UPDATE state_machine SET latest_version = ?"
          + " WHERE arn = ? AND latest_version = ?")) {
        p.setInt(1, next.version());
        p.setString(2, next.arn());
        p.setInt(3, next.version() - 1);
        if (p.executeUpdate() != 1) {
          return false;
        }
      }
      insertVersion(c, next);
      return true;
    });
  }

  private static void insertVersion(java.sql.Connection c, StateMachineRecord r)
      throws SQLException {
    try (PreparedStatement p = c.prepareStatement("INSERT INTO state_machine_version"
        + " (arn, version, name, machine_type, created_millis, definition, role_arn,"
        + " version_millis) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      p.setString(1, r.arn());
      p.setInt(2, r.version());
      p.setString(3, r.name());
      p.setString(4, r.type().name());
      p.setLong(5, r.createdMillis());
      p.setString(6, r.definition());
      p.setString(7, r.roleArn());
      p.setLong(8, r.versionMillis());
      p.executeUpdate();
    }
  }

  @Override
  public Optional<StateMachineRecord> find(String arn) {
    return tx.read("find state machine", c -> {
      try (PreparedStatement p = c.prepareStatement(
          SELECT + " AND v.version = m.latest_version WHERE m.arn = ?")) {
        p.setString(1, arn);
        return one(p);
      }
    });
  }

  @Override
  public Optional<StateMachineRecord> find(String arn, int version) {
    return tx.read("find state machine version", c -> {
      try (PreparedStatement p = c.prepareStatement(SELECT_VERSION + " WHERE v.arn = ? AND v.version = ?")) {
        p.setString(1, arn);
        p.setInt(2, version);
        return one(p);
      }
    });
  }

  @Override
  public Page<StateMachineRecord> list(String pageToken, int limit) {
    int offset = Paging.offset(pageToken);
    return tx.read("list state machines", c -> {
      try (PreparedStatement p = c.prepareStatement(SELECT
          + " AND v.version = m.latest_version ORDER BY m.name, m.arn LIMIT ? OFFSET ?")) {
        p.setInt(1, limit + 1);
        p.setInt(2, offset);
        List<StateMachineRecord> out = all(p);
        return Paging.page(out, offset, limit);
      }
    });
  }

  @Override
  public boolean delete(String arn) {
    return tx.write("delete state machine", c -> {
      try (PreparedStatement p = c.prepareStatement("DELETE FROM state_machine WHERE arn = ?")) {
        p.setString(1, arn);
        return p.executeUpdate() == 1;
      }
    });
  }

  private static Optional<StateMachineRecord> one(PreparedStatement p) throws SQLException {
    List<StateMachineRecord> all = all(p);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
  }

  private static List<StateMachineRecord> all(PreparedStatement p) throws SQLException {
    List<StateMachineRecord> out = new ArrayList<>();
    try (ResultSet r = p.executeQuery()) {
      while (r.next()) {
        out.add(new StateMachineRecord(r.getString(1), r.getString(2),
            StateMachineType.valueOf(r.getString(3)), r.getInt(4), r.getString(5), r.getString(6),
            r.getLong(7), r.getLong(8)));
      }
    }
    return out;
  }
}
