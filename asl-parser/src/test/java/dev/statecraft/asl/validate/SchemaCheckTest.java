package dev.statecraft.asl.validate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * One rule at a time: each structural rule with a definition that breaks it and one that keeps
 * it. Definitions are written with single quotes for readability; {@link #json} swaps them.
 */
class SchemaCheckTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final SchemaCheck check = SchemaCheck.shared();

  /** Parses JSON written with ' for ". */
  static JsonNode json(String singleQuoted) {
    try {
      return MAPPER.readTree(singleQuoted.replace('\'', '"'));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A machine whose only state, "S", is {@code state}. */
  static JsonNode machine(String state) {
    return json("{'StartAt':'S','States':{'S':" + state + "}}");
  }

  List<Diagnostic> errors(JsonNode definition) {
    List<Diagnostic> found = check.check(definition);
    assertThat(found).allSatisfy(d -> {
      assertThat(d.isError()).isTrue();
      assertThat(d.code()).isEqualTo(DiagnosticCodes.SCHEMA_VALIDATION_FAILED);
    });
    return found;
  }

  void assertValid(JsonNode definition) {
    assertThat(errors(definition)).isEmpty();
  }

  /** Exactly one error, with this message, at this pointer. */
  void assertOnly(JsonNode definition, String pointer, String message) {
    assertThat(errors(definition))
        .extracting(Diagnostic::pointer, Diagnostic::message)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(pointer, message));
  }

  @Nested
  class TopLevel {
    @Test
    void minimalMachineIsValid() {
      assertValid(machine("{'Type':'Succeed'}"));
      assertValid(json("{'Comment':'c','Version':'1.0','TimeoutSeconds':30,'QueryLanguage':'JSONata',"
          + "'StartAt':'S','States':{'S':{'Type':'Succeed'}}}"));
    }

    @Test
    void startAtAndStatesAreRequired() {
      assertOnly(json("{'States':{'S':{'Type':'Succeed'}}}"), "",
          "The field 'StartAt' is required but was missing");
      assertOnly(json("{'StartAt':'S'}"), "", "The field 'States' is required but was missing");
    }

    @Test
    void unknownTopLevelFieldIsRejected() {
      assertOnly(json("{'StartAt':'S','States':{'S':{'Type':'Succeed'}},'Foo':1}"), "/Foo",
          "The state machine has an unknown field 'Foo'");
    }

    @Test
    void queryLanguageIsAnEnum() {
      assertOnly(json("{'QueryLanguage':'XPath','StartAt':'S','States':{'S':{'Type':'Succeed'}}}"),
          "/QueryLanguage", "'QueryLanguage' must be one of JSONPath, JSONata, not 'XPath'");
    }

    @Test
    void timeoutSecondsMustBePositive() {
      assertOnly(json("{'TimeoutSeconds':0,'StartAt':'S','States':{'S':{'Type':'Succeed'}}}"),
          "/TimeoutSeconds", "'TimeoutSeconds' must be a positive integer");
    }

    @Test
    void statesMustNotBeEmpty() {
      assertOnly(json("{'StartAt':'S','States':{}}"), "/States", "'States' must not be empty");
    }

    @Test
    void definitionMustBeAnObject() {
      assertOnly(json("[1]"), "", "The state machine definition must be an object");
    }

    @Test
    void aStateThatIsNotAnObjectGivesOneError() {
      // Every Type branch of the schema fails the same way; the reader sees it once.
      assertOnly(json("{'StartAt':'S','States':{'S':'Pass'}}"), "/States/S",
          "State 'S' must be an object");
    }
  }

  @Nested
  class StateTypes {
    @Test
    void typeIsRequiredAndAnEnum() {
      assertOnly(machine("{'End':true}"), "/States/S", "The field 'Type' is required but was missing");
      assertOnly(machine("{'Type':'Sleep'}"), "/States/S/Type",
          "'Type' must be one of Pass, Task, Choice, Wait, Succeed, Fail, Parallel, Map, not 'Sleep'");
    }

    @Test
    void unknownFieldIsOneClearError() {
      assertOnly(machine("{'Type':'Task','Resource':'arn:aws:lambda:::function:f','End':true,"
              + "'bugInputPath':'$'}"),
          "/States/S/bugInputPath", "Task state has an unknown field 'bugInputPath'");
      assertOnly(machine("{'Type':'Pass','End':true,'bugInputPath':'$'}"),
          "/States/S/bugInputPath", "Pass state has an unknown field 'bugInputPath'");
    }

    @Test
    void fieldsOfOneTypeAreUnknownInAnother() {
      assertOnly(machine("{'Type':'Fail','InputPath':'$'}"), "/States/S/InputPath",
          "Fail state has an unknown field 'InputPath'");
      assertOnly(machine("{'Type':'Succeed','Assign':{}}"), "/States/S/Assign",
          "Succeed state has an unknown field 'Assign'");
      assertOnly(machine("{'Type':'Pass','End':true,'Resource':'x'}"), "/States/S/Resource",
          "Pass state has an unknown field 'Resource'");
    }

    @Test
    void pointerEscapesStateNames() {
      assertOnly(json("{'StartAt':'a/b~c','States':{'a/b~c':{'Type':'Pass','End':true,'X':1}}}"),
          "/States/a~1b~0c/X", "Pass state has an unknown field 'X'");
    }

    @Test
    void everyStateTypeAcceptsItsDocumentedFields() {
      assertValid(machine("{'Type':'Pass','Comment':'c','QueryLanguage':'JSONPath','InputPath':'$',"
          + "'Parameters':{'a.$':'$.b'},'Result':[1],'ResultPath':null,'OutputPath':'$','Assign':{'x':1},"
          + "'Next':'S'}"));
      assertValid(machine("{'Type':'Pass','QueryLanguage':'JSONata','Output':'{% $states.input %}',"
          + "'Assign':{'x':'{% 1 %}'},'End':true}"));
      assertValid(machine("{'Type':'Wait','Seconds':5,'SecondsPath':'$.s','Timestamp':'2026-01-01T00:00:00Z',"
          + "'TimestampPath':'$.t','InputPath':'$','OutputPath':'$','Output':1,'Assign':{},'End':true}"));
      assertValid(machine("{'Type':'Succeed','Comment':'c','InputPath':'$','OutputPath':'$','Output':{}}"));
      assertValid(machine("{'Type':'Fail','Comment':'c','Error':'E','Cause':'C','ErrorPath':'$.e',"
          + "'CausePath':'$.c','QueryLanguage':'JSONPath'}"));
    }
  }

  @Nested
  class Task {
    private JsonNode task(String extra) {
      return machine("{'Type':'Task','Resource':'arn:aws:lambda:::function:f','End':true" + extra + "}");
    }

    @Test
    void resourceIsRequired() {
      assertOnly(machine("{'Type':'Task','End':true}"), "/States/S",
          "The field 'Resource' is required but was missing");
    }

    @Test
    void allTaskFieldsAreAccepted() {
      assertValid(task(",'InputPath':'$','Parameters':{},'ResultSelector':{},'ResultPath':'$.r',"
          + "'OutputPath':'$','Assign':{},'TimeoutSeconds':10,'TimeoutSecondsPath':'$.t',"
          + "'HeartbeatSeconds':5,'HeartbeatSecondsPath':'$.h','Credentials':{'RoleArn':'arn:r'},"
          + "'Retry':[],'Catch':[],'Comment':'c'"));
      assertValid(task(",'QueryLanguage':'JSONata','Arguments':{'a':'{% 1 %}'},'Output':'{% 1 %}',"
          + "'TimeoutSeconds':'{% $t %}','HeartbeatSeconds':'{% $h %}'"));
      assertValid(task(",'Arguments':'{% $states.input %}'"));
    }

    @Test
    void timeoutSecondsIsAPositiveIntegerOrJsonata() {
      assertOnly(task(",'TimeoutSeconds':0"), "/States/S/TimeoutSeconds",
          "'TimeoutSeconds' must be a positive integer");
      assertOnly(task(",'TimeoutSeconds':100000000"), "/States/S/TimeoutSeconds",
          "'TimeoutSeconds' must be at most 99999999");
      assertOnly(task(",'TimeoutSeconds':'10'"), "/States/S/TimeoutSeconds",
          "'TimeoutSeconds' must be a positive integer or a JSONata expression '{% ... %}'");
      assertOnly(task(",'HeartbeatSeconds':true"), "/States/S/HeartbeatSeconds",
          "'HeartbeatSeconds' must be a positive integer or a JSONata expression '{% ... %}'");
      assertValid(task(",'TimeoutSeconds':99999999,'HeartbeatSeconds':'{% 3 %}'"));
    }

    @Test
    void credentialsNeedRoleArn() {
      assertOnly(task(",'Credentials':{}"), "/States/S/Credentials",
          "The field 'RoleArn' is required but was missing");
      assertOnly(task(",'Credentials':null"), "/States/S/Credentials", "'Credentials' must be an object");
      assertThat(errors(task(",'Credentials':{'flag':true}")))
          .extracting(Diagnostic::message)
          .containsExactlyInAnyOrder("The field 'RoleArn' is required but was missing",
              "Credentials has an unknown field 'flag'");
      assertValid(task(",'Credentials':{'RoleArn':'arn:aws:iam::123456789012:role/r'}"));
      assertValid(task(",'Credentials':{'RoleArn.$':'$.role'}"));
    }

    @Test
    void argumentsMustBeAnObjectOrJsonata() {
      assertOnly(task(",'Arguments':'plain'"), "/States/S/Arguments",
          "'Arguments' must be an object or a JSONata expression '{% ... %}'");
    }

    @Test
    void payloadTemplatesAreObjects() {
      assertOnly(task(",'Parameters':['abc']"), "/States/S/Parameters", "'Parameters' must be an object");
      assertOnly(task(",'ResultSelector':1"), "/States/S/ResultSelector",
          "'ResultSelector' must be an object");
    }
  }

  @Nested
  class RetryAndCatch {
    private JsonNode retry(String retrier) {
      return machine("{'Type':'Task','Resource':'r','End':true,'Retry':[" + retrier + "]}");
    }

    private JsonNode catcher(String catcher) {
      return machine("{'Type':'Task','Resource':'r','End':true,'Catch':[" + catcher + "]}");
    }

    @Test
    void retrierAcceptsAllItsFields() {
      assertValid(retry("{'ErrorEquals':['States.ALL'],'IntervalSeconds':1,'MaxAttempts':0,"
          + "'BackoffRate':1.5,'MaxDelaySeconds':10,'JitterStrategy':'FULL','Comment':'c'}"));
    }

    @Test
    void retrierRules() {
      assertOnly(retry("{'IntervalSeconds':1}"), "/States/S/Retry/0",
          "The field 'ErrorEquals' is required but was missing");
      assertOnly(retry("{'ErrorEquals':[]}"), "/States/S/Retry/0/ErrorEquals",
          "'ErrorEquals' must not be empty");
      assertOnly(retry("{'ErrorEquals':['E'],'JitterStrategy':'HALF'}"),
          "/States/S/Retry/0/JitterStrategy", "'JitterStrategy' must be one of FULL, NONE, not 'HALF'");
      assertOnly(retry("{'ErrorEquals':['E'],'BackoffRate':0.5}"), "/States/S/Retry/0/BackoffRate",
          "'BackoffRate' must be a number of at least 1");
      assertOnly(retry("{'ErrorEquals':['E'],'MaxAttempts':-1}"), "/States/S/Retry/0/MaxAttempts",
          "'MaxAttempts' must be a non-negative integer");
      assertOnly(retry("{'ErrorEquals':['E'],'IntervalSeconds':0}"),
          "/States/S/Retry/0/IntervalSeconds", "'IntervalSeconds' must be a positive integer");
      assertOnly(retry("{'ErrorEquals':['E'],'Next':'S'}"), "/States/S/Retry/0/Next",
          "Retrier has an unknown field 'Next'");
    }

    @Test
    void catcherRules() {
      assertValid(catcher("{'ErrorEquals':['States.ALL'],'Next':'S','ResultPath':'$.e','Comment':'c'}"));
      assertValid(catcher("{'ErrorEquals':['States.ALL'],'Next':'S','Output':'{% 1 %}','Assign':{}}"));
      assertOnly(catcher("{'ErrorEquals':['E']}"), "/States/S/Catch/0",
          "The field 'Next' is required but was missing");
      assertOnly(catcher("{'Error Equals':['E'],'ErrorEquals':['E'],'Next':'S'}"),
          "/States/S/Catch/0/Error Equals", "Catcher has an unknown field 'Error Equals'");
      assertOnly(catcher("{'ErrorEquals':[true],'Next':'S'}"), "/States/S/Catch/0/ErrorEquals/0",
          "Element 0 of 'ErrorEquals' must be a string");
    }
  }

  @Nested
  class Choice {
    private JsonNode choice(String rules) {
      return machine("{'Type':'Choice','Choices':[" + rules + "],'Default':'S'}");
    }

    @Test
    void everyOperatorIsAccepted() {
      StringBuilder rules = new StringBuilder();
      String[][] operators = {
        {"StringEquals", "'a'"}, {"StringLessThan", "'a'"}, {"StringGreaterThan", "'a'"},
        {"StringLessThanEquals", "'a'"}, {"StringGreaterThanEquals", "'a'"}, {"StringMatches", "'a*'"},
        {"NumericEquals", "1"}, {"NumericLessThan", "1.5"}, {"NumericGreaterThan", "1"},
        {"NumericLessThanEquals", "1"}, {"NumericGreaterThanEquals", "1"}, {"BooleanEquals", "true"},
        {"TimestampEquals", "'2026-01-01T00:00:00Z'"}, {"TimestampLessThan", "'2026-01-01T00:00:00Z'"},
        {"TimestampGreaterThan", "'2026-01-01T00:00:00Z'"},
        {"TimestampLessThanEquals", "'2026-01-01T00:00:00Z'"},
        {"TimestampGreaterThanEquals", "'2026-01-01T00:00:00Z'"},
        {"IsNull", "true"}, {"IsPresent", "false"}, {"IsNumeric", "true"}, {"IsString", "true"},
        {"IsBoolean", "true"}, {"IsTimestamp", "true"},
      };
      for (String[] op : operators) {
        rules.append("{'Variable':'$.x','").append(op[0]).append("':").append(op[1]).append(",'Next':'S'},");
        if (!op[0].startsWith("Is") && !op[0].equals("StringMatches")) {
          rules.append("{'Variable':'$.x','").append(op[0]).append("Path':'$.y','Next':'S'},");
        }
      }
      rules.append("{'And':[{'Variable':'$.x','IsNull':true},{'Or':[{'Not':{'Variable':'$.x',"
          + "'IsString':true}}]}],'Next':'S','Comment':'c','Assign':{},'Output':{}}");
      assertValid(choice(rules.toString()));
    }

    @Test
    void jsonataConditionIsAccepted() {
      assertValid(choice("{'Condition':'{% $states.input.x > 1 %}','Next':'S','Output':'{% 1 %}'}"));
      assertOnly(choice("{'Condition':'x > 1','Next':'S'}"), "/States/S/Choices/0/Condition",
          "'Condition' must be a JSONata expression '{% ... %}' or a boolean (true or false)");
    }

    @Test
    void choicesAreRequiredAndNotEmpty() {
      assertOnly(machine("{'Type':'Choice','Default':'S'}"), "/States/S",
          "The field 'Choices' is required but was missing");
      assertOnly(choice(""), "/States/S/Choices", "'Choices' must not be empty");
    }

    @Test
    void topLevelRuleNeedsNextAndNestedRuleMayNotHaveIt() {
      assertOnly(choice("{'Variable':'$.x','IsNull':true}"), "/States/S/Choices/0",
          "The field 'Next' is required but was missing");
      assertOnly(choice("{'Not':{'Variable':'$.x','IsNull':true,'Next':'S'},'Next':'S'}"),
          "/States/S/Choices/0/Not/Next", "Choice rule has an unknown field 'Next'");
    }

    @Test
    void ruleWithEndInsteadOfNextIsCaught() {
      assertThat(errors(choice("{'Variable':'$.x','IsNull':true,'End':true}")))
          .extracting(Diagnostic::message)
          .containsExactlyInAnyOrder("Choice rule has an unknown field 'End'",
              "The field 'Next' is required but was missing");
    }

    @Test
    void operandTypesAreChecked() {
      assertOnly(choice("{'Variable':'$.x','StringEquals':1,'Next':'S'}"),
          "/States/S/Choices/0/StringEquals", "'StringEquals' must be a string");
      assertOnly(choice("{'Variable':'$.x','NumericEquals':'1','Next':'S'}"),
          "/States/S/Choices/0/NumericEquals", "'NumericEquals' must be a number");
      assertOnly(choice("{'Variable':'$.x','IsNull':'yes','Next':'S'}"),
          "/States/S/Choices/0/IsNull", "'IsNull' must be a boolean (true or false)");
      assertOnly(choice("{'And':{'Variable':'$.x','IsNull':true},'Next':'S'}"),
          "/States/S/Choices/0/And", "'And' must be an array");
      assertOnly(choice("{'Variable':'$.x','StringEqual':'a','Next':'S'}"),
          "/States/S/Choices/0/StringEqual", "Choice rule has an unknown field 'StringEqual'");
    }
  }

  @Nested
  class WaitAndFail {
    @Test
    void secondsIsANonNegativeIntegerOrJsonata() {
      assertValid(machine("{'Type':'Wait','Seconds':0,'End':true}"));
      assertValid(machine("{'Type':'Wait','Seconds':'{% $s %}','End':true}"));
      assertOnly(machine("{'Type':'Wait','Seconds':-1,'End':true}"), "/States/S/Seconds",
          "'Seconds' must be a non-negative integer");
      assertOnly(machine("{'Type':'Wait','Seconds':1.5,'End':true}"), "/States/S/Seconds",
          "'Seconds' must be a non-negative integer or a JSONata expression '{% ... %}'");
    }

    @Test
    void timestampIsAString() {
      assertValid(machine("{'Type':'Wait','Timestamp':'{% $t %}','End':true}"));
      assertOnly(machine("{'Type':'Wait','Timestamp':20260101,'End':true}"), "/States/S/Timestamp",
          "'Timestamp' must be a string");
    }

    @Test
    void errorAndCauseAreStrings() {
      assertValid(machine("{'Type':'Fail','Error':'{% $e %}','Cause':'because'}"));
      assertOnly(machine("{'Type':'Fail','Error':42}"), "/States/S/Error", "'Error' must be a string");
      assertOnly(machine("{'Type':'Fail','Cause':{}}"), "/States/S/Cause", "'Cause' must be a string");
    }
  }

  @Nested
  class Parallel {
    @Test
    void branchesAreRequiredAndShaped() {
      assertOnly(machine("{'Type':'Parallel','End':true}"), "/States/S",
          "The field 'Branches' is required but was missing");
      assertOnly(machine("{'Type':'Parallel','End':true,'Branches':[[{'StartAt':'B'}]]}"),
          "/States/S/Branches/0", "Element 0 of 'Branches' must be an object");
      assertOnly(machine("{'Type':'Parallel','End':true,'Branches':[{'States':{'B':{'Type':'Succeed'}}}]}"),
          "/States/S/Branches/0", "The field 'StartAt' is required but was missing");
      assertOnly(machine("{'Type':'Parallel','End':true,'Branches':[{'StartAt':'B',"
              + "'States':{'B':{'Type':'Succeed'}},'Version':'1.0'}]}"),
          "/States/S/Branches/0/Version", "Parallel branch has an unknown field 'Version'");
    }

    @Test
    void allParallelFieldsAreAccepted() {
      assertValid(machine("{'Type':'Parallel','Next':'S','Branches':[{'StartAt':'B','Comment':'c',"
          + "'QueryLanguage':'JSONata','States':{'B':{'Type':'Succeed'}}}],'InputPath':'$',"
          + "'Parameters':{},'Arguments':{},'ResultSelector':{},'ResultPath':'$.r','OutputPath':'$',"
          + "'Output':1,'Assign':{},'Retry':[],'Catch':[],'Comment':'c'}"));
    }

    @Test
    void statesInsideBranchesAreChecked() {
      assertOnly(machine("{'Type':'Parallel','End':true,'Branches':[{'StartAt':'B',"
              + "'States':{'B':{'Type':'Wait','Seconds':-5,'End':true}}}]}"),
          "/States/S/Branches/0/States/B/Seconds", "'Seconds' must be a non-negative integer");
    }
  }

  @Nested
  class Map {
    private JsonNode map(String extra) {
      return machine("{'Type':'Map','End':true,'ItemProcessor':{'StartAt':'I','States':"
          + "{'I':{'Type':'Succeed'}}}" + extra + "}");
    }

    @Test
    void itemProcessorOrIteratorIsRequired() {
      assertOnly(machine("{'Type':'Map','End':true}"), "/States/S",
          "The field 'ItemProcessor' is required but was missing");
      assertValid(machine("{'Type':'Map','End':true,'Iterator':{'StartAt':'I','States':"
          + "{'I':{'Type':'Succeed'}}}}"));
    }

    @Test
    void allMapFieldsAreAccepted() {
      assertValid(map(",'ItemsPath':'$.items','ItemSelector':{'v.$':'$$.Map.Item.Value'},"
          + "'Parameters':{},'MaxConcurrency':0,'MaxConcurrencyPath':'$.c','ToleratedFailureCount':0,"
          + "'ToleratedFailureCountPath':'$.f','ToleratedFailurePercentage':12.5,"
          + "'ToleratedFailurePercentagePath':'$.p','Label':'L','ResultSelector':{},'ResultPath':null,"
          + "'OutputPath':null,'InputPath':'$','Assign':{},'Retry':[],'Catch':[],'Comment':'c',"
          + "'ItemReader':{'Resource':'arn:aws:states:::s3:getObject','ReaderConfig':{'InputType':'CSV',"
          + "'CSVHeaderLocation':'GIVEN','CSVHeaders':['a'],'CSVDelimiter':'TAB','MaxItems':10},"
          + "'Parameters':{'Bucket':'b','Key':'k'}},"
          + "'ItemBatcher':{'MaxItemsPerBatch':10,'MaxInputBytesPerBatch':1024,'BatchInput':{}},"
          + "'ResultWriter':{'Resource':'arn:aws:states:::s3:putObject','Parameters':{},"
          + "'WriterConfig':{'OutputType':'JSONL','Transformation':'COMPACT'}}"));
      assertValid(map(",'QueryLanguage':'JSONata','Items':'{% $states.input %}','MaxConcurrency':'{% 2 %}',"
          + "'ToleratedFailurePercentage':'{% 5 %}','ToleratedFailureCount':'{% 1 %}','Output':{}"));
      assertValid(map(",'Items':[1,2,3]"));
    }

    @Test
    void processorConfigEnums() {
      assertValid(machine("{'Type':'Map','End':true,'ItemProcessor':{'ProcessorConfig':{'Mode':"
          + "'DISTRIBUTED','ExecutionType':'EXPRESS'},'StartAt':'I','States':{'I':{'Type':'Succeed'}}}}"));
      assertOnly(machine("{'Type':'Map','End':true,'ItemProcessor':{'ProcessorConfig':{'Mode':'LOCAL'},"
              + "'StartAt':'I','States':{'I':{'Type':'Succeed'}}}}"),
          "/States/S/ItemProcessor/ProcessorConfig/Mode",
          "'Mode' must be one of INLINE, DISTRIBUTED, not 'LOCAL'");
      assertOnly(machine("{'Type':'Map','End':true,'ItemProcessor':{'ProcessorConfig':{"
              + "'ExecutionType':'FAST'},'StartAt':'I','States':{'I':{'Type':'Succeed'}}}}"),
          "/States/S/ItemProcessor/ProcessorConfig/ExecutionType",
          "'ExecutionType' must be one of STANDARD, EXPRESS, not 'FAST'");
    }

    @Test
    void numericBounds() {
      assertOnly(map(",'ToleratedFailurePercentage':105"), "/States/S/ToleratedFailurePercentage",
          "'ToleratedFailurePercentage' must be at most 100");
      assertOnly(map(",'ToleratedFailureCount':-1"), "/States/S/ToleratedFailureCount",
          "'ToleratedFailureCount' must be a non-negative integer");
      assertOnly(map(",'MaxConcurrency':-1"), "/States/S/MaxConcurrency",
          "'MaxConcurrency' must be a non-negative integer");
      assertOnly(map(",'ItemBatcher':{'MaxItemsPerBatch':0}"),
          "/States/S/ItemBatcher/MaxItemsPerBatch", "'MaxItemsPerBatch' must be a positive integer");
      assertOnly(map(",'Label':'" + "x".repeat(41) + "'"), "/States/S/Label",
          "'Label' must be at most 40 characters long");
    }

    @Test
    void distributedParts() {
      assertOnly(map(",'ItemReader':{'ReaderConfig':{'InputType':'JSON'}}"), "/States/S/ItemReader",
          "The field 'Resource' is required but was missing");
      assertOnly(map(",'ItemReader':{'Resource':'r','ReaderConfig':{'InputType':'XML'}}"),
          "/States/S/ItemReader/ReaderConfig/InputType",
          "'InputType' must be one of CSV, JSON, JSONL, MANIFEST, PARQUET, not 'XML'");
      assertOnly(map(",'ResultWriter':{'WriterConfig':{'OutputType':'CSV'}}"),
          "/States/S/ResultWriter/WriterConfig/OutputType",
          "'OutputType' must be one of JSON, JSONL, not 'CSV'");
      assertOnly(map(",'ItemBatcher':{'Size':3}"), "/States/S/ItemBatcher/Size",
          "ItemBatcher has an unknown field 'Size'");
    }

    @Test
    void mapHasNoArguments() {
      assertOnly(map(",'Arguments':{}"), "/States/S/Arguments", "Map state has an unknown field 'Arguments'");
    }
  }

  @Test
  void severalProblemsAreAllReportedOnce() {
    List<Diagnostic> found = errors(json("{'StartAt':'A','States':{"
        + "'A':{'Type':'Task','Resource':'r','End':true,'TimeoutSeconds':0,'Foo':1},"
        + "'B':{'Type':'Wait','Seconds':-1,'End':true}}}"));
    assertThat(found).extracting(Diagnostic::pointer)
        .containsExactlyInAnyOrder("/States/A/TimeoutSeconds", "/States/A/Foo", "/States/B/Seconds");
  }

  @Test
  void sharedInstanceIsSafeUnderConcurrentUse() {
    JsonNode bad = machine("{'Type':'Pass','End':true,'X':1}");
    List<Diagnostic> expected = check.check(bad);
    List<List<Diagnostic>> results =
        IntStream.range(0, 200).parallel().mapToObj(i -> SchemaCheck.shared().check(bad)).toList();
    assertThat(results).allSatisfy(r -> assertThat(r).isEqualTo(expected));
  }

  @Test
  void schemaIsAPublishedDraft202012Document() throws IOException {
    try (var in = SchemaCheck.class.getClassLoader().getResourceAsStream(SchemaCheck.SCHEMA_RESOURCE)) {
      JsonNode schema = MAPPER.readTree(in);
      assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
      assertThat(schema.path("$id").asText()).isEqualTo("https://statecraft.dev/schemas/asl.schema.json");
      assertThat(schema.path("title").asText()).isNotBlank();
      assertThat(schema.path("description").asText()).isNotBlank();
    }
  }
}
