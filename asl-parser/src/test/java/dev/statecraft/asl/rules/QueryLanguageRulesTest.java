package dev.statecraft.asl.rules;

import static dev.statecraft.asl.rules.Definitions.assertSingleError;
import static dev.statecraft.asl.rules.Definitions.assertValid;
import static dev.statecraft.asl.rules.Definitions.jsonata;
import static dev.statecraft.asl.rules.Definitions.jsonataStates;
import static dev.statecraft.asl.rules.Definitions.machine;
import static dev.statecraft.asl.rules.Definitions.map;
import static dev.statecraft.asl.rules.Definitions.task;
import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.asl.validate.DiagnosticCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Fields that only one query language allows, and QueryLanguage itself. */
class QueryLanguageRulesTest {
  private static final String CODE = DiagnosticCodes.INVALID_QUERY_LANGUAGE_FIELD;

  @ParameterizedTest
  @ValueSource(strings = {"'InputPath':'$'", "'OutputPath':'$'", "'Parameters':{}",
      "'ResultSelector':{}", "'ResultPath':'$.r'", "'TimeoutSecondsPath':'$.t'",
      "'HeartbeatSecondsPath':'$.h'"})
  void jsonPathFieldsAreRefusedInJsonataStates(String field) {
    String name = field.substring(1, field.indexOf('\'', 1));
    assertValid(machine(task(field)));
    assertSingleError(jsonata(task(field)), CODE, "/States/S/" + name, "'" + name + "'");
  }

  /** In a JSONPath state "{% ... %}" is a plain string, and these fields take integers. */
  @ParameterizedTest
  @ValueSource(strings = {"{'Type':'Wait','Next':'E','Seconds':'{% 5 %}'}",
      "{'Type':'Task','Resource':'arn:aws:states:::lambda:invoke','Next':'E',"
          + "'TimeoutSeconds':'{% 5 %}'}",
      "{'Type':'Task','Resource':'arn:aws:states:::lambda:invoke','Next':'E',"
          + "'HeartbeatSeconds':'{% 5 %}'}",
      "{'Type':'Map','Next':'E','ItemProcessor':{'StartAt':'P','States':{'P':{'Type':'Succeed'"
          + "}}},'MaxConcurrency':'{% 5 %}'}"})
  void jsonataExpressionsInIntegerFieldsAreRefusedInJsonPathStates(String state) {
    String field = state.substring(state.lastIndexOf(",'") + 2, state.lastIndexOf("':"));
    String members = "'S':" + state + ",'E':{'Type':'Succeed'}";
    assertValid(jsonataStates(members));
    String jsonPath = Definitions.states(members);
    assertThat(assertSingleError(jsonPath, DiagnosticCodes.SCHEMA_VALIDATION_FAILED,
        "/States/S/" + field, "'" + field + "'").message())
        .contains("JSONata expressions are evaluated only in JSONata states");
  }

  @Test
  void jsonataFieldsAreRefusedInJsonPathStates() {
    assertValid(jsonata(task("'Arguments':{'a':'{% 1 %}'},'Output':'{% $states.result %}'")));
    assertSingleError(machine(task("'Arguments':{}")), CODE, "/States/S/Arguments",
        "'Arguments'");
    assertSingleError(machine("{'Type':'Pass','End':true,'Output':{}}"), CODE,
        "/States/S/Output", "'Output'");
  }

  @Test
  void aRefusedFieldIsNotAlsoReportedForItsShape() {
    // Parameters must be an object, but in a JSONata state it must not be there at all.
    assertSingleError(jsonata("{'Type':'Pass','End':true,'Parameters':'x'}"), CODE,
        "/States/S/Parameters", "'Parameters'");
  }

  @Test
  void resultIsRefusedInAJsonataPass() {
    assertValid(machine("{'Type':'Pass','End':true,'Result':{'a':1}}"));
    assertValid(jsonata("{'Type':'Pass','End':true,'Output':{'a':1}}"));
    assertSingleError(jsonata("{'Type':'Pass','End':true,'Result':{'a':1}}"), CODE,
        "/States/S/Result", "'Result'");
  }

