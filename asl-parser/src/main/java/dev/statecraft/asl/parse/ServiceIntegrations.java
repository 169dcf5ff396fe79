package dev.statecraft.asl.parse;

import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service integrations AWS recognises in a Task's {@code Resource}, as far as we know them for
 * certain. AWS refuses a definition whose {@code arn:aws:states:::} resource it does not recognise
 * ("The resource provided ... is not recognized"), but it adds integrations often, so this only
 * judges what the documentation pins down and accepts everything else:
 *
 * <ul>
 *   <li>AWS SDK integrations ({@code aws-sdk:service:action}) support the request-response and
 *       {@code .waitForTaskToken} patterns, never {@code .sync};
 *   <li>a few optimized integrations have a closed list of actions and patterns (DynamoDB's four
 *       item actions, request-response only; Lambda, SNS, SQS, EventBridge and API Gateway with
 *       their one action each, request-response or {@code .waitForTaskToken}).
 * </ul>
 *
 * Services not listed here, and their actions, are never refused.
 */
final class ServiceIntegrations {
  private ServiceIntegrations() {}

  private static final String WAIT_FOR_TASK_TOKEN = "waitForTaskToken";

  /** {@code arn:<partition>:states:::<service>:<action>[.<pattern>]}. */
  private static final Pattern INTEGRATION =
      Pattern.compile("arn:[a-z-]+:states:::([a-zA-Z0-9-]+):(.+)");

  private record Integration(Set<String> actions, Set<String> patterns) {}

  // From "Optimized integrations for Step Functions" (supported APIs of each service and the
  // integration pattern table: DynamoDB supports request-response only; Lambda, SNS, SQS,
  // EventBridge and API Gateway add Wait for Callback but not Run a Job).
  private static final Map<String, Integration> KNOWN = Map.of(
      "dynamodb", new Integration(Set.of("getItem", "putItem", "updateItem", "deleteItem"),
          Set.of()),
      "lambda", new Integration(Set.of("invoke"), Set.of(WAIT_FOR_TASK_TOKEN)),
      "sns", new Integration(Set.of("publish"), Set.of(WAIT_FOR_TASK_TOKEN)),
      "sqs", new Integration(Set.of("sendMessage"), Set.of(WAIT_FOR_TASK_TOKEN)),
      "events", new Integration(Set.of("putEvents"), Set.of(WAIT_FOR_TASK_TOKEN)),
      "apigateway", new Integration(Set.of("invoke"), Set.of(WAIT_FOR_TASK_TOKEN)));

  /**
   * Why AWS does not recognise this resource, or null when it does or we cannot tell.
   *
   * @param resource a Task's {@code Resource}, already known to have ARN syntax
   */
  static String problem(String resource) {
    Matcher m = INTEGRATION.matcher(resource);
    if (!m.matches()) {
      return null; // a Lambda function, an activity, or another service's own ARN
    }
    String service = m.group(1);
    String rest = m.group(2);
    if (service.equals("aws-sdk")) {
      int dot = rest.indexOf('.');
      if (dot >= 0 && !rest.substring(dot + 1).equals(WAIT_FOR_TASK_TOKEN)) {
        return "AWS SDK integrations support only the request-response and"
            + " '.waitForTaskToken' patterns, not '" + rest.substring(dot) + "'";
      }
      return null;
    }
    Integration known = KNOWN.get(service);
    if (known == null) {
      return null;
    }
    int dot = rest.indexOf('.');
    String action = dot < 0 ? rest : rest.substring(0, dot);
    if (!known.actions().contains(action)) {
      return "the optimized '" + service + "' integration has no action '" + action
          + "' (supported: " + String.join(", ", known.actions().stream().sorted().toList())
          + "); other APIs are called through arn:aws:states:::aws-sdk:" + service + ":<action>";
    }
    if (dot >= 0 && !known.patterns().contains(rest.substring(dot + 1))) {
      return "the optimized '" + service + ":" + action + "' integration does not support the '"
          + rest.substring(dot) + "' pattern";
    }
    return null;
  }
}
