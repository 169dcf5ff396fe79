package dev.statecraft.engine.store.jdbc;

import dev.statecraft.engine.store.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies the versioned schema migrations on start. {@code db/<dialect>/migrations.txt} lists the
 * SQL files in order; file number N is version N. Each runs once, in its own transaction, and
 * is recorded in {@code schema_version}. (An index file, because a class path inside a jar
 * cannot be listed.)
 */
final class Migrator {
  private final Dialect dialect;

  Migrator(Dialect dialect) {
    this.dialect = dialect;
  }

  /** Brings the schema up to date and returns its version. */
  int migrate(Connection c) throws SQLException {
    List<String> files = index();
    boolean auto = c.getAutoCommit();
    c.setAutoCommit(false);
    try {
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INT PRIMARY KEY,"
            + " script VARCHAR(256) NOT NULL, applied_millis BIGINT NOT NULL)");
      }
      c.commit();
      int current = currentVersion(c);
      for (int v = current + 1; v <= files.size(); v++) {
        String file = files.get(v - 1);
        try (Statement s = c.createStatement()) {
          for (String sql : statements(read(file))) {
            s.execute(sql);
          }
        }
        try (PreparedStatement p = c.prepareStatement(
            "INSERT INTO schema_version (version, script, applied_millis) VALUES (?, ?, ?)")) {
          p.setInt(1, v);
          p.setString(2, file);
          p.setLong(3, System.currentTimeMillis());
          p.executeUpdate();
        }
        c.commit();
      }
      return files.size();
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(auto);
    }
  }

  private static int currentVersion(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
      r.next();
      return r.getInt(1);
    }
  }

  private List<String> index() {
    List<String> files = new ArrayList<>();
    for (String line : read("migrations.txt").split("\n")) {
      String t = line.strip();
      if (!t.isEmpty() && !t.startsWith("#")) {
        files.add(t);
      }
    }
    return files;
  }

  private String read(String file) {
    String path = "/db/" + dialect.migrationFolder() + "/" + file;
    try (InputStream in = Migrator.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new StoreException("Missing migration resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new StoreException("Cannot read " + path, e);
    }
  }

  /** Splits a script on semicolons that end a line (our scripts hold no procedural blocks). */
  static List<String> statements(String script) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : script.split("\n")) {
      if (line.strip().startsWith("--")) {
        continue;
      }
      current.append(line).append('\n');
      if (line.stripTrailing().endsWith(";")) {
        String sql = current.toString().strip();
        out.add(sql.substring(0, sql.length() - 1));
        current.setLength(0);
      }
    }
    if (!current.toString().isBlank()) {
      out.add(current.toString().strip());
    }
    return out;
  }
}
