package dev.statecraft.engine.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.statecraft.engine.store.ActivityStore;
import dev.statecraft.engine.store.ExecutionStore;
import dev.statecraft.engine.store.StateMachineStore;
import dev.statecraft.engine.store.Store;
import dev.statecraft.engine.store.StoreException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/** The storage SPI over a pooled JDBC data source; migrates the schema when opened. */
public final class JdbcStore implements Store {
  private final HikariDataSource pool;
  private final JdbcStateMachineStore stateMachines;
  private final JdbcExecutionStore executions;
  private final JdbcActivityStore activities;
  private final GroupCommitWriter writer;

  private JdbcStore(HikariDataSource pool, Dialect dialect) {
    this.pool = pool;
    Transactions tx = new Transactions(pool, dialect);
    try (Connection c = pool.getConnection()) {
      new Migrator(dialect).migrate(c);
    } catch (SQLException e) {
      pool.close();
      throw new StoreException("Schema migration failed", e);
    }
    this.stateMachines = new JdbcStateMachineStore(tx);
    this.writer = new GroupCommitWriter(pool, dialect, GroupCommitWriter.MAX_GROUP,
        GroupCommitWriter.QUEUE_CAPACITY);
    this.executions = new JdbcExecutionStore(tx, writer);
    this.activities = new JdbcActivityStore(tx);
  }

  /**
   * Opens (and migrates) a store.
   *
   * @param url the JDBC URL
   * @param dialect the database's dialect
   * @param poolSize the most connections kept open
   */
  public static JdbcStore open(String url, Dialect dialect, int poolSize) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setMaximumPoolSize(poolSize);
    config.setMinimumIdle(1);
    config.setAutoCommit(true);
    config.setPoolName("statecraft-store");
    return new JdbcStore(new HikariDataSource(config), dialect);
  }

  /** The embedded H2 file database under {@code dataDir}. */
  public static JdbcStore h2File(Path dataDir, int poolSize) {
    return open(H2Dialect.fileUrl(dataDir), H2Dialect.INSTANCE, poolSize);
  }

  /** A fresh in-memory H2 database (tests). */
  public static JdbcStore h2Memory(String name) {
    return open(H2Dialect.memoryUrl(name), H2Dialect.INSTANCE, 4);
  }

  @Override
  public StateMachineStore stateMachines() {
    return stateMachines;
  }

  @Override
  public ExecutionStore executions() {
    return executions;
  }

  @Override
  public ActivityStore activities() {
    return activities;
  }

  /** What the group-commit writer has done so far (metrics, benchmarks). */
  public GroupCommitStats groupCommits() {
    return new GroupCommitStats(writer.groups(), writer.steps());
  }

  /**
   * Group-commit counters.
   *
   * @param transactions transactions written
   * @param steps steps submitted and answered (committed or refused)
   */
  public record GroupCommitStats(long transactions, long steps) {}

  @Override
  public void close() {
    writer.close();
    pool.close();
  }
}
