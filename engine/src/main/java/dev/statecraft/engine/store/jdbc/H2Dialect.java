package dev.statecraft.engine.store.jdbc;

import java.nio.file.Path;

/** The embedded H2 database: a file under the data directory, or in memory for tests. */
public final class H2Dialect implements Dialect {
  public static final H2Dialect INSTANCE = new H2Dialect();

  private H2Dialect() {}

  @Override
  public String migrationFolder() {
    return "h2";
  }

  /**
   * The URL of the file database under {@code dataDir}. WRITE_DELAY=0 writes every commit to the
   * file before the commit returns, so a killed process loses no committed step (H2 keeps no redo
   * log; its default delay would lose up to half a second of commits).
   */
  public static String fileUrl(Path dataDir) {
    return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("statecraft") + ";WRITE_DELAY=0;LOCK_TIMEOUT=10000";
  }

  /** A private in-memory database that lives as long as the pool keeps a connection open. */
  public static String memoryUrl(String name) {
    return "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000";
  }
}
