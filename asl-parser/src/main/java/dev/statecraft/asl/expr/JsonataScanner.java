package dev.statecraft.asl.expr;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A light lexical pass over a JSONata expression (already compiled, so known to be well formed).
 * It finds the {@code $name} references and the bare field names or lone {@code $}/{@code $$}
 * used at the top level, which AWS does not support in Step Functions.
 *
 * <p>It is a tokenizer only, not a parser: string literals, backtick names, comments and regex
 * literals are skipped so their contents are never mistaken for references. A {@code /} starts a
 * regex exactly where JSONata's own tokenizer says so: where an operand is expected.
 */
final class JsonataScanner {

  /** Names that JSONata reads as operators or literals, never as field references. */
  private static final Set<String> KEYWORDS = Set.of("and", "or", "in", "true", "false", "null");

  private final String src;
  private int pos;
  private int depth;
  /** True when the next token is in operand position (start, after an operator or opener). */
  private boolean expectOperand = true;
  /** True right after a '.': the next name is a path step, not a top-level field reference. */
  private boolean pathStep;

  /**
   * The open transforms ({@code | pattern | update [, delete] |}): for each, the bars seen so far.
   * Their pattern and update read the object being transformed, not the input document, so they
   * count as nested like brackets do.
   */
  private final Deque<int[]> transforms = new ArrayDeque<>();

  private final Set<String> variables = new LinkedHashSet<>();
  private String unsupported;

  private JsonataScanner(String src) {
    this.src = src;
  }

  static JsonataScanner scan(String expression) {
    JsonataScanner s = new JsonataScanner(expression);
    s.run();
    return s;
  }

  /** Every {@code $name} referenced, without the {@code $} (a superset of workflow variables). */
  Set<String> variables() {
    return variables;
  }

  /** The first unsupported top-level reference found, as written, or null. */
  String unsupported() {
    return unsupported;
  }

  private void run() {
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (Character.isWhitespace(c)) {
        pos++;
        continue;
      }
      boolean afterDot = pathStep;
      if (c == '/' && next(1) == '*') {
        int end = src.indexOf("*/", pos + 2);
        pos = end < 0 ? src.length() : end + 2;
        continue; // a comment keeps the state it interrupts
      }
      if (c == '"' || c == '\'') {
        skipQuoted(c);
        operand();
      } else if (c == '`') {
        int start = pos;
        int end = src.indexOf('`', pos + 1);
        pos = end < 0 ? src.length() : end + 1;
        if (depth == 0 && expectOperand && !pathStep) {
          flag(src.substring(start, pos)); // a quoted field name
        }
        operand();
      } else if (c == '/' && expectOperand) {
        skipRegex();
        operand();
      } else if (c == '$') {
        variable();
      } else if (Character.isDigit(c)) {
        while (pos < src.length() && isNumberChar(src.charAt(pos))) {
          pos++;
        }
        operand();
      } else if (isNameStart(c)) {
        name();
      } else {
        punctuation(c);
      }
      if (afterDot) {
        pathStep = false;
      }
    }
  }

  private void variable() {
    int start = pos++;
    if (next(0) == '$') {
      pos++; // "$$": the root of the input document
    } else {
      while (pos < src.length() && isNameChar(src.charAt(pos))) {
        pos++;
      }
    }
    String token = src.substring(start, pos);
    if (token.length() > 1 && !token.equals("$$")) {
      variables.add(token.substring(1));
    } else if (depth == 0 && expectOperand && !pathStep) {
      // A lone "$" or "$$" at the top level reads the (absent) input document.
      flag(token);
    }
    operand();
  }

  private void name() {
    int start = pos;
    while (pos < src.length() && isNameChar(src.charAt(pos))) {
      pos++;
    }
    String token = src.substring(start, pos);
    if (!expectOperand && (token.equals("and") || token.equals("or") || token.equals("in"))) {
      expectOperand = true; // used as an operator
      return;
    }
    boolean isFunctionKeyword = token.equals("function") || token.equals("\u03bb");
    if (depth == 0 && expectOperand && !pathStep && !KEYWORDS.contains(token) && !isFunctionKeyword) {
      flag(token);
    }
    if (isFunctionKeyword) {
      expectOperand = true;
    } else {
      operand();
    }
  }

  private void punctuation(char c) {
    pos++;
    if (c == '|') {
      transformBar();
      return;
    }
    switch (c) {
      case '(', '[', '{' -> {
        depth++;
        expectOperand = true;
      }
      case ')', ']', '}' -> {
        depth = Math.max(0, depth - 1);
        expectOperand = false;
      }
      case '.' -> {
        expectOperand = true;
        pathStep = true;
        return;
      }
      default -> expectOperand = true; // an operator, ',' ';' ':' '?' and the like
    }
  }

  private void transformBar() {
    if (expectOperand) {
      depth++; // opens a transform
      transforms.push(new int[] {1});
      return;
    }
    if (transforms.isEmpty()) {
      expectOperand = true;
      return;
    }
    int[] bars = transforms.peek();
    bars[0]++;
    if (bars[0] < 3) {
      expectOperand = true; // between the pattern and the update
    } else {
      transforms.pop(); // closes it
      depth = Math.max(0, depth - 1);
      expectOperand = false;
    }
  }

  private void flag(String token) {
    if (unsupported == null) {
      unsupported = token;
    }
  }

  private void operand() {
    expectOperand = false;
  }

  private void skipQuoted(char quote) {
    pos++;
    while (pos < src.length()) {
      char c = src.charAt(pos++);
      if (c == '\\') {
        pos++;
      } else if (c == quote) {
        return;
      }
    }
  }

  private void skipRegex() {
    pos++;
    while (pos < src.length()) {
      char c = src.charAt(pos++);
      if (c == '\\') {
        pos++;
      } else if (c == '/') {
        while (pos < src.length() && Character.isLetter(src.charAt(pos))) {
          pos++; // flags
        }
        return;
      }
    }
  }

  private char next(int offset) {
    int i = pos + offset;
    return i < src.length() ? src.charAt(i) : '\0';
  }

  private static boolean isNumberChar(char c) {
    return Character.isLetterOrDigit(c) || c == '.';
  }

  // JSONata names run until an operator or whitespace; letters, digits and '_' cover real use.
  private static boolean isNameStart(char c) {
    return Character.isLetter(c) || c == '_';
  }

  private static boolean isNameChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }
}
