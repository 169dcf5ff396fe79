package dev.statecraft.asl.expr;

import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;

/**
 * A compiled JSONata expression as written in an ASL field: {@code "{% <expression> %}"}.
 * Immutable and safe to share between threads; compile once when the definition is parsed and
 * evaluate many times (the engine's {@code JsonataEvaluator} does that).
 */
public final class JsonataExpr {

  private static final String OPEN = "{%";
  private static final String CLOSE = "%}";

  private final String template;
  private final String body;
  private final Jsonata compiled;
  private final Set<String> variables;
  private final String unsupportedReference;

  private JsonataExpr(String template, String body, Jsonata compiled, JsonataScanner scan) {
    this.template = template;
    this.body = body;
    this.compiled = compiled;
    this.variables = Collections.unmodifiableSet(scan.variables());
    this.unsupportedReference = scan.unsupported();
  }

  /**
   * True when AWS reads the string as a JSONata expression: it starts with {@code {%} and ends
   * with {@code %}} (no whitespace outside the delimiters; any inside is allowed).
   */
  public static boolean isExpression(String s) {
    return s != null && s.length() >= OPEN.length() + CLOSE.length()
        && s.startsWith(OPEN) && s.endsWith(CLOSE);
  }

  /**
   * Compiles a {@code {% ... %}} template.
   *
   * @throws IllegalArgumentException when the string is not delimited, is empty inside, or is not
   *     valid JSONata; the message says why and where (character offset within the expression)
   */
  public static JsonataExpr compile(String template) {
    Objects.requireNonNull(template, "template");
    if (!isExpression(template)) {
      throw new IllegalArgumentException("a JSONata expression must be enclosed in {% and %}");
    }
    String body = template.substring(OPEN.length(), template.length() - CLOSE.length()).strip();
    if (body.isEmpty()) {
      throw new IllegalArgumentException("the JSONata expression is empty");
    }
    Jsonata compiled;
    try {
      compiled = Jsonata.jsonata(body);
    } catch (JException e) {
      throw new IllegalArgumentException(syntaxMessage(body, e), e);
    } catch (RuntimeException | StackOverflowError e) {
      // The parser has a few unchecked failure modes of its own on malformed input.
      throw new IllegalArgumentException("invalid JSONata expression '" + body + "'", e);
    } finally {
      forgetThreadScratchInstance();
    }
    // A JSON null must stay distinguishable from "nothing" (undefined) in results; input
    // validation is redundant because the evaluator only ever passes JSON-shaped values.
    compiled.setOutputConvertNulls(false);
    compiled.setValidateInput(false);
    return new JsonataExpr(template, body, compiled, JsonataScanner.scan(body));
  }

  /**
   * dashjoin's constructor registers the new instance as this thread's scratch instance (a
   * ThreadLocal whose fields it overwrites while evaluating anything on this thread). If that
   * were a shared compiled expression, another thread evaluating it at the same time could build
   * its frame on this thread's temporary one. A throwaway instance takes the slot instead.
   */
  private static void forgetThreadScratchInstance() {
    Jsonata.jsonata("0");
  }

  private static String syntaxMessage(String body, JException e) {
    StringBuilder sb = new StringBuilder("invalid JSONata expression '").append(body).append("': ");
    sb.append(e.getMessage());
    if (e.getLocation() >= 0) {
      sb.append(" (at position ").append(e.getLocation()).append(')');
    }
    return sb.toString();
  }

  /** The field value as written, delimiters included. */
  public String template() {
    return template;
  }

  /** The expression between the delimiters, trimmed: how AWS quotes it in error causes. */
  public String expression() {
    return body;
  }

  /**
   * The names (without {@code $}) the expression references as {@code $name}, in order of first
   * use. A superset of the workflow variables it reads: it also lists {@code states}, functions
   * ({@code sum}) and names bound inside the expression ({@code $x := ...}, lambda parameters).
   */
  public Set<String> referencedNames() {
    return variables;
  }

  /**
   * AWS's UNSUPPORTED_JSONATA_EXPRESSION check: a field name or a lone {@code $}/{@code $$} used
   * at the top level of the expression (for example {@code {% phone %}}), which reads the input
   * document that Step Functions does not provide; {@code $states.input.phone} is the way.
   * Conservative: names inside brackets, filters, blocks or after a '.' are never reported.
   *
   * @return a readable message, or null when the expression is fine
   */
  public String unsupportedReason() {
    if (unsupportedReference == null) {
      return null;
    }
    return "the JSONata expression '" + body + "' uses '" + unsupportedReference
        + "' at its top level; Step Functions provides no input document there, use"
        + " $states.input or a variable instead";
  }

  /**
   * The compiled dashjoin expression, for the engine's evaluator. Shared: never change its
   * settings or call {@code assign}/{@code registerFunction} on it; evaluate only with a frame.
   */
  public Jsonata compiled() {
    return compiled;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof JsonataExpr other && template.equals(other.template);
  }

  @Override
  public int hashCode() {
    return template.hashCode();
  }

  @Override
  public String toString() {
    return template;
  }
}
