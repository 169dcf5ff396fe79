package dev.statecraft.integrations.mock;

import dev.statecraft.engine.api.StatesApiException;
import dev.statecraft.engine.api.TestCaseBinding;
import dev.statecraft.integrations.config.ConfigException;

/**
 * Connects {@link dev.statecraft.engine.api.StatesService}'s {@code #TestCase} starts to a
 * {@link MockedTaskHandler}: the new execution answers from that test case until it ends. A test
 * case the mock configuration does not have refuses the start with ValidationException.
 */
public final class MockTestCases implements TestCaseBinding {
  private final MockedTaskHandler mocks;

  public MockTestCases(MockedTaskHandler mocks) {
    this.mocks = mocks;
  }

  @Override
  public void bind(String executionArn, String stateMachineName, String testCase) {
    try {
      mocks.bind(executionArn, stateMachineName, testCase);
    } catch (ConfigException e) {
      throw new StatesApiException.ValidationException(e.getMessage());
    }
  }

  @Override
  public void release(String executionArn) {
    mocks.release(executionArn);
  }
}
