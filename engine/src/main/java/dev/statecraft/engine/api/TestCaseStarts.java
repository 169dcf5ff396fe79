package dev.statecraft.engine.api;

import dev.statecraft.engine.runtime.DurableEngine;
import dev.statecraft.engine.store.ExecutionRecord;
import dev.statecraft.engine.store.StateMachineRecord;
import dev.statecraft.engine.store.TestCaseRecord;
import java.util.logging.Logger;

/**
 * Starts that name a mock test case, Step Functions Local's {@code <state machine ARN>#<TestCase>}:
 * reading the suffix, binding the execution before its first step, releasing it when it ends, and
 * keeping a Standard execution's binding in the store so a restart binds it again.
 */
final class TestCaseStarts {
  private static final Logger LOG = Logger.getLogger(TestCaseStarts.class.getName());

  private final DurableEngine engine;
  private final Arns arns;
  private volatile TestCaseBinding binding;

  TestCaseStarts(DurableEngine engine, Arns arns) {
    this.engine = engine;
    this.arns = arns;
  }

  /**
   * Takes the binding to use and binds the running Standard executions started with a test case
   * again (after a restart): call before the engine resumes them, so their next task is mocked.
   */
  void use(TestCaseBinding newBinding) {
    this.binding = newBinding;
    for (TestCaseRecord t : engine.store().executions().testCases()) {
      ExecutionRecord e = engine.store().executions().find(t.executionArn()).orElse(null);
      if (e == null || e.status().isTerminal()) {
        engine.store().executions().removeTestCase(t.executionArn());
        continue;
      }
      try {
        newBinding.bind(t.executionArn(), t.stateMachineName(), t.testCase());
      } catch (StatesApiException ex) {
        LOG.warning("Execution " + t.executionArn() + " was started with test case "
            + t.testCase() + ", which the mock configuration no longer has: " + ex.getMessage());
        continue;
      }
      engine.whenFinished(t.executionArn())
          .whenComplete((r, x) -> release(t.executionArn(), t.testCase()));
    }
  }

  /** The test case named after '#' in a state machine ARN, or null. */
  String testCase(String stateMachineArn) {
    int hash = stateMachineArn == null ? -1 : stateMachineArn.indexOf('#');
    if (hash < 0) {
      return null;
    }
    String testCase = stateMachineArn.substring(hash + 1);
    if (testCase.isEmpty() || binding == null) {
      // Without a mock configuration a '#' can only be a mistake in the ARN.
      throw new StatesApiException.InvalidArn(stateMachineArn);
    }
    return testCase;
  }

  static String withoutTestCase(String stateMachineArn) {
    int hash = stateMachineArn == null ? -1 : stateMachineArn.indexOf('#');
    return hash < 0 ? stateMachineArn : stateMachineArn.substring(0, hash);
  }

  /**
   * Binds an execution about to start to its test case (no effect without one). A Standard
   * execution's binding is also stored, unless the name is taken (the start will not create it).
   */
  void bind(String executionArn, StateMachineRecord machine, String testCase) {
    if (testCase == null) {
      return;
    }
    binding.bind(executionArn, machine.name(), testCase);
    if (arns.isStandardExecution(executionArn)
        && engine.store().executions().find(executionArn).isEmpty()) {
      engine.store().executions().saveTestCase(
          new TestCaseRecord(executionArn, machine.name(), testCase));
    }
  }

  /** Releases a started Standard execution's binding once it ends. */
  void releaseWhenFinished(String executionArn, String testCase) {
    if (testCase != null) {
      engine.whenFinished(executionArn).whenComplete((r, e) -> release(executionArn, testCase));
    }
  }

  /** The execution ended (or did not start after all): its tasks are no longer mocked. */
  void release(String executionArn, String testCase) {
    if (testCase == null) {
      return;
    }
    binding.release(executionArn);
    if (arns.isStandardExecution(executionArn)) {
      engine.store().executions().removeTestCase(executionArn);
    }
  }
}
