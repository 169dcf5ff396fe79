package dev.statecraft.asl.rules;

import static dev.statecraft.asl.rules.Definitions.assertSingleError;
import static dev.statecraft.asl.rules.Definitions.assertValid;
import static dev.statecraft.asl.rules.Definitions.jsonata;
import static dev.statecraft.asl.rules.Definitions.machine;
import static dev.statecraft.asl.rules.Definitions.map;
import static dev.statecraft.asl.rules.Definitions.task;
import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.asl.validate.DiagnosticCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Numeric ranges, timestamps, Resource, Assign variable names, JSONata expressions. */
class ValueRulesTest {
  private static final String SCHEMA = DiagnosticCodes.SCHEMA_VALIDATION_FAILED;

  /** Ranges are the schema's: each out-of-range number is reported once, at the number. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "'TimeoutSeconds':0|'TimeoutSeconds':1|TimeoutSeconds",
      "'HeartbeatSeconds':0|'HeartbeatSeconds':1|HeartbeatSeconds",
      "'Retry':[{'ErrorEquals':['E'],'BackoffRate':0.5}]|'Retry':[{'ErrorEquals':['E'],"
          + "'BackoffRate':1.0}]|Retry/0/BackoffRate",
      "'Retry':[{'ErrorEquals':['E'],'MaxAttempts':-1}]|'Retry':[{'ErrorEquals':['E'],"
          + "'MaxAttempts':0}]|Retry/0/MaxAttempts",
      "'Retry':[{'ErrorEquals':['E'],'IntervalSeconds':0}]|'Retry':[{'ErrorEquals':['E'],"
          + "'IntervalSeconds':1}]|Retry/0/IntervalSeconds"})
  void taskNumbersOutOfRangeAreReportedOnce(String bad, String good, String at) {
    assertValid(machine(task(good)));
    String field = at.substring(at.lastIndexOf('/') + 1);
    assertSingleError(machine(task(bad)), SCHEMA, "/States/S/" + at, "'" + field + "'");
  }

  @Test
  void mapNumbersOutOfRangeAreReportedOnce() {
    assertValid(machine(map("'MaxConcurrency':0,'ToleratedFailurePercentage':100")));
    assertSingleError(machine(map("'MaxConcurrency':-1")), SCHEMA, "/States/S/MaxConcurrency",
        "'MaxConcurrency'");
    assertThat(assertSingleError(machine(map("'ToleratedFailurePercentage':101")), SCHEMA,
        "/States/S/ToleratedFailurePercentage", "'ToleratedFailurePercentage'").message())
        .isEqualTo("'ToleratedFailurePercentage' must be at most 100");
    assertSingleError(machine("{'Type':'Wait','End':true,'Seconds':-1}"), SCHEMA,
        "/States/S/Seconds", "'Seconds'");
  }

  @Test
  void waitTimestampIsRfc3339() {
    assertValid(machine("{'Type':'Wait','End':true,'Timestamp':'2016-03-14T01:59:00.123+02:00'}"));
    assertValid(jsonata("{'Type':'Wait','End':true,'Timestamp':'{% $states.input.t %}'}"));
    assertThat(assertSingleError(machine("{'Type':'Wait','End':true,'Timestamp':'2016-03-14'}"),
        DiagnosticCodes.INVALID_TIMESTAMP, "/States/S/Timestamp", "'Timestamp'").message())
        .contains("RFC 3339");
  }

  @Test
  void resourceIsAnArn() {
    assertValid(machine(task("")));
    assertSingleError(machine("{'Type':'Task','Resource':'my-function','End':true}"),
        DiagnosticCodes.INVALID_RESOURCE, "/States/S/Resource", "'Resource'");
  }

  /** AWS: "The resource provided arn:aws:states:::dynamodb:query is not recognized." */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "arn:aws:states:::dynamodb:query, arn:aws:states:::dynamodb:getItem",
      "arn:aws:states:::dynamodb:putItem.waitForTaskToken, arn:aws:states:::dynamodb:putItem",
      "arn:aws:states:::lambda:invoke.sync, arn:aws:states:::lambda:invoke.waitForTaskToken",
      "arn:aws:states:::lambda:listFunctions, arn:aws:states:::aws-sdk:lambda:listFunctions",
      "arn:aws:states:::sqs:receiveMessage, arn:aws:states:::sqs:sendMessage",
      "arn:aws:states:::sns:publish.sync, arn:aws:states:::sns:publish",
      "arn:aws:states:::events:putEvents.sync, arn:aws:states:::events:putEvents",
      "arn:aws:states:::apigateway:get, arn:aws:states:::apigateway:invoke",
      "arn:aws:states:::aws-sdk:s3:getObject.sync, arn:aws:states:::aws-sdk:s3:getObject"
          + ".waitForTaskToken",
      "arn:aws-us-gov:states:::dynamodb:scan, arn:aws-us-gov:states:::dynamodb:deleteItem"})
  void resourceOfAKnownIntegrationIsOneAwsRecognises(String bad, String good) {
    String state = "{'Type':'Task','Resource':'%s','End':true}";
    assertValid(machine(state.formatted(good)));
    assertThat(assertSingleError(machine(state.formatted(bad)), DiagnosticCodes.INVALID_RESOURCE,
        "/States/S/Resource", "'Resource'").message())
        .startsWith("The resource provided " + bad + " is not recognized");
  }

  /** Integrations we have no closed list for are never refused. */
  @ParameterizedTest
  @ValueSource(strings = {
      "arn:aws:states:::states:startExecution.sync:2",
      "arn:aws:states:::bedrockagentcore:invokeHarness",
      "arn:aws:states:::glue:startJobRun.sync",
      "arn:aws:states:::http:invoke",
      "arn:aws:states:us-east-1:123456789012:activity:a",
      "arn:aws:lambda:us-east-1:123456789012:function:f:$LATEST"})
  void resourceOfAnotherIntegrationIsAccepted(String resource) {
    assertValid(machine("{'Type':'Task','Resource':'" + resource + "','End':true}"));
  }

  @Test
  void assignVariableNamesAreIdentifiersOfAtMostEightyCharacters() {
    String ok = "v".repeat(80);
    assertValid(machine("{'Type':'Pass','End':true,'Assign':{'_a1':1,'" + ok + "':2,"
        + "'b.$':'$.x'}}"));
    assertSingleError(machine("{'Type':'Pass','End':true,'Assign':{'top-level':1}}"),
        DiagnosticCodes.INVALID_VARIABLE_NAME, "/States/S/Assign/top-level", "'top-level'");
    assertSingleError(machine("{'Type':'Pass','End':true,'Assign':{'1a':1}}"),
        DiagnosticCodes.INVALID_VARIABLE_NAME, "/States/S/Assign/1a", "'1a'");
    String tooLong = "v".repeat(81);
    assertSingleError(machine("{'Type':'Pass','End':true,'Assign':{'" + tooLong + "':1}}"),
        DiagnosticCodes.INVALID_VARIABLE_NAME, "/States/S/Assign/" + tooLong, "'" + tooLong);
  }

  @Test
  void succeedAndFailCannotAssign() {
    // AWS: "The following state types support Assign ...: Pass, Task, Map, Parallel, Choice,
    // Wait."
    assertSingleError(machine("{'Type':'Succeed','Assign':{'a':1}}"), SCHEMA,
        "/States/S/Assign", "'Assign'");
    assertSingleError(machine("{'Type':'Fail','Assign':{'a':1}}"), SCHEMA, "/States/S/Assign",
        "'Assign'");
  }

  @Test
  void retryAndCatchStatesAllIsAloneAndLast() {
    String retry = "'Retry':[{'ErrorEquals':[%s]}%s]";
    assertValid(machine(task(retry.formatted("'E'", ",{'ErrorEquals':['States.ALL']}"))));
    assertThat(assertSingleError(machine(task(retry.formatted("'States.ALL','E'", ""))), SCHEMA,
        "/States/S/Retry/0/ErrorEquals", "'ErrorEquals'").message())
        .isEqualTo("'States.ALL' must appear alone in ErrorEquals");
    assertThat(assertSingleError(machine(task(retry.formatted("'States.ALL'",
        ",{'ErrorEquals':['E']}"))), SCHEMA, "/States/S/Retry/0/ErrorEquals", "'ErrorEquals'")
        .message()).isEqualTo("A Retry entry with 'States.ALL' must be the last one");
    String catcher = "'Catch':[{'ErrorEquals':[%s],'Next':'S'}%s]";
    assertSingleError(machine(task(catcher.formatted("'States.ALL','E'", ""))), SCHEMA,
        "/States/S/Catch/0/ErrorEquals", "'ErrorEquals'");
    assertSingleError(machine(task(catcher.formatted("'States.ALL'",
        ",{'ErrorEquals':['E'],'Next':'S'}"))), SCHEMA, "/States/S/Catch/0/ErrorEquals",
        "'ErrorEquals'");
  }

  @Test
  void jsonataExpressionsMustParse() {
    assertValid(jsonata("{'Type':'Pass','End':true,'Output':{'a':'{% $states.input.a + 1 %}'}}"));
    assertThat(assertSingleError(jsonata("{'Type':'Pass','End':true,'Output':'{% 10 + * 2 %}'}"),
        DiagnosticCodes.INVALID_JSONATA_EXPRESSION, "/States/S/Output", "'Output'").message())
        .startsWith("The JSONata expression in 'Output' does not parse");
    assertSingleError(jsonata("{'Type':'Pass','End':true,'Assign':{'x':['{% 420. %}']}}"),
        DiagnosticCodes.INVALID_JSONATA_EXPRESSION, "/States/S/Assign/x/0", "[»'{%");
  }

  @Test
  void bareJsonataReferencesToTheInputAreUnsupported() {
    assertSingleError(jsonata("{'Type':'Pass','End':true,'Output':'{% $ %}'}"),
        DiagnosticCodes.UNSUPPORTED_JSONATA_EXPRESSION, "/States/S/Output", "'Output'");
  }

  @Test
  void jsonataStringsInJsonPathStatesAreLiterals() {
    assertValid(machine("{'Type':'Pass','End':true,'Result':'{% 10 + * 2 %}'}"));
  }
}
