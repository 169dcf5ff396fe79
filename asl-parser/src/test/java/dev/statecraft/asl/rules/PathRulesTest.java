package dev.statecraft.asl.rules;

import static dev.statecraft.asl.rules.Definitions.assertSingleError;
import static dev.statecraft.asl.rules.Definitions.assertSingleWarning;
import static dev.statecraft.asl.rules.Definitions.assertValid;
import static dev.statecraft.asl.rules.Definitions.machine;
import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.asl.validate.DiagnosticCodes;
import org.junit.jupiter.api.Test;

/** Paths, reference paths, payload templates and intrinsic functions (JSONPath states). */
class PathRulesTest {
  private static String pass(String fields) {
    return machine("{'Type':'Pass','End':true," + fields + "}");
  }

  @Test
  void dollarKeysTakeAPathOrAnIntrinsic() {
    assertValid(pass("'Parameters':{'a.$':'$.x','b.$':'$$.Execution.Id','c.$':'$v',"
        + "'d.$':'States.ArrayLength($.x)'}"));
    assertSingleError(pass("'Parameters':{'a.$':'not a path'}"),
        DiagnosticCodes.INVALID_JSON_PATH, "/States/S/Parameters/a.$", "'a.$'");
    assertSingleError(pass("'Parameters':{'a.$':3}"), DiagnosticCodes.SCHEMA_VALIDATION_FAILED,
        "/States/S/Parameters/a.$", "'a.$'");
    assertSingleError(pass("'Parameters':{'outer':{'a.$':'$$$'}}"),
        DiagnosticCodes.INVALID_JSON_PATH, "/States/S/Parameters/outer/a.$", "'a.$'");
  }

  @Test
  void aPathWithoutDollarKeyIsALiteralWithAWarning() {
    assertThat(assertSingleWarning(pass("'Parameters':{'a':'$.x'}"), DiagnosticCodes.NO_DOLLAR,
        "/States/S/Parameters/a", "'a'").message()).contains("used as a literal string");
    assertSingleWarning(machine(Definitions.task("'ResultSelector':{'a':'States.UUID()'}")),
        DiagnosticCodes.NO_DOLLAR, "/States/S/ResultSelector/a", "'a'");
    assertThat(assertValid(pass("'Parameters':{'a':'plain'}"))).isEmpty();
  }

  @Test
  void aPathInPassResultIsStaticWithAWarning() {
    assertSingleWarning(pass("'Result':'$.x'"), DiagnosticCodes.PASS_RESULT_IS_STATIC,
        "/States/S/Result", "'Result'");
  }

  @Test
  void intrinsicSyntaxErrorsAreReported() {
    assertThat(assertSingleError(pass("'Parameters':{'a.$':'States.Format('}"),
        DiagnosticCodes.INVALID_INTRINSIC_FUNCTION, "/States/S/Parameters/a.$", "'a.$'")
        .message()).startsWith("Invalid intrinsic function 'States.Format('");
    assertSingleError(pass("'Parameters':{'a.$':'States.NoSuchThing(1)'}"),
        DiagnosticCodes.INVALID_INTRINSIC_FUNCTION, "/States/S/Parameters/a.$", "'a.$'");
    assertSingleError(machine("{'Type':'Fail','ErrorPath':'States.Format('}"),
        DiagnosticCodes.INVALID_INTRINSIC_FUNCTION, "/States/S/ErrorPath", "'ErrorPath'");
  }

  @Test
  void inputAndOutputPathArePaths() {
    assertValid(pass("'InputPath':'$.a','OutputPath':null"));
    assertSingleError(pass("'InputPath':'a.b'"), DiagnosticCodes.INVALID_JSON_PATH,
        "/States/S/InputPath", "'InputPath'");
  }

  @Test
  void resultPathIsADefiniteReferencePathIntoTheStateData() {
    assertValid(pass("'ResultPath':'$.a.b'"));
    assertValid(pass("'ResultPath':null"));
    assertThat(assertSingleError(pass("'ResultPath':'$$.Execution'"),
        DiagnosticCodes.INVALID_REFERENCE_PATH, "/States/S/ResultPath", "'ResultPath'").message())
        .contains("starting with '$'");
    assertSingleError(pass("'ResultPath':'$var'"), DiagnosticCodes.INVALID_REFERENCE_PATH,
        "/States/S/ResultPath", "'ResultPath'");
    assertSingleError(pass("'ResultPath':'$.a[*]'"), DiagnosticCodes.INVALID_REFERENCE_PATH,
        "/States/S/ResultPath", "'ResultPath'");
    assertSingleError(pass("'ResultPath':'.a'"), DiagnosticCodes.INVALID_JSON_PATH,
        "/States/S/ResultPath", "'ResultPath'");
  }

  @Test
  void xPathFieldsAreReferencePaths() {
    assertValid(machine("{'Type':'Wait','End':true,'SecondsPath':'$.s'}"));
    assertSingleError(machine("{'Type':'Wait','End':true,'SecondsPath':'$.s[*]'}"),
        DiagnosticCodes.INVALID_REFERENCE_PATH, "/States/S/SecondsPath", "'SecondsPath'");
  }
}
