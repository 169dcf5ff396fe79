package dev.statecraft.integrations;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Task's Resource ARN split into what the handlers route on.
 *
 * <ul>
 *   <li>{@link Kind#SERVICE_INTEGRATION}: {@code arn:aws:states:::lambda:invoke.waitForTaskToken}
 *       → service {@code lambda}, action {@code invoke}, pattern WAIT_FOR_TASK_TOKEN; {@code
 *       arn:aws:states:::aws-sdk:dynamodb:putItem} → service {@code aws-sdk}, action {@code
 *       dynamodb:putItem}; {@code .sync:2} → pattern SYNC, version {@code 2}.
 *   <li>{@link Kind#LAMBDA_FUNCTION}: {@code arn:aws:lambda:REGION:ACCOUNT:function:NAME[:QUALIFIER]}.
 *   <li>{@link Kind#ACTIVITY}: {@code arn:aws:states:REGION:ACCOUNT:activity:NAME}.
 * </ul>
 *
 * @param raw the Resource as written
 * @param kind what the ARN names
 * @param region the region ("" for service integrations, which have none)
 * @param account the account ("" for service integrations)
 * @param service the integrated service ({@code lambda}, {@code http}, {@code sqs}, {@code aws-sdk}
 *     …), or {@code lambda} / {@code states} for function and activity ARNs
 * @param action the API action ({@code invoke}, {@code sendMessage}, {@code dynamodb:putItem}),
 *     or null for function and activity ARNs
 * @param pattern the integration pattern
 * @param patternVersion the version after {@code .sync:} (e.g. "2"), else null
 * @param name the function or activity name, else null
 * @param qualifier the function version or alias in a function ARN, else null
 */
public record ResourceArn(
    String raw,
    Kind kind,
    String region,
    String account,
    String service,
    String action,
    IntegrationPattern pattern,
    String patternVersion,
    String name,
    String qualifier) {

  /** What a Resource ARN names. */
  public enum Kind {
    SERVICE_INTEGRATION,
    LAMBDA_FUNCTION,
    ACTIVITY
  }

  private static final Pattern INTEGRATION =
      Pattern.compile("arn:[^:]+:states:::(?<body>.+?)"
          + "(?:\\.(?<pattern>sync|waitForTaskToken)(?::(?<version>\\d+))?)?");
  private static final Pattern FUNCTION =
      Pattern.compile("arn:[^:]+:lambda:(?<region>[^:]*):(?<account>[^:]*):function:"
          + "(?<name>[^:]+)(?::(?<qualifier>[^:]+))?");
  private static final Pattern ACTIVITY =
      Pattern.compile("arn:[^:]+:states:(?<region>[^:]+):(?<account>[^:]+):activity:(?<name>.+)");

  /** Parses a Resource; empty when it is none of the three known shapes. */
  public static Optional<ResourceArn> parse(String resource) {
    if (resource == null) {
      return Optional.empty();
    }
    Matcher m = INTEGRATION.matcher(resource);
    if (m.matches()) {
      String body = m.group("body");
      int colon = body.indexOf(':');
      if (colon <= 0 || colon == body.length() - 1) {
        return Optional.empty();
      }
      return Optional.of(new ResourceArn(resource, Kind.SERVICE_INTEGRATION, "", "",
          body.substring(0, colon), body.substring(colon + 1), pattern(m.group("pattern")),
          m.group("version"), null, null));
    }
    m = FUNCTION.matcher(resource);
    if (m.matches()) {
      return Optional.of(new ResourceArn(resource, Kind.LAMBDA_FUNCTION, m.group("region"),
          m.group("account"), "lambda", null, IntegrationPattern.REQUEST_RESPONSE, null,
          m.group("name"), m.group("qualifier")));
    }
    m = ACTIVITY.matcher(resource);
    if (m.matches()) {
      return Optional.of(new ResourceArn(resource, Kind.ACTIVITY, m.group("region"),
          m.group("account"), "states", null, IntegrationPattern.WAIT_FOR_TASK_TOKEN, null,
          m.group("name"), null));
    }
    return Optional.empty();
  }

  /** True for the service integration {@code service:action} (any pattern). */
  public boolean isIntegration(String service, String action) {
    return kind == Kind.SERVICE_INTEGRATION && service.equals(this.service)
        && action.equals(this.action);
  }

  private static IntegrationPattern pattern(String suffix) {
    if (suffix == null) {
      return IntegrationPattern.REQUEST_RESPONSE;
    }
    return "sync".equals(suffix) ? IntegrationPattern.SYNC : IntegrationPattern.WAIT_FOR_TASK_TOKEN;
  }
}
