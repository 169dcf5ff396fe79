package dev.statecraft.integrations;

import dev.statecraft.asl.model.ErrorNames;
import dev.statecraft.engine.api.StatesService;
import dev.statecraft.engine.spi.TaskHandler;
import dev.statecraft.engine.spi.TaskRequest;
import dev.statecraft.engine.spi.TaskResult;
import dev.statecraft.integrations.config.StatecraftConfig;
import dev.statecraft.integrations.http.HttpTaskHandler;
import dev.statecraft.integrations.lambda.LambdaTaskHandler;
import dev.statecraft.integrations.lambda.LocalFunctions;
import dev.statecraft.integrations.mock.MockConfig;
import dev.statecraft.integrations.mock.MockTestCases;
import dev.statecraft.integrations.mock.MockedTaskHandler;
import dev.statecraft.integrations.sfn.StartExecutionHandler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Every integration of a configuration behind one {@link TaskHandler}: a mocked state answers
 * from the mock configuration, anything else goes to the first handler that supports its Resource
 * (HTTP tasks, Lambda functions). It never throws and never leaves a task hanging past its
 * TimeoutSeconds:
 *
 * <ul>
 *   <li>a Resource no handler supports fails with {@code States.TaskFailed} and a cause that
 *       names the Resource and how to configure it;
 *   <li>a handler that throws or completes exceptionally fails the task with {@code
 *       States.TaskFailed};
 *   <li>a task with TimeoutSeconds fails with {@code States.Timeout} when its handler has not
 *       answered in time.
 * </ul>
 *
 * <p>Build it with {@link #create(StatecraftConfig, Vertx)} (shares the caller's Vert.x) or
 * {@link #create(StatecraftConfig)} (owns one); {@link #close()} releases what it owns.
 */
public final class TaskHandlers implements TaskHandler, AutoCloseable {
  private final List<TaskHandler> handlers;
  private final MockedTaskHandler mocks;
  private final List<AutoCloseable> owned;
  private final StartExecutionHandler nested = new StartExecutionHandler();

  private TaskHandlers(List<TaskHandler> handlers, MockedTaskHandler mocks,
      List<AutoCloseable> owned) {
    List<TaskHandler> all = new ArrayList<>(handlers);
    all.add(nested);
    this.handlers = List.copyOf(all);
    this.mocks = mocks;
    this.owned = List.copyOf(owned);
  }

  /**
   * Routes over the given handlers, with optional mocks in front; owns nothing.
   *
   * @param handlers tried in order
   * @param mocks answers mocked states first, or null
   */
  public static TaskHandlers of(List<TaskHandler> handlers, MockedTaskHandler mocks) {
    return new TaskHandlers(handlers, mocks, List.of());
  }

  /**
   * The standard integrations of a configuration on the caller's Vert.x, which stays the
   * caller's to close. Java functions are found through the thread's context class loader.
   *
   * @throws dev.statecraft.integrations.config.ConfigException when the configuration names a
   *     function or mock file that cannot be used
   */
  public static TaskHandlers create(StatecraftConfig config, Vertx vertx) {
    return create(config, vertx, List.of());
  }

  /** Like {@link #create(StatecraftConfig, Vertx)} with a Vert.x of its own, closed on close. */
  public static TaskHandlers create(StatecraftConfig config) {
    Vertx vertx = Vertx.vertx();
    try {
      return create(config, vertx, List.of(() -> await(vertx.close().toCompletionStage())));
    } catch (RuntimeException e) {
      vertx.close();
      throw e;
    }
  }

  private static TaskHandlers create(StatecraftConfig config, Vertx vertx,
      List<AutoCloseable> alsoOwned) {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    LocalFunctions functions = LocalFunctions.load(config.functions(), loader);
    MockedTaskHandler mocks = null;
    if (config.mocks() != null) {
      try {
        mocks = MockedTaskHandler.of(MockConfig.read(config.mocks()));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the mock configuration " + config.mocks(), e);
      }
    }
    WebClient client = WebClient.create(vertx);
    // Blocking Java functions run on Vert.x's worker pool, never on the caller's thread.
    Executor worker = command -> vertx.executeBlocking(() -> {
      command.run();
      return null;
    }, false);
    List<AutoCloseable> owned = new ArrayList<>();
    owned.add(client::close);
    owned.addAll(alsoOwned);
    return new TaskHandlers(List.of(new HttpTaskHandler(client, config.http()),
        new LambdaTaskHandler(functions, client, worker)), mocks, owned);
  }

  /**
   * Connects the integrations that need the Step Functions API (nested executions) and, with a
   * mock configuration, lets {@code <state machine ARN>#<TestCase>} starts select a test case.
   * Call once the service over these handlers exists.
   */
  public TaskHandlers connect(StatesService service) {
    nested.connect(service);
    if (mocks != null) {
      service.useTestCases(new MockTestCases(mocks));
    }
    return this;
  }

  /** The mock handler, to bind executions to test cases; empty without a mock configuration. */
  public Optional<MockedTaskHandler> mocks() {
    return Optional.ofNullable(mocks);
  }

  /** Always: an unsupported Resource is answered with a helpful failure, not refused. */
  /**
   * Every resource, so that an unconfigured one fails with a cause that says how to configure
   * it — except a {@code .waitForTaskToken} task nothing here can send (no handler, no mocks):
   * declining it lets the durable engine park the task until SendTaskSuccess/Failure.
   */
  @Override
  public boolean supports(String resource) {
    if (mocks == null && ResourceArn.parse(resource)
        .map(r -> r.pattern() == IntegrationPattern.WAIT_FOR_TASK_TOKEN).orElse(false)) {
      for (TaskHandler h : handlers) {
        if (h.supports(resource)) {
          return true;
        }
      }
      return false;
    }
    return true;
  }

  @Override
  public CompletionStage<TaskResult> invoke(TaskRequest request) {
    CompletableFuture<TaskResult> source;
    try {
      source = route(request).toCompletableFuture();
    } catch (RuntimeException e) {
      return CompletableFuture.completedFuture(crashed(request, e));
    }
    CompletableFuture<TaskResult> result = source;
    if (request.timeoutSeconds() != null) {
      // copy(): never complete the handler's own future from here.
      result = result.copy().orTimeout(request.timeoutSeconds(), TimeUnit.SECONDS);
    }
    CompletableFuture<TaskResult> answer = result.handle((r, error) -> {
      if (error == null) {
        return r != null ? r : TaskResult.failure(ErrorNames.TASK_FAILED, "The integration for"
            + " resource '" + request.resource() + "' answered with no result");
      }
      Throwable e = error instanceof CompletionException && error.getCause() != null
          ? error.getCause() : error;
      if (e instanceof TimeoutException) {
        return TaskResult.failure(ErrorNames.TIMEOUT, "State '" + request.stateName()
            + "' did not finish within its TimeoutSeconds (" + request.timeoutSeconds() + " s)");
      }
      return crashed(request, e);
    });
    // The engine cancels a task it no longer waits for; let the handler hear of it.
    answer.whenComplete((r, e) -> {
      if (answer.isCancelled()) {
        source.cancel(true);
      }
    });
    return answer;
  }

  private CompletionStage<TaskResult> route(TaskRequest request) {
    if (mocks != null && mocks.covers(request)) {
      return mocks.invoke(request);
    }
    for (TaskHandler h : handlers) {
      if (h.supports(request.resource())) {
        return h.invoke(request);
      }
    }
    return CompletableFuture.completedFuture(
        TaskResult.failure(ErrorNames.TASK_FAILED, Unconfigured.cause(request)));
  }

  private static TaskResult crashed(TaskRequest request, Throwable e) {
    return TaskResult.failure(ErrorNames.TASK_FAILED, "The integration for resource '"
        + request.resource() + "' failed: " + e);
  }

  /** Closes what this object owns (its web client, and its Vert.x when it made one). */
  @Override
  public void close() {
    RuntimeException first = null;
    for (AutoCloseable c : owned) {
      try {
        c.close();
      } catch (Exception e) {
        if (first == null) {
          first = new IllegalStateException("closing the integrations failed", e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }

  private static void await(CompletionStage<?> stage) throws Exception {
    stage.toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
