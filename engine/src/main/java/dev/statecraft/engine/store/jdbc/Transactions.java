package dev.statecraft.engine.store.jdbc;

import dev.statecraft.engine.store.DuplicateKeyException;
import dev.statecraft.engine.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Runs units of SQL work on a pooled connection, in one transaction, translating errors. */
final class Transactions {
  /** One unit of SQL work. */
  interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private final DataSource pool;
  private final Dialect dialect;

  Transactions(DataSource pool, Dialect dialect) {
    this.pool = pool;
    this.dialect = dialect;
  }

  /** Runs {@code work} in a transaction: committed when it returns, rolled back if it throws. */
  <T> T write(String what, Work<T> work) {
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw translate(what, e);
    }
  }

  /**
   * Runs one statement with the given parameters (String, Long, Integer, Boolean or null) and
   * returns its update count: the common case of a unit of work.
   */
  static int update(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        p.setObject(i + 1, params[i]);
      }
      return p.executeUpdate();
    }
  }

  /** Runs read-only work with auto-commit. */
  <T> T read(String what, Work<T> work) {
    try (Connection c = pool.getConnection()) {
      return work.run(c);
    } catch (SQLException e) {
      throw translate(what, e);
    }
  }

  private StoreException translate(String what, SQLException e) {
    return translate(dialect, what, e);
  }

  /** The store's exception for a failed unit of work: duplicate keys get their own type. */
  static StoreException translate(Dialect dialect, String what, SQLException e) {
    if (dialect.isDuplicateKey(e)) {
      return new DuplicateKeyException(what + ": duplicate key", e);
    }
    return new StoreException(what + " failed: " + e.getMessage(), e);
  }
}
