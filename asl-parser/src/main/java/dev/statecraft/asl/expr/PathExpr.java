package dev.statecraft.asl.expr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.PathNotFoundException;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A compiled ASL path: {@code $...} on the state's input, {@code $$...} on the context object, or
 * {@code $name...} on a variable (JSONPath query language).
 *
 * <p>Simple paths (dots, quoted names, indexes) are read by a fast walk of our own; anything else
 * (filters, wildcards, slices, deep scan) goes through Jayway json-path compiled once here.
 */
public final class PathExpr {

  /** What the path is rooted at. */
  public enum Root {
    INPUT,
    CONTEXT,
    VARIABLE
  }

  private static final Configuration JAYWAY =
      Configuration.builder()
          .jsonProvider(new JacksonJsonNodeJsonProvider())
          .mappingProvider(new JacksonMappingProvider())
          .build();
  private static final Configuration JAYWAY_LIST =
      JAYWAY.addOptions(Option.ALWAYS_RETURN_LIST, Option.SUPPRESS_EXCEPTIONS);

  private static final Pattern BARE_FILTER_WORD = Pattern.compile(
      "(==|!=|<=|>=|<|>)\\s*(?!true\\b|false\\b|null\\b)([A-Za-z_][A-Za-z0-9_]*)(?=\\s*[)&|])");

  private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /** Whether a workflow variable may have this name: a letter or '_', then letters, digits, '_'. */
  public static boolean isVariableName(String name) {
    return VARIABLE_NAME.matcher(name).matches();
  }

  private final String text;
  private final Root root;
  private final String variable;
  /** Fast-path segments (String field names or Integer indexes); null when Jayway is needed. */
  private final Object[] segments;
  private final List<Object> segmentList;

  private final JsonPath compiled;

  private PathExpr(String text, Root root, String variable, Object[] segments, JsonPath compiled) {
    this.text = text;
    this.root = root;
    this.variable = variable;
    this.segments = segments;
    this.segmentList = segments == null ? null : List.of(segments);
    this.compiled = compiled;
  }

  /**
   * Compiles a path.
   *
   * @throws IllegalArgumentException with a readable reason when the text is not a valid path
   */
  public static PathExpr compile(String text) {
    Objects.requireNonNull(text);
    Root root;
    String variable = null;
    String rest; // the path with its root replaced by "$"
    if (text.startsWith("$$")) {
      root = Root.CONTEXT;
      rest = "$" + text.substring(2);
    } else if (text.startsWith("$") && text.length() > 1 && text.charAt(1) != '.' && text.charAt(1) != '[') {
      root = Root.VARIABLE;
      int end = 1;
      while (end < text.length() && text.charAt(end) != '.' && text.charAt(end) != '[') {
        end++;
      }
      variable = text.substring(1, end);
      if (!VARIABLE_NAME.matcher(variable).matches()) {
        throw new IllegalArgumentException("'" + variable + "' is not a valid variable name");
      }
      rest = "$" + text.substring(end);
    } else if (text.startsWith("$")) {
      root = Root.INPUT;
      rest = text;
    } else {
      throw new IllegalArgumentException("a path must start with '$'");
    }
    if (rest.length() > 1 && rest.charAt(1) != '.' && rest.charAt(1) != '[') {
      throw new IllegalArgumentException("unexpected character after '$'");
    }
    Object[] segments = simpleSegments(rest);
    JsonPath compiled;
    try {
      compiled = JsonPath.compile(rest);
    } catch (InvalidPathException | IllegalArgumentException e) {
      // AWS accepts bare words in filters ([?(@.lang==es)]) and compares them as strings.
      String quoted = BARE_FILTER_WORD.matcher(rest).replaceAll("$1'$2'");
      try {
        compiled = JsonPath.compile(quoted);
      } catch (InvalidPathException | IllegalArgumentException again) {
        throw new IllegalArgumentException(
            e.getMessage() == null ? "invalid JSONPath" : e.getMessage(), e);
      }
    }
    return new PathExpr(text, root, variable, segments, compiled);
  }

  /** The path as written. */
  public String text() {
    return text;
  }

  public Root root() {
    return root;
  }

  /** The variable's name for {@link Root#VARIABLE}, else null. */
  public String variable() {
    return variable;
  }

