package dev.statecraft.http;

import dev.statecraft.engine.api.Arns;
import dev.statecraft.engine.api.StatesService;
import dev.statecraft.engine.runtime.DurableEngine;
import dev.statecraft.engine.runtime.EngineConfig;
import dev.statecraft.engine.store.jdbc.JdbcStore;
import java.util.List;
import java.util.UUID;

/** A real engine on an in-memory H2 database, for server tests. */
final class TestEngine implements AutoCloseable {
  private final JdbcStore store;
  private final DurableEngine engine;
  private final StatesService service;

  TestEngine() {
    store = JdbcStore.h2Memory("api-" + UUID.randomUUID());
    engine = new DurableEngine(store, EngineConfig.defaults(List.of()));
    engine.start();
    service = new StatesService(engine, Arns.defaults());
  }

  StatesService service() {
    return service;
  }

  DurableEngine engine() {
    return engine;
  }

  @Override
  public void close() {
    service.close();
    engine.close();
    store.close();
  }
}
