package dev.statecraft.integrations.mock;

import dev.statecraft.asl.model.ErrorNames;
import dev.statecraft.engine.spi.TaskHandler;
import dev.statecraft.engine.spi.TaskRequest;
import dev.statecraft.engine.spi.TaskResult;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Answers Task states from a Step Functions Local mock configuration instead of calling the
 * service, so a definition written for AWS (Lambda, SQS, DynamoDB … tasks) can be tested offline.
 *
 * <p><b>Choosing the test case.</b> A {@link TaskRequest} carries the execution ARN but not the
 * state machine ARN the execution was started with, so the test case is chosen in one of two ways:
 *
 * <ul>
 *   <li>{@link #forTestCase(MockConfig, String, String)}: one test case for every execution this
 *       handler sees (a unit test running one definition);
 *   <li>{@link #of(MockConfig)} and {@link #bind(String, TestCaseArn)} per execution: whoever
 *       starts an execution with a state machine ARN ending in {@code #TestCase} (Step Functions
 *       Local's convention, see {@link TestCaseArn}) binds the new execution ARN to that test case
 *       and {@link #release(String) releases} it when the execution ends. Executions never bound
 *       are not mocked.
 * </ul>
 *
 * <p><b>Counting invocations.</b> Each (execution, state name) pair counts its invocations from
 * 0, retries included, so a response with {@code "0"} throwing and {@code "1"} returning fails
 * the first attempt and lets the Retry succeed. Iterations of a Map share the count of their
 * state, as in Step Functions Local (run such Maps with MaxConcurrency 1 for a fixed order).
 *
 * <p>A state that the test case lists answers from its response; an invocation the response has
 * no key for fails the execution with {@code States.Runtime}, as Step Functions Local fails it.
 * {@link #covers(TaskRequest)} tells a router whether to ask this handler or the real
 * integration (test cases may mock only some states).
 */
public final class MockedTaskHandler implements TaskHandler {
  private final MockConfig config;
  private final TestCase fixed;
  private final Map<String, TestCase> byExecution = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> invocations = new ConcurrentHashMap<>();

  private MockedTaskHandler(MockConfig config, TestCase fixed) {
    this.config = config;
    this.fixed = fixed;
  }

  /** A handler whose executions choose their test case through {@link #bind}. */
  public static MockedTaskHandler of(MockConfig config) {
    return new MockedTaskHandler(config, null);
  }

  /**
   * A handler that answers every execution from one test case.
   *
   * @throws dev.statecraft.integrations.config.ConfigException when the configuration has no
   *     such state machine or test case
   */
  public static MockedTaskHandler forTestCase(MockConfig config, String machineName,
      String testCase) {
    return new MockedTaskHandler(config, config.testCase(machineName, testCase));
  }

  /** The configuration this handler answers from. */
  public MockConfig config() {
    return config;
  }

  /**
   * Makes the execution answer from the test case its start ARN names.
   *
   * @throws dev.statecraft.integrations.config.ConfigException when the test case is unknown
   */
  public void bind(String executionArn, TestCaseArn selection) {
    bind(executionArn, selection.machineName(), selection.testCase());
  }

  /** Makes the execution answer from the named test case. */
  public void bind(String executionArn, String machineName, String testCase) {
    byExecution.put(executionArn, config.testCase(machineName, testCase));
  }

  /** Forgets an execution's test case and invocation counts (call when it ends). */
  public void release(String executionArn) {
    byExecution.remove(executionArn);
    invocations.keySet().removeIf(k -> k.startsWith(executionArn + '\0'));
  }

  /** The test case the execution answers from, or null. */
  public TestCase testCaseOf(String executionArn) {
    TestCase bound = byExecution.get(executionArn);
    return bound != null ? bound : fixed;
  }

  /** Whether this handler mocks the request's state in the request's execution. */
  public boolean covers(TaskRequest request) {
    TestCase c = testCaseOf(request.executionArn());
    return c != null && c.states().containsKey(request.stateName());
  }

  /** Mocks any resource: whether a state is mocked depends on the execution, see {@link #covers}. */
  @Override
  public boolean supports(String resource) {
    return true;
  }

  @Override
  public CompletionStage<TaskResult> invoke(TaskRequest request) {
    TestCase c = testCaseOf(request.executionArn());
    if (c == null || !c.states().containsKey(request.stateName())) {
      return done(TaskResult.failure(ErrorNames.TASK_FAILED, "State '" + request.stateName()
          + "' (resource '" + request.resource() + "') is not mocked"
          + (c == null ? ": the execution has no mock test case"
              : " in test case '" + c.name() + "' of state machine '" + c.machineName() + "'")));
    }
    String responseName = c.states().get(request.stateName());
    MockedResponse response = config.responses().get(responseName);
    int n = invocations.computeIfAbsent(request.executionArn() + '\0' + request.stateName(),
        k -> new AtomicInteger()).getAndIncrement();
    MockedResponse.Answer answer = response.answer(n);
    if (answer instanceof MockedResponse.Return r) {
      // A mocked callback task is answered at once, as Step Functions Local does.
      return done(request.taskToken() != null ? TaskResult.answered(r.value())
          : TaskResult.success(r.value()));
    }
    if (answer instanceof MockedResponse.Throw t) {
      return done(TaskResult.failure(t.error(), t.cause()));
    }
    return done(TaskResult.failure(ErrorNames.RUNTIME, "Mocked response '" + responseName
        + "' has no answer for invocation " + n + " of state '" + request.stateName()
        + "' (test case '" + c.name() + "'): add a \"" + n + "\" key or a range covering it"));
  }

  private static CompletionStage<TaskResult> done(TaskResult r) {
    return CompletableFuture.completedFuture(r);
  }
}
