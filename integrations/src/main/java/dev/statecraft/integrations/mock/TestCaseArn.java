package dev.statecraft.integrations.mock;

import java.util.Optional;

/**
 * A state machine ARN that selects a mock test case the way Step Functions Local does: {@code
 * arn:aws:states:us-east-1:123456789012:stateMachine:LambdaSQSIntegration#HappyPath} starts an
 * execution of {@code LambdaSQSIntegration} whose mocked states answer from test case {@code
 * HappyPath}.
 *
 * @param stateMachineArn the ARN without the {@code #TestCase} suffix
 * @param machineName the state machine's name
 * @param testCase the test case's name
 */
public record TestCaseArn(String stateMachineArn, String machineName, String testCase) {
  private static final String MARKER = ":stateMachine:";

  /** Splits an ARN with a {@code #TestCase} suffix; empty when it has none. */
  public static Optional<TestCaseArn> parse(String arn) {
    if (arn == null) {
      return Optional.empty();
    }
    int hash = arn.lastIndexOf('#');
    int at = arn.indexOf(MARKER);
    if (hash < 0 || at < 0 || hash < at || hash == arn.length() - 1) {
      return Optional.empty();
    }
    String base = arn.substring(0, hash);
    String name = base.substring(at + MARKER.length());
    int colon = name.indexOf(':'); // a version or alias qualifier after the name
    if (colon >= 0) {
      name = name.substring(0, colon);
    }
    return name.isEmpty() ? Optional.empty()
        : Optional.of(new TestCaseArn(base, name, arn.substring(hash + 1)));
  }
}
