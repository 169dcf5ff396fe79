package dev.statecraft.engine.store.jdbc;

import java.sql.SQLException;

/** What differs between the databases the JDBC store runs on. */
public interface Dialect {
  /** The folder under {@code db/} that holds this database's migrations. */
  String migrationFolder();

  /** Whether the exception reports a unique or primary key violation. */
  default boolean isDuplicateKey(SQLException e) {
    // SQLSTATE 23505 is the standard unique_violation code (H2 and PostgreSQL both use it).
    for (SQLException x = e; x != null; x = x.getNextException()) {
      if ("23505".equals(x.getSQLState())) {
        return true;
      }
    }
    return false;
  }
}
