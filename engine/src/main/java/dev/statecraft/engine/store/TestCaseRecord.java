package dev.statecraft.engine.store;

/**
 * A Standard execution bound to a mock test case (started as {@code <state machine ARN>#<TestCase>}).
 *
 * @param executionArn the execution
 * @param stateMachineName its state machine's name (the mock configuration's key)
 * @param testCase the test case's name
 */
public record TestCaseRecord(String executionArn, String stateMachineName, String testCase) {}
