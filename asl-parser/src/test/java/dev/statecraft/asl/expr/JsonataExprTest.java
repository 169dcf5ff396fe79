package dev.statecraft.asl.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonataExprTest {

  @ParameterizedTest
  @ValueSource(
      strings = {"{% 1 %}", "{%1%}", "{% $states.input%}", "{%$x %}", "{%%}", "{%\n$x\n%}"})
  void recognisesExpressions(String s) {
    assertThat(JsonataExpr.isExpression(s)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "{%}", "{% 1", "1 %}", " {% 1 %}", "{% 1 %} ", "$.x", "{ % 1 % }", "%}{%"})
  void rejectsNonExpressions(String s) {
    assertThat(JsonataExpr.isExpression(s)).isFalse();
  }

  @Test
  void nullIsNotAnExpression() {
    assertThat(JsonataExpr.isExpression(null)).isFalse();
  }

  @Test
  void compileStripsDelimitersAndTrims() {
    JsonataExpr e = JsonataExpr.compile("{%   $states.input.a\n%}");
    assertThat(e.expression()).isEqualTo("$states.input.a");
    assertThat(e.template()).isEqualTo("{%   $states.input.a\n%}");
    assertThat(e.compiled()).isNotNull();
    assertThat(e).isEqualTo(JsonataExpr.compile("{%   $states.input.a\n%}"));
  }

  @Test
  void syntaxErrorsAreReadable() {
    assertThatThrownBy(() -> JsonataExpr.compile("{% 10 + * 2 %}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'10 + * 2'")
        .hasMessageContaining("position");
    assertThatThrownBy(() -> JsonataExpr.compile("{% $sum($states.input.items.numbers %}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Expected \")\"");
    assertThatThrownBy(() -> JsonataExpr.compile("{% $.store.book[?(@.price < 10)].title %}"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void emptyAndUndelimitedAreRejected() {
    assertThatThrownBy(() -> JsonataExpr.compile("{%  %}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty");
    assertThatThrownBy(() -> JsonataExpr.compile("$states.input"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("{%");
  }

  @Test
  void listsReferencedNames() {
    JsonataExpr e =
        JsonataExpr.compile(
            "{% $sum($states.input.values) /* $nope */ + $var_1 & '$notAVar' & \"$nor\" %}");
    assertThat(e.referencedNames()).containsExactly("sum", "states", "var_1");
  }

  @Test
  void regexLiteralsAreNotScannedForNames() {
    JsonataExpr e = JsonataExpr.compile("{% $contains(\"hello$world\", /^hello\\$x/) %}");
    assertThat(e.referencedNames()).containsExactly("contains");
    assertThat(e.unsupportedReason()).isNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{% phone %}",
        "{% phone.number %}",
        "{% $ %}",
        "{% $$ %}",
        "{% $.a %}",
        "{% $x & name %}",
        "{% name = 'x' %}",
        "{% `odd name` %}",
        "{% ($states.input ~> | items | {'a': 1} |) & name %}",
      })
  void flagsTopLevelFieldReferences(String template) {
    assertThat(JsonataExpr.compile(template).unsupportedReason()).isNotNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{% $states.input.phone %}",
        "{% $states.input.items[price > 10].name %}",
        "{% $states.input.items.(price * qty) %}",
        "{% ($x := 1; $x + 1) %}",
        "{% 'phone' %}",
        "{% true and false or null %}",
        "{% $a and $b %}",
        "{% $states.input.a in [1, 2] %}",
        "{% $map([1,2], function($v) { $v * 2 }) %}",
        "{% {'a': $states.input.b} %}",
        "{% ($states.input).phone %}",
        "{% $states.input.a ? 'x' : 'y' %}",
        "{% 1 / 2 %}",
        "{% $states.input.list[0] %}",
        "{% [1..3] %}",
        // A transform's pattern and update read the object being transformed.
        "{% $states.input ~> | items | {'done': true} | %}",
        "{% $states.input ~> | items | {'done': true}, ['tmp'] | %}",
      })
  void acceptsProperReferences(String template) {
    assertThat(JsonataExpr.compile(template).unsupportedReason()).isNull();
  }

  @Test
  void unsupportedReasonNamesTheReference() {
    assertThat(JsonataExpr.compile("{% phone %}").unsupportedReason())
        .contains("'phone'")
        .contains("$states.input");
  }

  /** No false positives on definitions AWS ran or accepted. */
  @Test
  void corpusExpressionsCompileAndAreSupported() throws IOException {
    Path root = Path.of("/work/shared/conformance");
    assumeTrue(Files.isDirectory(root), "conformance corpus not present");
    List<String> templates = new ArrayList<>();
    ObjectMapper mapper = new ObjectMapper();
    for (Path dir : List.of(root.resolve("cases"), root.resolve("validation/valid"))) {
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
          collect(mapper.readTree(f.toFile()), templates);
        }
      }
    }
    assertThat(templates).hasSizeGreaterThan(100);
    for (String t : templates) {
      JsonataExpr e = JsonataExpr.compile(t);
      assertThat(e.unsupportedReason()).as(t).isNull();
    }
  }

  private static void collect(JsonNode node, List<String> out) {
    if (node.isTextual() && JsonataExpr.isExpression(node.textValue())) {
      out.add(node.textValue());
    }
    node.forEach(child -> collect(child, out));
  }
}
