package dev.statecraft.engine.core.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

/** States.Format and States.StringSplit. */
final class StringIntrinsics {
  private static final String PLACEHOLDER = "{}";

  private StringIntrinsics() {}

  /** Replaces each {@code {}} in the template with the next argument's text. */
  static JsonNode format(Args args) {
    String template = args.string(0);
    int placeholders = count(template);
    int values = args.size() - 1;
    if (placeholders != values) {
      throw args.fail(
          "The format string '" + template + "' has " + placeholders + " placeholder"
              + (placeholders == 1 ? "" : "s") + " '{}' but " + values + " value"
              + (values == 1 ? " was" : "s were") + " given");
    }
    StringBuilder out = new StringBuilder();
    int from = 0;
    for (int i = 1; i < args.size(); i++) {
      int at = template.indexOf(PLACEHOLDER, from);
      out.append(template, from, at).append(JsonValues.formatText(args.get(i)));
      from = at + PLACEHOLDER.length();
    }
    return JsonValues.NODES.textNode(out.append(template.substring(from)).toString());
  }

  /**
   * Splits on every character of the delimiter string (AWS: ".+,=" splits on each of the four)
   * and drops empty pieces (AWS: ",,,," gives []).
   */
  static JsonNode split(Args args) {
    String text = args.string(0);
    String delimiters = args.string(1);
    ArrayNode out = JsonValues.NODES.arrayNode();
    StringBuilder piece = new StringBuilder();
    text.codePoints()
        .forEach(
            cp -> {
              if (delimiters.indexOf(cp) >= 0) {
                flush(piece, out);
              } else {
                piece.appendCodePoint(cp);
              }
            });
    flush(piece, out);
    return out;
  }

  private static void flush(StringBuilder piece, ArrayNode out) {
    if (piece.length() > 0) {
      out.add(piece.toString());
      piece.setLength(0);
    }
  }

  private static int count(String template) {
    int n = 0;
    for (int at = template.indexOf(PLACEHOLDER); at >= 0; at = template.indexOf(PLACEHOLDER, at + 2)) {
      n++;
    }
    return n;
  }
}
