package dev.statecraft.integrations;

import dev.statecraft.engine.spi.TaskRequest;
import java.util.Optional;

/** The cause for a Task whose Resource no integration runs: what it is and how to configure it. */
final class Unconfigured {
  private static final String MOCK_HINT = " To test a definition written for AWS, mock the state:"
      + " name a Step Functions Local mock configuration under 'mocks:' in statecraft.yaml and"
      + " start the execution with '<state machine ARN>#<TestCase>'.";

  private Unconfigured() {}

  static String cause(TaskRequest request) {
    String resource = request.resource();
    String state = "state '" + request.stateName() + "'";
    Optional<ResourceArn> parsed = ResourceArn.parse(resource);
    if (parsed.isEmpty()) {
      return "The resource '" + resource + "' of " + state + " is not an ARN Statecraft can run"
          + " (expected arn:aws:states:::SERVICE:ACTION, arn:aws:lambda:REGION:ACCOUNT:function:NAME"
          + " or arn:aws:states:REGION:ACCOUNT:activity:NAME)." + MOCK_HINT;
    }
    ResourceArn arn = parsed.get();
    if (arn.kind() == ResourceArn.Kind.ACTIVITY) {
      return "Activity '" + arn.name() + "' (" + state + ") is run by activity workers"
          + " (GetActivityTask), which the in-memory runner does not offer: run it on the server."
          + MOCK_HINT;
    }
    if (arn.pattern() != IntegrationPattern.REQUEST_RESPONSE
        && (arn.service().equals("lambda") || arn.service().equals("http"))) {
      return "The " + arn.pattern().suffix() + " pattern of '" + resource + "' (" + state
          + ") needs job tracking, which this runtime does not offer yet; the"
          + " request-response form '" + resource.substring(0, resource.length()
              - arn.pattern().suffix().length() - (arn.patternVersion() == null ? 0
              : arn.patternVersion().length() + 1))
          + "' is supported." + MOCK_HINT;
    }
    return "No integration is configured for resource '" + resource + "' (" + state + ")."
        + " Statecraft runs arn:aws:states:::http:invoke (settings under 'http:' in"
        + " statecraft.yaml) and Lambda functions (arn:aws:lambda:…:function:NAME and"
        + " arn:aws:states:::lambda:invoke, mapped under 'functions:' or registered as a"
        + " TaskFunction through ServiceLoader); other services ('" + arn.service()
        + "') must be mocked." + MOCK_HINT;
  }
}
