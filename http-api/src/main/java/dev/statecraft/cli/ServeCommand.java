package dev.statecraft.cli;

import dev.statecraft.engine.api.Arns;
import dev.statecraft.engine.api.StatesService;
import dev.statecraft.engine.runtime.DurableEngine;
import dev.statecraft.engine.runtime.EngineConfig;
import dev.statecraft.engine.store.jdbc.H2Dialect;
import dev.statecraft.engine.store.jdbc.JdbcStore;
import dev.statecraft.http.ApiServer;
import dev.statecraft.integrations.TaskHandlers;
import dev.statecraft.integrations.config.ConfigException;
import dev.statecraft.integrations.config.StatecraftConfig;
import java.io.UncheckedIOException;
import java.util.List;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code statecraft serve}: runs the HTTP server (REST resources and the AWS JSON protocol) until
 * the process is told to stop; then it stops accepting requests and lets in-flight ones finish.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Run the Statecraft server (REST API and the AWS Step Functions JSON protocol).")
public final class ServeCommand implements Callable<Integer> {
  @Option(names = "--port", defaultValue = "8083", description = "Port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--host", defaultValue = "127.0.0.1",
      description = "Address to bind (default: ${DEFAULT-VALUE}; 0.0.0.0 for all).")
  String host;

  @Option(names = "--data", defaultValue = "./data",
      description = "Data directory of the embedded H2 database (default: ${DEFAULT-VALUE}).")
  Path data;

  @Option(names = "--db", description = "JDBC URL of the database, instead of --data.")
  String db;

  @Option(names = "--token", defaultValue = "${env:STATECRAFT_TOKEN}",
      description = "Require 'Authorization: Bearer TOKEN' on every route but /health and the"
          + " task-token callbacks (default: env STATECRAFT_TOKEN; none when unset).")
  String token;

  @Option(names = "--config", description = "Configuration file (YAML or JSON; default:"
      + " statecraft.yaml in the current directory when there is one).")
  Path config;

  @Option(names = "--event-loops", description = "Event loops serving HTTP requests (default:"
      + " one per core).")
  Integer eventLoops;

  @Override
  public Integer call() throws InterruptedException {
    if (port < 0 || port > 65535) {
      System.err.println("statecraft: --port must be between 0 and 65535 (0: any free port)");
      return 2;
    }
    if (eventLoops != null && eventLoops < 1) {
      System.err.println("statecraft: --event-loops must be at least 1");
      return 2;
    }
    if (db != null && !db.startsWith("jdbc:h2:")) {
      System.err.println("statecraft: only H2 JDBC URLs are supported so far (PostgreSQL comes"
          + " later): " + db);
      return 2;
    }
    StatecraftConfig settings;
    try {
      settings = ConfigFile.load(config);
    } catch (ConfigException e) {
      System.err.println("statecraft: " + e.getMessage());
      return 2;
    }
    JdbcStore store = db != null ? JdbcStore.open(db, H2Dialect.INSTANCE, 8)
        : JdbcStore.h2File(data, 8);
    LateTaskHandler late = new LateTaskHandler();
    DurableEngine engine = new DurableEngine(store, EngineConfig.defaults(List.of(late)));
    StatesService service = new StatesService(engine, Arns.defaults());
    ApiServer server = new ApiServer(service).authToken(token);
    if (eventLoops != null) {
      server.eventLoops(eventLoops);
    }
    TaskHandlers handlers;
    try {
      // The integrations share the server's Vert.x (event loops, worker pool, metrics).
      handlers = TaskHandlers.create(settings, server.vertx());
    } catch (ConfigException | UncheckedIOException e) {
      System.err.println("statecraft: " + (config != null ? config : ConfigFile.DEFAULT) + ": "
          + e.getMessage());
      server.close();
      service.close();
      store.close();
      return 2;
    }
    late.set(handlers.connect(service));
    engine.start();
    int bound = server.start(host, port);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      // Stop taking requests first; executions stay durable in the store.
      server.close();
      service.close();
      engine.close();
      try {
        handlers.close();
      } catch (RuntimeException e) {
        System.err.println("statecraft: " + e.getMessage()); // Vert.x is already closed
      }
      store.close();
      stopped.countDown();
    }, "statecraft-shutdown"));
    System.err.println("statecraft: listening on http://" + host + ":" + bound);
    stopped.await();
    return 0;
  }
}
