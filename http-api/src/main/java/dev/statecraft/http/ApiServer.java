package dev.statecraft.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statecraft.engine.api.StatesService;
import dev.statecraft.engine.core.Json;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.PrometheusScrapingHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP server: REST resources, the AWS JSON protocol on {@code POST /}, health, metrics and
 * the OpenAPI document. One router, one method per route; every error is rendered by
 * {@link ErrorRenderer}; blocking work runs on the worker pool.
 */
public final class ApiServer implements AutoCloseable {
  /** Requests larger than this are refused with 413 (definitions are at most 1 MiB). */
  static final long MAX_BODY_BYTES = 2L * 1024 * 1024;

  private final Vertx vertx;
  private final PrometheusMeterRegistry metrics;
  private final AwsJsonProtocol aws;
  private final StatesService service;
  /** One per event loop serving requests; they share the listening port (Vert.x round-robins). */
  private final List<HttpServer> servers = new CopyOnWriteArrayList<>();
  private int eventLoops = Math.max(1, Runtime.getRuntime().availableProcessors());
  private long shutdownGraceSeconds = 10;
  private String authToken;

  /** A server over the given engine API; the caller owns (and closes) the service. */
  public ApiServer(StatesService service) {
    this.service = service;
    this.metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    MicrometerMetricsOptions metricsOptions = new MicrometerMetricsOptions().setEnabled(true)
        .setJvmMetricsEnabled(true);
    this.vertx = Vertx.builder().with(new VertxOptions().setMetricsOptions(metricsOptions))
        .withMetrics(new MicrometerMetricsFactory(metrics)).build();
    this.aws = new AwsJsonProtocol(vertx)
        .register("ValidateStateMachineDefinition", new ValidateAction());
    new StatesActions(service).registerAll(aws);
    new TaskActions(service).registerAll(aws);
  }

  /** The router with every route mounted (exposed for tests). */
  Router router() {
    Router router = Router.router(vertx);
    if (authToken != null) {
      router.route().handler(new BearerAuth(authToken)::handle);
    }
    router.route().handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES));
    Blocking blocking = new Blocking(vertx);
    aws.mount(router);
    ValidateRoutes.mount(router, blocking);
    new StateMachineRoutes(service, blocking).mount(router);
    new ExecutionRoutes(service, blocking).mount(router);
    new TaskRoutes(service, blocking).mount(router);
    router.get("/health").handler(ctx -> {
      ObjectNode body = Json.object().put("status", "UP");
      ctx.response().putHeader("Content-Type", "application/json").end(Json.write(body));
    });
    router.get("/metrics").handler(PrometheusScrapingHandler.create(metrics));
    String openapi = resource("openapi.yaml");
    router.get("/openapi.yaml").handler(ctx -> ctx.response()
        .putHeader("Content-Type", "application/yaml").end(openapi));
    router.route().failureHandler(ErrorRenderer::rest);
    router.route().last().handler(ctx -> ctx.fail(404));
    return router;
  }

  /** Requires this bearer token on every route but /health and the callbacks (null: none). */
  public ApiServer authToken(String token) {
    this.authToken = token == null || token.isBlank() ? null : token;
    return this;
  }

  /**
   * The server's Vert.x, for integrations that share its event loops, workers and metrics; it is
   * closed by {@link #close()}.
   */
  public Vertx vertx() {
    return vertx;
  }

  /** How long {@link #close()} lets in-flight requests finish (default 10 s). */
  public ApiServer shutdownGrace(long seconds) {
    this.shutdownGraceSeconds = seconds;
    return this;
  }

  /**
   * How many event loops serve requests (default: one per core). One server on one event loop
   * leaves the other cores idle while its loop is the bottleneck, so each loop gets a server of
   * its own on the shared port.
   */
  public ApiServer eventLoops(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("eventLoops must be at least 1, not " + count);
    }
    this.eventLoops = count;
    return this;
  }

  /** Starts listening; returns the bound port (useful with port 0). */
  public int start(String host, int port) {
    Router router = router();
    try {
      // Vert.x shares one listening socket among servers with the same host and port; port 0
      // would give each its own free port, a negative one makes them share one free port.
      return deploy(router, host, port == 0 ? -1 : port, eventLoops);
    } catch (Exception e) {
      Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
      throw new IllegalStateException("Could not listen on " + host + ":" + port + ": "
          + cause.getMessage(), e);
    }
  }

  /** Deploys {@code instances} servers, each on an event loop of its own; the bound port. */
  private int deploy(Router router, String host, int port, int instances) throws Exception {
    AtomicInteger bound = new AtomicInteger();
    vertx.deployVerticle(() -> new VerticleBase() {
      @Override
      public Future<?> start() {
        return vertx.createHttpServer(new HttpServerOptions().setHost(host).setPort(port))
            .requestHandler(router).listen().onSuccess(s -> {
              servers.add(s);
              bound.set(s.actualPort());
            });
      }
    }, new DeploymentOptions().setInstances(instances)).toCompletionStage()
        .toCompletableFuture().get(30, TimeUnit.SECONDS);
    return bound.get();
  }

  /** The bound port of each listening server (one per event loop; for tests). */
  List<Integer> listeningPorts() {
    List<Integer> ports = new ArrayList<>();
    for (HttpServer s : servers) {
      ports.add(s.actualPort());
    }
    return ports;
  }

  /** Stops accepting requests, lets in-flight ones finish, then stops Vert.x. */
  @Override
  public void close() {
    try {
      List<Future<Void>> stopping = new ArrayList<>();
      for (HttpServer s : servers) {
        stopping.add(s.shutdown(shutdownGraceSeconds, TimeUnit.SECONDS));
      }
      Future.all(stopping).toCompletionStage().toCompletableFuture()
          .get(shutdownGraceSeconds + 10, TimeUnit.SECONDS);
      vertx.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("Shutdown did not complete", e);
    }
  }

  private static String resource(String name) {
    try (InputStream in = ApiServer.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
