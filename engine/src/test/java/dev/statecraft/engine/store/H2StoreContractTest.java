package dev.statecraft.engine.store;

import dev.statecraft.engine.store.jdbc.JdbcStore;
import java.util.concurrent.atomic.AtomicInteger;

/** The storage contract on embedded H2 (in memory). */
class H2StoreContractTest extends StoreContract {
  private static final AtomicInteger DB = new AtomicInteger();

  @Override
  protected Store openStore() {
    return JdbcStore.h2Memory("contract" + DB.incrementAndGet());
  }
}
