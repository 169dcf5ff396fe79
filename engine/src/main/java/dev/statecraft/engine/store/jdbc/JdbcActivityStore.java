package dev.statecraft.engine.store.jdbc;

import dev.statecraft.engine.store.ActivityRecord;
import dev.statecraft.engine.store.ActivityStore;
import dev.statecraft.engine.store.Page;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

final class JdbcActivityStore implements ActivityStore {
  private final Transactions tx;

  JdbcActivityStore(Transactions tx) {
    this.tx = tx;
  }

  @Override
  public void create(ActivityRecord a) {
    tx.write("create activity", c -> {
      try (PreparedStatement p = c.prepareStatement(
          "INSERT INTO activity (arn, name, created_millis) VALUES (?, ?, ?)")) {
        p.setString(1, a.arn());
        p.setString(2, a.name());
        p.setLong(3, a.createdMillis());
        return p.executeUpdate();
      }
    });
  }

  @Override
  public Optional<ActivityRecord> find(String arn) {
    return tx.read("find activity", c -> {
      try (PreparedStatement p = c.prepareStatement(
          "SELECT arn, name, created_millis FROM activity WHERE arn = ?")) {
        p.setString(1, arn);
        try (ResultSet r = p.executeQuery()) {
          return r.next() ? Optional.of(new ActivityRecord(r.getString(1), r.getString(2),
              r.getLong(3))) : Optional.<ActivityRecord>empty();
        }
      }
    });
  }

  @Override
  public Page<ActivityRecord> list(String pageToken, int limit) {
    int offset = Paging.offset(pageToken);
    return tx.read("list activities", c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT arn, name, created_millis"
          + " FROM activity ORDER BY name, arn LIMIT ? OFFSET ?")) {
        p.setInt(1, limit + 1);
        p.setInt(2, offset);
        List<ActivityRecord> out = new ArrayList<>();
        try (ResultSet r = p.executeQuery()) {
          while (r.next()) {
            out.add(new ActivityRecord(r.getString(1), r.getString(2), r.getLong(3)));
          }
        }
        return Paging.page(out, offset, limit);
      }
    });
  }

  @Override
  public boolean delete(String arn) {
    return tx.write("delete activity", c -> {
      try (PreparedStatement p = c.prepareStatement("DELETE FROM activity WHERE arn = ?")) {
        p.setString(1, arn);
        return p.executeUpdate() == 1;
      }
    });
  }
}