  @Test
  void catchUsesResultPathInJsonPathAndOutputInJsonata() {
    String withResultPath = task("'Catch':[{'ErrorEquals':['States.ALL'],'Next':'S',"
        + "'ResultPath':'$.e'}]");
    String withOutput = task("'Catch':[{'ErrorEquals':['States.ALL'],'Next':'S',"
        + "'Output':'{% $states.errorOutput %}'}]");
    assertValid(machine(withResultPath));
    assertValid(jsonata(withOutput));
    assertSingleError(jsonata(withResultPath), CODE, "/States/S/Catch/0/ResultPath",
        "'ResultPath'");
    assertSingleError(machine(withOutput), CODE, "/States/S/Catch/0/Output", "'Output'");
  }

  @Test
  void aStateCannotGoBackToJsonPathUnderAJsonataMachine() {
    assertValid(machine("{'Type':'Pass','End':true,'QueryLanguage':'JSONata'}"));
    assertThat(assertSingleError(jsonata("{'Type':'Pass','End':true,'QueryLanguage':'JSONPath'}"),
        CODE, "/States/S/QueryLanguage", "'QueryLanguage':'JSONPath'").message())
        .contains("JSONata");
  }

  @Test
  void aStateLevelQueryLanguageDecidesItsFields() {
    assertValid(machine("{'Type':'Pass','End':true,'QueryLanguage':'JSONata','Output':'{% 1 %}'}"));
    assertSingleError(machine("{'Type':'Pass','End':true,'QueryLanguage':'JSONata',"
        + "'InputPath':'$'}"), CODE, "/States/S/InputPath", "'InputPath'");
  }

  @Test
  void choiceRulesUseConditionInJsonataAndVariableInJsonPath() {
    assertValid(jsonataStates("'S':{'Type':'Choice','Choices':[{'Condition':'{% true %}',"
        + "'Next':'E'}]},'E':{'Type':'Succeed'}"));
    assertSingleError(Definitions.states("'S':{'Type':'Choice','Choices':[{'Variable':'$.a',"
        + "'IsNull':true,'Condition':true,'Next':'E'}]},'E':{'Type':'Succeed'}"), CODE,
        "/States/S/Choices/0/Condition", "'Condition'");
    assertSingleError(jsonataStates("'S':{'Type':'Choice','Choices':[{'Condition':true,"
        + "'IsNull':true,'Next':'E'}]},'E':{'Type':'Succeed'}"), CODE,
        "/States/S/Choices/0/IsNull", "'IsNull'");
  }

  @Test
  void mapItemsIsJsonataAndItemsPathIsJsonPath() {
    assertValid(machine(map("'ItemsPath':'$.items'")));
    assertValid(jsonata(map("'Items':'{% $states.input.items %}'")));
    assertSingleError(jsonata(map("'ItemsPath':'$.items'")), CODE, "/States/S/ItemsPath",
        "'ItemsPath'");
    assertSingleError(machine(map("'Items':[1]")), CODE, "/States/S/Items", "'Items'");
    // Both: only the field of the wrong language is reported, not also the pair.
    assertSingleError(jsonata(map("'Items':[1],'ItemsPath':'$.items'")), CODE,
        "/States/S/ItemsPath", "'ItemsPath'");
  }

  @Test
  void nestedPathFieldsOfMapAreJsonPathOnly() {
    assertValid(machine(map("'ItemBatcher':{'MaxItemsPerBatchPath':'$.n'}")));
    assertSingleError(jsonata(map("'ItemBatcher':{'MaxItemsPerBatchPath':'$.n'}")), CODE,
        "/States/S/ItemBatcher/MaxItemsPerBatchPath", "'MaxItemsPerBatchPath'");
    assertSingleError(jsonata(map("'ItemReader':{'Resource':'arn:aws:states:::s3:getObject',"
        + "'ReaderConfig':{'MaxItemsPath':'$.n'}}")), CODE,
        "/States/S/ItemReader/ReaderConfig/MaxItemsPath", "'MaxItemsPath'");
  }
}
