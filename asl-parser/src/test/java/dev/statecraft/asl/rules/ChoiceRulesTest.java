package dev.statecraft.asl.rules;

import static dev.statecraft.asl.rules.Definitions.assertSingleError;
import static dev.statecraft.asl.rules.Definitions.assertValid;
import static dev.statecraft.asl.rules.Definitions.jsonataStates;
import static dev.statecraft.asl.rules.Definitions.states;
import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.asl.validate.DiagnosticCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Choice rules: operators and their operand types, nesting, Variable, Condition. */
class ChoiceRulesTest {
  private static final String SCHEMA = DiagnosticCodes.SCHEMA_VALIDATION_FAILED;

  /** A Choice state "S" with one rule (a JSON object body without Next) going to "E". */
  private static String choice(String rule) {
    return states("'S':{'Type':'Choice','Choices':[{" + rule + ",'Next':'E'}]},"
        + "'E':{'Type':'Succeed'}");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "StringEquals|'a'|1", "NumericEquals|1|'1'", "BooleanEquals|true|'true'",
      "IsNull|true|1", "StringMatches|'a*'|1", "NumericLessThanPath|'$.b'|1"})
  void operandsHaveTheOperatorsTypeAndAreReportedOnce(String op, String good, String bad) {
    assertValid(choice("'Variable':'$.a','" + op + "':" + good));
    assertSingleError(choice("'Variable':'$.a','" + op + "':" + bad), SCHEMA,
        "/States/S/Choices/0/" + op, "'" + op + "'");
  }

  @Test
  void timestampOperandsAreRfc3339() {
    assertValid(choice("'Variable':'$.a','TimestampEquals':'2016-03-14T01:59:00Z'"));
    assertSingleError(choice("'Variable':'$.a','TimestampEquals':'yesterday'"),
        DiagnosticCodes.INVALID_TIMESTAMP, "/States/S/Choices/0/TimestampEquals",
        "'TimestampEquals'");
    // Not a string at all: the schema's report only.
    assertSingleError(choice("'Variable':'$.a','TimestampLessThan':5"), SCHEMA,
        "/States/S/Choices/0/TimestampLessThan", "'TimestampLessThan'");
  }

  @Test
  void aRuleHasExactlyOneOperator() {
    assertSingleError(choice("'Variable':'$.a','StringEquals':'x','NumericEquals':1"), SCHEMA,
        "/States/S/Choices/0/NumericEquals", "'NumericEquals'");
    assertThat(assertSingleError(choice("'Variable':'$.a'"), SCHEMA, "/States/S/Choices/0",
        "{'Variable'").message()).contains("needs a comparison operator");
  }

  @Test
  void aComparisonNeedsVariable() {
    assertSingleError(choice("'StringEquals':'a'"), SCHEMA, "/States/S/Choices/0",
        "{'StringEquals'");
  }

  @Test
  void nestedRulesHaveNoNextAndSayItOnce() {
    assertValid(choice("'And':[{'Variable':'$.a','IsNull':false},{'Not':{'Variable':'$.b',"
        + "'IsNull':true}}]"));
    assertSingleError(choice("'Or':[{'Variable':'$.a','IsNull':false,'Next':'E'}]"), SCHEMA,
        "/States/S/Choices/0/Or/0/Next", "'Next':'E'}]");
  }

  @Test
  void andOrNotHaveTheirShapeAndSayItOnce() {
    assertSingleError(choice("'And':[]"), SCHEMA, "/States/S/Choices/0/And", "'And'");
    assertSingleError(choice("'Or':3"), SCHEMA, "/States/S/Choices/0/Or", "'Or'");
    assertSingleError(choice("'Not':3"), SCHEMA, "/States/S/Choices/0/Not", "'Not'");
  }

  @Test
  void variableIsAReferencePathNotAnIntrinsic() {
    assertValid(choice("'Variable':'$$.Execution.Id','IsString':true"));
    assertValid(choice("'Variable':'$myVar','IsString':true"));
    assertThat(assertSingleError(choice("'Variable':'States.ArrayLength($.a)','IsNull':true"),
        DiagnosticCodes.INVALID_REFERENCE_PATH, "/States/S/Choices/0/Variable", "'Variable'")
        .message()).contains("intrinsic function cannot be used here");
    assertSingleError(choice("'Variable':'$.a[*]','IsNull':true"),
        DiagnosticCodes.INVALID_REFERENCE_PATH, "/States/S/Choices/0/Variable", "'Variable'");
    assertSingleError(choice("'Variable':'a.b','IsNull':true"),
        DiagnosticCodes.INVALID_JSON_PATH, "/States/S/Choices/0/Variable", "'Variable'");
  }

  @Test
  void pathOperandsAreReferencePaths() {
    assertSingleError(choice("'Variable':'$.a','StringEqualsPath':'$.b[?(@.c)]'"),
        DiagnosticCodes.INVALID_REFERENCE_PATH, "/States/S/Choices/0/StringEqualsPath",
        "'StringEqualsPath'");
  }

  @Test
  void jsonataRulesNeedACondition() {
    String jsonata = "'S':{'Type':'Choice','Choices':[{%s'Next':'E'}]},'E':{'Type':'Succeed'}";
    assertValid(jsonataStates(jsonata.formatted("'Condition':'{% $states.input.a > 1 %}',")));
    assertValid(jsonataStates(jsonata.formatted("'Condition':true,")));
    assertSingleError(jsonataStates(jsonata.formatted("")), SCHEMA, "/States/S/Choices/0",
        "{'Next'");
    assertSingleError(jsonataStates(jsonata.formatted("'Condition':'abc',")), SCHEMA,
        "/States/S/Choices/0/Condition", "'Condition'");
    assertSingleError(jsonataStates(jsonata.formatted("'Condition':'{% 1 + %}',")),
        DiagnosticCodes.INVALID_JSONATA_EXPRESSION, "/States/S/Choices/0/Condition",
        "'Condition'");
  }
}
