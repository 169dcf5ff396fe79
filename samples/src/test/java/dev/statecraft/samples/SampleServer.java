package dev.statecraft.samples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.statecraft.engine.api.Arns;
import dev.statecraft.engine.api.StatesService;
import dev.statecraft.engine.runtime.DurableEngine;
import dev.statecraft.engine.runtime.EngineConfig;
import dev.statecraft.engine.spi.TaskHandler;
import dev.statecraft.engine.store.jdbc.JdbcStore;
import dev.statecraft.http.ApiServer;
import dev.statecraft.integrations.TaskHandlers;
import dev.statecraft.integrations.config.StatecraftConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A sample's folder served as {@code statecraft serve} serves it: the durable engine on in-memory
 * H2 with the sample's {@code statecraft.yaml}, the HTTP API on loopback, and a clock the test
 * moves. The state machine is registered over REST under the sample's name.
 */
final class SampleServer implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  final MovableClock clock = new MovableClock(1_700_000_000_000L);
  private final JdbcStore store;
  private final TaskHandlers handlers;
  private final DurableEngine engine;
  private final StatesService service;
  private final ApiServer server;
  private final String base;

  /**
   * @param folder the sample's folder (definition.json, statecraft.yaml)
   * @param name the state machine's name
   * @param first handlers tried before the configured integrations (may be empty)
   */
  SampleServer(Path folder, String name, List<TaskHandler> first) throws Exception {
    store = JdbcStore.h2Memory("sample-" + UUID.randomUUID());
    handlers = TaskHandlers.create(StatecraftConfig.read(folder.resolve("statecraft.yaml")));
    List<TaskHandler> all = new ArrayList<>(first);
    all.add(handlers);
    engine = new DurableEngine(store, EngineConfig.defaults(all).withClock(clock));
    service = new StatesService(engine, Arns.defaults());
    handlers.connect(service);
    engine.start();
    server = new ApiServer(service).shutdownGrace(0);
    base = "http://127.0.0.1:" + server.start("127.0.0.1", 0);
    String body = JSON.createObjectNode().put("name", name)
        .set("definition", JSON.readTree(Files.readString(folder.resolve("definition.json"))))
        .toString();
    HttpResponse<String> r = send("POST", "/state-machines", body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
  }

  /** The configured integrations (mocks included). */
  TaskHandlers handlers() {
    return handlers;
  }

  HttpResponse<String> send(String method, String path, String body) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body))
        .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** POST /state-machines/{name}/executions; returns the execution's REST id. */
  String start(String machine, String executionName, JsonNode input, String testCase)
      throws Exception {
    String body = JSON.createObjectNode().put("name", executionName).set("input", input)
        .toString();
    HttpResponse<String> r = send("POST", "/state-machines/" + machine + "/executions"
        + (testCase == null ? "" : "?testCase=" + testCase), body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return JSON.readTree(r.body()).get("id").asText();
  }

  /** Waits for the execution to end, then answers GET /executions/{id}. */
  JsonNode finished(String id) throws Exception {
    String arn = service.arns().execution(id.substring(0, id.indexOf(':')),
        id.substring(id.indexOf(':') + 1));
    engine.whenFinished(arn).get(30, TimeUnit.SECONDS);
    return get("/executions/" + id);
  }

  JsonNode get(String path) throws Exception {
    HttpResponse<String> r = send("GET", path, null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  /** The names of the Task states the execution entered, in order (from its history). */
  List<String> tasksEntered(String id) throws Exception {
    List<String> names = new ArrayList<>();
    for (JsonNode e : get("/executions/" + id + "/history?limit=1000").get("events")) {
      if (e.get("type").asText().equals("TaskStateEntered")) {
        names.add(e.at("/stateEnteredEventDetails/name").asText());
      }
    }
    return names;
  }

  /** Moves the clock and lets due timers fire. */
  void advance(long seconds) {
    clock.advance(seconds * 1000);
    engine.wakeTimers();
  }

  @Override
  public void close() {
    server.close();
    service.close();
    engine.close();
    handlers.close();
    store.close();
  }

  /** A clock that stands still until the test moves it. */
  static final class MovableClock extends Clock {
    private final AtomicLong millis;

    MovableClock(long start) {
      millis = new AtomicLong(start);
    }

    void advance(long by) {
      millis.addAndGet(by);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis.get());
    }

    @Override
    public long millis() {
      return millis.get();
    }
  }
}