  /** True when the path selects at most one node (a Reference Path in ASL's terms). */
  public boolean isDefinite() {
    return segments != null || compiled.isDefinite();
  }

  /** True for {@code $}, {@code $$} or {@code $var} with nothing after. */
  public boolean isRootOnly() {
    return segments != null && segments.length == 0;
  }

  /** The fast-path segments (String names, Integer indexes), or null when the path is complex. */
  public List<Object> simpleSegments() {
    return segmentList;
  }

  /**
   * Reads the path from the node it is rooted at.
   *
   * @return the selected node; for indefinite paths an array of all matches (possibly empty);
   *     null when a definite path selects nothing
   */
  public JsonNode read(JsonNode rootNode) {
    if (segments != null) {
      JsonNode node = rootNode;
      for (Object s : segments) {
        if (node == null) {
          return null;
        }
        if (s instanceof String name) {
          node = node.isObject() ? node.get(name) : null;
        } else {
          int i = (Integer) s;
          if (!node.isArray()) {
            return null;
          }
          node = i < 0 ? node.get(node.size() + i) : node.get(i);
        }
      }
      return node;
    }
    if (compiled.isDefinite()) {
      try {
        Object result = compiled.read(rootNode, JAYWAY);
        return toNode(result);
      } catch (PathNotFoundException e) {
        return null;
      } catch (RuntimeException e) {
        return null;
      }
    }
    Object result = compiled.read(rootNode, JAYWAY_LIST);
    JsonNode node = toNode(result);
    return node == null ? JsonNodeFactory.instance.arrayNode() : node;
  }

  private static JsonNode toNode(Object result) {
    if (result == null) {
      return JsonNodeFactory.instance.nullNode();
    }
    if (result instanceof JsonNode n) {
      return n;
    }
    if (result instanceof List<?> list) {
      ArrayNode array = JsonNodeFactory.instance.arrayNode();
      for (Object o : list) {
        array.add(toNode(o));
      }
      return array;
    }
    return JsonNodeFactory.instance.pojoNode(result);
  }

  /**
   * Splits {@code $.a.b[0]['c d']} into segments; null when the path uses anything else.
   * Dot names follow Jayway's rule: any character but '.', '[', and whitespace/specials.
   */
  private static Object[] simpleSegments(String path) {
    List<Object> out = new ArrayList<>();
    int i = 1;
    int n = path.length();
    while (i < n) {
      char c = path.charAt(i);
      if (c == '.') {
        if (i + 1 < n && (path.charAt(i + 1) == '.' || path.charAt(i + 1) == '[')) {
          return null; // deep scan or "$.[0]" style: let Jayway decide
        }
        int start = ++i;
        while (i < n && path.charAt(i) != '.' && path.charAt(i) != '[') {
          char d = path.charAt(i);
          if (d == '*' || d == '(' || d == ')' || d == '?' || d == '@' || d == ' ' || d == '\''
              || d == '"' || d == ',' || d == ']') {
            return null;
          }
          i++;
        }
        if (i == start) {
          return null;
        }
        out.add(path.substring(start, i));
      } else if (c == '[') {
        int close = path.indexOf(']', i);
        if (i + 1 < n && (path.charAt(i + 1) == '\'' || path.charAt(i + 1) == '"')) {
          // A quoted name may itself contain ']': close after the matching quote.
          int endQuote = path.indexOf(path.charAt(i + 1), i + 2);
          close = endQuote < 0 ? -1 : path.indexOf(']', endQuote);
        }
        if (close < 0) {
          return null;
        }
        String inner = path.substring(i + 1, close).trim();
        if (inner.length() >= 2
            && ((inner.startsWith("'") && inner.endsWith("'"))
                || (inner.startsWith("\"") && inner.endsWith("\"")))) {
          // The name is taken literally, as AWS does: no escapes inside the quotes.
          String name = inner.substring(1, inner.length() - 1);
          if (name.indexOf(inner.charAt(0)) >= 0) {
            return null;
          }
          out.add(name);
        } else if (inner.matches("-?[0-9]+")) {
          try {
            out.add(Integer.parseInt(inner));
          } catch (NumberFormatException e) {
            return null;
          }
        } else {
          return null;
        }
        i = close + 1;
      } else {
        return null;
      }
    }
    return out.toArray();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PathExpr p && p.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }
}
