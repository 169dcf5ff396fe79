package dev.statecraft.asl.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.statecraft.asl.expr.IntrinsicArg.Literal;
import dev.statecraft.asl.expr.IntrinsicArg.PathArg;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IntrinsicParserTest {
  private static final JsonNodeFactory N = JsonNodeFactory.instance;

  private static JsonNode literal(IntrinsicArg arg) {
    assertThat(arg).isInstanceOf(Literal.class);
    return ((Literal) arg).value();
  }

  @Test
  void parsesFormatWithLiteralAndPath() {
    IntrinsicCall call = IntrinsicParser.parse("States.Format('Hello {}', $.name)");
    assertThat(call.name()).isEqualTo("States.Format");
    assertThat(call.function()).isEqualTo(IntrinsicFunction.FORMAT);
    assertThat(call.args()).hasSize(2);
    assertThat(literal(call.args().get(0))).isEqualTo(N.textNode("Hello {}"));
    assertThat(((PathArg) call.args().get(1)).path().text()).isEqualTo("$.name");
  }

  @Test
  void parsesEscapesInStrings() {
    IntrinsicCall call = IntrinsicParser.parse("States.Format('it\\'s \\{x\\} a\\\\b')");
    assertThat(literal(call.args().get(0)).textValue()).isEqualTo("it's {x} a\\b");
  }

  @Test
  void keepsRealNewlinesAndDoubleQuotesInStrings() {
    IntrinsicCall call = IntrinsicParser.parse("States.StringSplit('Hello\nWorld', '\n')");
    assertThat(literal(call.args().get(0)).textValue()).isEqualTo("Hello\nWorld");
    IntrinsicCall json = IntrinsicParser.parse("States.StringToJson('{\"a\": \"b\"}')");
    assertThat(literal(json.args().get(0)).textValue()).isEqualTo("{\"a\": \"b\"}");
  }

  @Test
  void rejectsUnknownEscape() {
    assertThatThrownBy(() -> IntrinsicParser.parse("States.Format('a\\nb')"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("escape")
        .hasMessageContaining("position 16");
  }

  @Test
  void parsesNumbersKeepingIntegersIntegral() {
    IntrinsicCall call = IntrinsicParser.parse("States.Array(1, -1, 0, 1.5, -2.25, 3000000000, 1e2)");
    List<IntrinsicArg> a = call.args();
    assertThat(literal(a.get(0)).isInt()).isTrue();
    assertThat(literal(a.get(1)).intValue()).isEqualTo(-1);
    assertThat(literal(a.get(2)).intValue()).isZero();
    assertThat(literal(a.get(3)).doubleValue()).isEqualTo(1.5);
    assertThat(literal(a.get(4)).doubleValue()).isEqualTo(-2.25);
    assertThat(literal(a.get(5)).isLong()).isTrue();
    assertThat(literal(a.get(6)).doubleValue()).isEqualTo(100.0);
  }

  @Test
  void parsesBooleansAndNull() {
    IntrinsicCall call = IntrinsicParser.parse("States.Array(true, false, null)");
    assertThat(call.args()).extracting(IntrinsicParserTest::literal)
        .containsExactly(N.booleanNode(true), N.booleanNode(false), N.nullNode());
  }

  @Test
  void parsesAllPathRoots() {
    IntrinsicCall call = IntrinsicParser.parse("States.Array($, $.a.b, $$.Execution.Id, $myVar.x[0])");
    assertThat(call.args())
        .extracting(a -> ((PathArg) a).path().root())
        .containsExactly(PathExpr.Root.INPUT, PathExpr.Root.INPUT, PathExpr.Root.CONTEXT,
            PathExpr.Root.VARIABLE);
    assertThat(((PathArg) call.args().get(3)).path().variable()).isEqualTo("myVar");
  }

  @Test
  void pathsMayContainFiltersWithCommasParenthesesAndQuotes() {
    IntrinsicCall call =
        IntrinsicParser.parse("States.ArrayLength($.items[?(@.name == 'a, b)')])");
    assertThat(((PathArg) call.args().get(0)).path().text())
        .isEqualTo("$.items[?(@.name == 'a, b)')]");
    IntrinsicCall bracket = IntrinsicParser.parse("States.Array($['x y'], $.a[1])");
    assertThat(bracket.args()).extracting(Object::toString).containsExactly("$['x y']", "$.a[1]");
  }

  @Test
  void parsesNestedCalls() {
    IntrinsicCall call =
        IntrinsicParser.parse(
            "States.ArrayGetItem(States.StringSplit($$.StateMachine.Name, '-'), "
                + "States.MathAdd(States.ArrayLength(States.StringSplit($$.StateMachine.Name, '-')), -1))");
    assertThat(call.args().get(0)).isInstanceOf(IntrinsicCall.class);
    IntrinsicCall add = (IntrinsicCall) call.args().get(1);
    assertThat(add.name()).isEqualTo("States.MathAdd");
    assertThat(literal(add.args().get(1)).intValue()).isEqualTo(-1);
  }

  @Test
  void toleratesWhitespaceBetweenTokens() {
    IntrinsicCall call = IntrinsicParser.parse("  States.MathAdd (  $.a ,3 )  ");
    assertThat(call.toString()).isEqualTo("States.MathAdd($.a, 3)");
  }

  @Test
  void rendersBackToCanonicalText() {
    String text = "States.Format('it\\'s {}', States.Array($.a, 1, true, null))";
    assertThat(IntrinsicParser.parse(text).toString()).isEqualTo(text);
  }

  @Test
  void zeroArgumentCalls() {
    assertThat(IntrinsicParser.parse("States.UUID()").args()).isEmpty();
    assertThat(IntrinsicParser.parse("States.Array()").args()).isEmpty();
  }

  @Test
  void treeIsImmutable() {
    IntrinsicCall call = IntrinsicParser.parse("States.Array(1)");
    assertThatThrownBy(() -> call.args().add(new Literal(N.nullNode())))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void unknownFunctionIsNamed() {
    assertThatThrownBy(() -> IntrinsicParser.parse("States.Array(States.Nope(1))"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown intrinsic function 'States.Nope'")
        .hasMessageContaining("position 13");
  }

  @Test
  void wrongArgumentCountNamesTheFunction() {
    assertThatThrownBy(() -> IntrinsicParser.parse("States.ArrayRange(1, 2)"))
        .hasMessageContaining("States.ArrayRange takes 3 arguments but 2 were given");
    assertThatThrownBy(() -> IntrinsicParser.parse("States.UUID(1)"))
        .hasMessageContaining("States.UUID takes 0 arguments but 1 was given");
    assertThatThrownBy(() -> IntrinsicParser.parse("States.Format()"))
        .hasMessageContaining("States.Format takes at least 1 argument but 0 were given");
    assertThatThrownBy(() -> IntrinsicParser.parse("States.MathRandom(1, 2, 3, 4)"))
        .hasMessageContaining("States.MathRandom takes 2 to 3 arguments but 4 were given");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "States.Format",
        "States.Format('a'",
        "States.Format('a)",
        "States.Format('a',)",
        "States.Format('a' $.b)",
        "States.Format('a') extra",
        "States.Array(01)",
        "States.Array(1.)",
        "States.Array(truex)",
        "States.Array(abc)",
        "States.Array($.a[0)",
        "States.Array($..[)",
        "$.a",
        "Format('a')"
      })
  void rejectsBadSyntax(String text) {
    assertThatThrownBy(() -> IntrinsicParser.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Invalid intrinsic function expression at position");
  }

  @Test
  void looksLikeIntrinsic() {
    assertThat(IntrinsicParser.looksLikeIntrinsic("States.Format('x')")).isTrue();
    assertThat(IntrinsicParser.looksLikeIntrinsic("States.UUID()")).isTrue();
    assertThat(IntrinsicParser.looksLikeIntrinsic("States.Nope(")).isTrue();
    assertThat(IntrinsicParser.looksLikeIntrinsic("$.States.Format")).isFalse();
    assertThat(IntrinsicParser.looksLikeIntrinsic("States.Format")).isFalse();
    assertThat(IntrinsicParser.looksLikeIntrinsic("States.(x)")).isFalse();
    assertThat(IntrinsicParser.looksLikeIntrinsic(null)).isFalse();
  }
}
