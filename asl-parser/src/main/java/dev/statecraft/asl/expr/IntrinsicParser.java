package dev.statecraft.asl.expr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses ASL intrinsic function expressions such as
 * {@code States.Format('Hello {}', States.ArrayGetItem($.names, 0))} into an immutable
 * {@link IntrinsicCall} tree.
 *
 * <p>Grammar: {@code call := 'States.' NAME '(' [arg (',' arg)*] ')'}, where an argument is a
 * single-quoted string (escapes {@code \'}, {@code \{}, {@code \}}, {@code \\}), a JSON number,
 * {@code true}, {@code false}, {@code null}, a path ({@code $...}, {@code $$...}, {@code $var...})
 * or a nested call. Whitespace between tokens is ignored.
 *
 * <p>Parse once, when the definition is loaded: evaluation never reparses.
 */
public final class IntrinsicParser {

  private static final Pattern LOOKS_LIKE = Pattern.compile("^States\\.[A-Za-z][A-Za-z0-9]*\\s*\\(");
  private static final Pattern NAME = Pattern.compile("States\\.[A-Za-z][A-Za-z0-9]*");
  private static final Pattern NUMBER =
      Pattern.compile("-?(?:0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final String text;
  private int pos;

  private IntrinsicParser(String text) {
    this.text = text;
  }

  /**
   * True when the string has the shape of an intrinsic call ({@code States.<name>(}...). Fields
   * ending in {@code .$} use this to tell an intrinsic from a path.
   */
  public static boolean looksLikeIntrinsic(String s) {
    return s != null && LOOKS_LIKE.matcher(s).find();
  }

  /**
   * Parses an intrinsic function expression.
   *
   * @throws IllegalArgumentException on bad syntax, an unknown function or a wrong argument count;
   *     the message names the function and/or the (0-based) character position
   */
  public static IntrinsicCall parse(String expression) {
    if (expression == null) {
      throw new IllegalArgumentException("intrinsic function expression is null");
    }
    IntrinsicParser p = new IntrinsicParser(expression);
    p.skipSpace();
    if (!p.text.startsWith("States.", p.pos)) {
      throw p.error("expected an intrinsic function call starting with 'States.'");
    }
    IntrinsicCall call = p.call();
    p.skipSpace();
    if (p.pos != p.text.length()) {
      throw p.error("unexpected text after the end of the call");
    }
    return call;
  }

  private IntrinsicCall call() {
    int start = pos;
    Matcher m = NAME.matcher(text).region(pos, text.length());
    if (!m.lookingAt()) {
      throw error("expected a function name after 'States.'");
    }
    String name = m.group();
    IntrinsicFunction function =
        IntrinsicFunction.byName(name)
            .orElseThrow(() -> error(start, "unknown intrinsic function '" + name + "'"));
    pos = m.end();
    skipSpace();
    expect('(', "'(' after " + name);
    List<IntrinsicArg> args = new ArrayList<>();
    skipSpace();
    if (peek() == ')') {
      pos++;
    } else {
      while (true) {
        args.add(argument(name));
        skipSpace();
        char c = peek();
        if (c == ',') {
          pos++;
        } else if (c == ')') {
          pos++;
          break;
        } else {
          throw error("expected ',' or ')' in the arguments of " + name);
        }
      }
    }
    if (args.size() < function.minArgs() || args.size() > function.maxArgs()) {
      throw error(
          start,
          name + " takes " + function.arity() + " but " + args.size()
              + (args.size() == 1 ? " was" : " were") + " given");
    }
    return new IntrinsicCall(name, args);
  }

  private IntrinsicArg argument(String function) {
    skipSpace();
    char c = peek();
    if (c == '\'') {
      return new IntrinsicArg.Literal(NODES.textNode(string()));
    }
    if (c == '$') {
      return path();
    }
    if (text.startsWith("States.", pos)) {
      return call();
    }
    if (c == '-' || (c >= '0' && c <= '9')) {
      return number();
    }
    for (String word : new String[] {"true", "false", "null"}) {
      if (text.startsWith(word, pos) && !isWordChar(charAt(pos + word.length()))) {
        pos += word.length();
        JsonNode value =
            switch (word) {
              case "true" -> NODES.booleanNode(true);
              case "false" -> NODES.booleanNode(false);
              default -> NODES.nullNode();
            };
        return new IntrinsicArg.Literal(value);
      }
    }
    if (c == 0) {
      throw error("unexpected end of expression in the arguments of " + function);
    }
    throw error("unexpected character '" + c + "' in the arguments of " + function);
  }

  /** A single-quoted string with the four ASL escapes; any other backslash is an error. */
  private String string() {
    int start = pos;
    pos++; // opening quote
    StringBuilder out = new StringBuilder();
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == '\'') {
        pos++;
        return out.toString();
      }
      if (c == '\\') {
        char next = charAt(pos + 1);
        if (next == '\'' || next == '{' || next == '}' || next == '\\') {
          out.append(next);
          pos += 2;
          continue;
        }
        // AWS: "If an open escape backslash \ is found in the intrinsic invocation string, the
        // interpreter will throw a runtime error" -- we reject it when the definition loads.
        throw error("invalid escape sequence '\\" + (next == 0 ? "" : String.valueOf(next))
            + "' in a string literal (allowed: \\' \\{ \\} \\\\)");
      }
      out.append(c);
      pos++;
    }
    throw error(start, "unterminated string literal");
  }

  /**
   * A path runs until a ',' or ')' (or whitespace) outside brackets, so filters such as
   * {@code $.a[?(@.b == 'x, y')]} keep their commas, parentheses and quotes.
   */
  private IntrinsicArg path() {
    int start = pos;
    int brackets = 0;
    int parens = 0;
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (brackets > 0 && (c == '\'' || c == '"')) {
        skipQuoted(c);
        continue;
      }
      if (c == '[') {
        brackets++;
      } else if (c == ']') {
        if (brackets == 0) {
          throw error("unbalanced ']' in path");
        }
        brackets--;
      } else if (brackets > 0 && c == '(') {
        parens++;
      } else if (brackets > 0 && c == ')') {
        parens--;
      } else if (brackets == 0 && (c == ',' || c == ')' || Character.isWhitespace(c))) {
        break;
      }
      pos++;
    }
    if (brackets != 0 || parens != 0) {
      throw error(start, "unbalanced brackets in path '" + text.substring(start, pos) + "'");
    }
    String pathText = text.substring(start, pos);
    try {
      return new IntrinsicArg.PathArg(PathExpr.compile(pathText));
    } catch (IllegalArgumentException e) {
      throw error(start, "invalid path '" + pathText + "': " + e.getMessage());
    }
  }

  private void skipQuoted(char quote) {
    int start = pos;
    pos++;
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == '\\') {
        pos += 2;
        continue;
      }
      pos++;
      if (c == quote) {
        return;
      }
    }
    throw error(start, "unterminated quote in path");
  }

  private IntrinsicArg number() {
    int start = pos;
    Matcher m = NUMBER.matcher(text).region(pos, text.length());
    if (!m.lookingAt() || isWordChar(charAt(m.end())) || charAt(m.end()) == '.') {
      throw error(start, "invalid number");
    }
    String token = m.group();
    pos = m.end();
    JsonNode value;
    if (m.group(1) == null && m.group(2) == null) {
      // Integers stay integers, in the smallest node that holds them.
      BigInteger big = new BigInteger(token);
      if (big.bitLength() < 32) {
        value = NODES.numberNode(big.intValue());
      } else if (big.bitLength() < 64) {
        value = NODES.numberNode(big.longValue());
      } else {
        value = NODES.numberNode(big);
      }
    } else {
      // Decimals become doubles, as Jackson reads them from a state's JSON input.
      value = NODES.numberNode(new BigDecimal(token).doubleValue());
    }
    return new IntrinsicArg.Literal(value);
  }

  /**
   * Writes a string back as the inside of an ASL string literal. Braces stay bare: that is how
   * definitions usually write Format templates, and the text is only quoted in error causes.
   */
  static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\'' || c == '\\') {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  private void expect(char c, String what) {
    if (peek() != c) {
      throw error("expected " + what);
    }
    pos++;
  }

  private void skipSpace() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private char peek() {
    return charAt(pos);
  }

  private char charAt(int i) {
    return i < text.length() ? text.charAt(i) : 0;
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  private IllegalArgumentException error(String message) {
    return error(pos, message);
  }

  private IllegalArgumentException error(int at, String message) {
    return new IllegalArgumentException(
        "Invalid intrinsic function expression at position " + at + ": " + message + " in \""
            + text + "\"");
  }
}
