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

/** X vs XPath pairs and other fields that exclude each other. */
class FieldExclusivityTest {
  private static final String CODE = DiagnosticCodes.SCHEMA_VALIDATION_FAILED;

  /** state template (%s = the fields), field, literal value, path container pointer. */
  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "TASK|TimeoutSeconds|5|/States/S",
      "TASK|HeartbeatSeconds|5|/States/S",
      "WAIT|Seconds|5|/States/S",
      "WAIT|Timestamp|'2026-01-01T00:00:00Z'|/States/S",
      "FAIL|Error|'E'|/States/S",
      "FAIL|Cause|'C'|/States/S",
      "MAP|MaxConcurrency|1|/States/S",
      "MAP|ToleratedFailureCount|1|/States/S",
      "MAP|ToleratedFailurePercentage|1|/States/S",
      "READER|MaxItems|1|/States/S/ItemReader/ReaderConfig",
      "BATCHER|MaxItemsPerBatch|1|/States/S/ItemBatcher",
      "BATCHER|MaxInputBytesPerBatch|1|/States/S/ItemBatcher"})
  void aFieldAndItsPathVariantAreExclusive(String kind, String field, String literal,
      String container) {
    String one = "'" + field + "':" + literal;
    String both = one + ",'" + field + "Path':'$.x'";
    assertValid(machine(state(kind, one)));
    assertValid(machine(state(kind, "'" + field + "Path':'$.x'")));
    assertThat(assertSingleError(machine(state(kind, both)), CODE,
        container + "/" + field + "Path", "'" + field + "Path'").message())
        .isEqualTo("'" + field + "' and '" + field + "Path' cannot be used together");
  }

  private static String state(String kind, String fields) {
    return switch (kind) {
      case "TASK" -> task(fields);
      case "WAIT" -> "{'Type':'Wait','End':true," + fields + "}";
      case "FAIL" -> "{'Type':'Fail'," + fields + "}";
      case "MAP" -> map(fields);
      case "READER" -> map("'ItemReader':{'Resource':'arn:aws:states:::s3:getObject',"
          + "'ReaderConfig':{" + fields + "}}");
      case "BATCHER" -> map("'ItemBatcher':{" + fields + "}");
      default -> throw new IllegalArgumentException(kind);
    };
  }

  @Test
  void inJsonataOnlyThePathFieldIsReported() {
    assertSingleError(jsonata(task("'TimeoutSeconds':5,'TimeoutSecondsPath':'$.x'")),
        DiagnosticCodes.INVALID_QUERY_LANGUAGE_FIELD, "/States/S/TimeoutSecondsPath",
        "'TimeoutSecondsPath'");
  }

  @Test
  void aWaitHasExactlyOneDuration() {
    assertValid(machine("{'Type':'Wait','End':true,'SecondsPath':'$.s'}"));
    assertValid(machine("{'Type':'Wait','End':true,'TimestampPath':'$.t'}"));
    String message = "A Wait state must have exactly one of 'Seconds', 'SecondsPath',"
        + " 'Timestamp' or 'TimestampPath'";
    assertThat(assertSingleError(machine("{'Type':'Wait','End':true}"), CODE, "/States/S",
        "'S':{").message()).isEqualTo(message);
    assertThat(assertSingleError(machine("{'Type':'Wait','End':true,'Seconds':1,"
        + "'TimestampPath':'$.t'}"), CODE, "/States/S", "'S':{").message()).isEqualTo(message);
  }

  @Test
  void itemProcessorAndIteratorAreExclusive() {
    String processor = "{'StartAt':'P','States':{'P':{'Type':'Succeed'}}}";
    assertValid(machine("{'Type':'Map','End':true,'Iterator':" + processor + "}"));
    assertSingleError(machine("{'Type':'Map','End':true,'ItemProcessor':" + processor
        + ",'Iterator':" + processor.replace("'P'", "'Q'") + "}"), CODE, "/States/S", "'S':{");
  }

  @Test
  void itemSelectorAndParametersAreExclusive() {
    assertValid(machine(map("'Parameters':{'a':1}")));
    assertValid(machine(map("'ItemSelector':{'a':1}")));
    assertSingleError(machine(map("'ItemSelector':{'a':1},'Parameters':{'a':1}")), CODE,
        "/States/S", "'S':{");
    // In JSONata, Parameters is refused for the language, and that is the one report.
    assertSingleError(jsonata(map("'ItemSelector':{'a':1},'Parameters':{'a':1}")),
        DiagnosticCodes.INVALID_QUERY_LANGUAGE_FIELD, "/States/S/Parameters", "'Parameters'");
  }

  @Test
  void aMapNeedsAnItemProcessorOrIterator() {
    assertSingleError(machine("{'Type':'Map','End':true}"), CODE, "/States/S", "'S':{");
  }
}
