package dev.statecraft.asl.expr;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * ASL timestamps: RFC 3339 with an uppercase {@code T} between date and time and an uppercase
 * {@code Z} when there is no numeric offset, as the ASL specification requires.
 */
public final class AslTimestamp {
  private AslTimestamp() {}

  private static final Pattern SHAPE =
      Pattern.compile(
          "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})");

  /** The instant, or null when the text is not an ASL timestamp. */
  public static Instant parse(String text) {
    if (text == null || !SHAPE.matcher(text).matches()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  public static boolean isValid(String text) {
    return parse(text) != null;
  }
}
