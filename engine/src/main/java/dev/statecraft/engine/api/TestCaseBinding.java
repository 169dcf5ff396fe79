package dev.statecraft.engine.api;

/**
 * Where {@link StatesService} reports executions started with a state machine ARN that names a
 * mock test case, Step Functions Local's convention: {@code
 * arn:aws:states:us-east-1:123456789012:stateMachine:Orders#HappyPath} runs {@code Orders} with
 * the mocked answers of test case {@code HappyPath}. The integrations module implements it over
 * its mock configuration; the engine only strips the suffix and calls it.
 */
public interface TestCaseBinding {
  /**
   * Called before the execution's first step runs, so its first task already sees the test case.
   *
   * @throws StatesApiException when the test case cannot be used (it becomes the start's error)
   */
  void bind(String executionArn, String stateMachineName, String testCase);

  /** Called once the execution has ended (or did not start after all). */
  void release(String executionArn);
}
