package dev.statecraft.integrations.lambda;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Lambda function reference as lambda:invoke's {@code FunctionName} accepts it: {@code name},
 * {@code name:qualifier}, {@code 123456789012:function:name[:qualifier]} or the full ARN.
 *
 * @param name the function name
 * @param qualifier the version or alias, or null
 */
public record FunctionName(String name, String qualifier) {
  private static final Pattern FORM = Pattern.compile(
      "(?:arn:[^:]+:lambda:[^:]*:)?(?:[^:]*:function:)?(?<name>[A-Za-z0-9_\\-]+)"
          + "(?::(?<qualifier>[A-Za-z0-9_$\\-]+))?");

  /** Parses a reference; null when it has none of the accepted forms. */
  public static FunctionName parse(String reference) {
    if (reference == null) {
      return null;
    }
    Matcher m = FORM.matcher(reference.trim());
    return m.matches() ? new FunctionName(m.group("name"), m.group("qualifier")) : null;
  }

  /** The same name with another qualifier (lambda:invoke's {@code Qualifier} wins). */
  public FunctionName withQualifier(String q) {
    return q == null || q.isEmpty() ? this : new FunctionName(name, q);
  }

  /** {@code name} or {@code name:qualifier}. */
  @Override
  public String toString() {
    return qualifier == null ? name : name + ":" + qualifier;
  }
}
