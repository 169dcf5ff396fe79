package dev.statecraft.asl.validate;

import java.util.List;

/** Builds JSON Pointers (RFC 6901) from path elements: names and array indexes. */
final class Pointers {
  private Pointers() {}

  /** {@code ["States", "A/B", "Retry", 0]} becomes {@code /States/A~1B/Retry/0}; [] is "". */
  static String of(List<Object> path) {
    StringBuilder pointer = new StringBuilder();
    for (Object element : path) {
      pointer.append('/').append(escape(String.valueOf(element)));
    }
    return pointer.toString();
  }

  /** '~' and '/' are the two characters a pointer token must escape, '~' first. */
  static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }
}
