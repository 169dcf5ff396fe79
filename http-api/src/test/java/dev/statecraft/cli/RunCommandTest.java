package dev.statecraft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RunCommandTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Path SHARED = Path.of(System.getProperty("statecraft.shared", "../../shared"));

  private static final String PASS = """
      {"StartAt": "Greet", "States": {"Greet": {"Type": "Pass",
        "Parameters": {"greeting.$": "States.Format('hello {}', $.name)"}, "End": true}}}""";
  private static final String FAIL = """
      {"StartAt": "Boom", "States": {"Boom": {"Type": "Fail",
        "Error": "Order.Rejected", "Cause": "out of stock"}}}""";
  private static final String WAIT_A_DAY = """
      {"StartAt": "Nap", "States": {
        "Nap": {"Type": "Wait", "Seconds": 86400, "Next": "Done"},
        "Done": {"Type": "Succeed"}}}""";
  private static final String TASK = """
      {"StartAt": "Call", "States": {"Call": {"Type": "Task",
        "Resource": "arn:aws:lambda:us-east-1:123456789012:function:charge", "End": true}}}""";

  @TempDir Path dir;

  private record Run(int exitCode, String out, String err) {
    JsonNode json() throws IOException {
      assertThat(out.lines().count()).as("one line on stdout: %s", out).isEqualTo(1);
      return MAPPER.readTree(out);
    }
  }

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = StatecraftCommand.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return new Run(code, out.toString().replace("\r\n", "\n"), err.toString());
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }

  private static List<String> types(JsonNode report) {
    List<String> types = new ArrayList<>();
    report.get("events").forEach(e -> types.add(e.get("type").asText()));
    return types;
  }

  @Test
  void successPrintsTheOutputAsOneCompactLine() throws IOException {
    Path def = write("greet.json", PASS);

    Run run = run("run", def.toString(), "--input", "{\"name\": \"Ada\"}");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("{\"greeting\":\"hello Ada\"}\n");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void withoutInputTheInputIsAnEmptyObject() throws IOException {
    Path def = write("echo.json", "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Pass\", \"End\": true}}}");

    Run run = run("run", def.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("{}\n");
  }

  @Test
  void inputFileIsRead() throws IOException {
    Path def = write("greet.yaml", "StartAt: Greet\nStates:\n  Greet:\n    Type: Pass\n"
        + "    Parameters:\n      who.$: $.name\n    End: true\n");
    Path input = write("input.json", "{\"name\": \"Grace\"}\n");

    Run run = run("run", def.toString(), "--input-file", input.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("{\"who\":\"Grace\"}\n");
  }

  @Test
  void failureExitsOneWithErrorAndCauseOnStderr() throws IOException {
    Path def = write("fail.json", FAIL);

    Run run = run("run", def.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEqualTo("error: Order.Rejected\ncause: out of stock\n");
  }

  @Test
  void aTaskWithoutAnIntegrationFailsNamingItsResource() throws IOException {
    Path def = write("task.json", TASK);

    Run run = run("run", def.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).startsWith("error: States.TaskFailed\n")
        .contains("arn:aws:lambda:us-east-1:123456789012:function:charge");
  }

  @Test
  void configMocksAnswerTheTestCaseNamedOnTheCommandLine() throws IOException {
    Path def = write("charge.json", TASK);
    write("mocks.json", """
        {"StateMachines": {"Billing": {"TestCases": {
            "Paid": {"Call": "Charged"}, "Declined": {"Call": "CardDeclined"}}}},
         "MockedResponses": {
            "Charged": {"0": {"Return": {"receipt": "r-1"}}},
            "CardDeclined": {"0": {"Throw": {"Error": "Payment.Declined", "Cause": "no funds"}}}}}""");
    Path config = write("statecraft.yaml", "mocks: mocks.json\n");

    Run paid = run("run", def.toString(), "--config", config.toString(), "--test-case", "Paid");
    Run declined = run("run", def.toString(), "--config", config.toString(),
        "--test-case", "Billing#Declined");

    assertThat(paid.exitCode()).as(paid.err()).isZero();
    assertThat(paid.out()).isEqualTo("{\"receipt\":\"r-1\"}\n");
    assertThat(declined.exitCode()).isEqualTo(1);
    assertThat(declined.err()).isEqualTo("error: Payment.Declined\ncause: no funds\n");
  }

  @Test
  void aConfigErrorExitsWithTwoNamingTheField() throws IOException {
    Path def = write("greet.json", PASS);
    Path config = write("statecraft.yaml", "http:\n  allowHosts: 42\n");

    Run run = run("run", def.toString(), "--config", config.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains(config.toString()).contains("http.allowHosts");
  }

  @Test
  void aTestCaseWithoutMocksOrAnUnknownOneExitsWithTwo() throws IOException {
    Path def = write("greet.json", PASS);
    Path empty = write("empty.yaml", "{}\n");
    write("mocks.json", """
        {"StateMachines": {"Billing": {"TestCases": {"Paid": {}}}}, "MockedResponses": {}}""");
    Path config = write("statecraft.yaml", "mocks: mocks.json\n");

    Run noMocks = run("run", def.toString(), "--config", empty.toString(), "--test-case", "Paid");
    Run unknown = run("run", def.toString(), "--config", config.toString(), "--test-case", "Nope");

    assertThat(noMocks.exitCode()).isEqualTo(2);
    assertThat(noMocks.err()).contains("mocks:");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("Nope");
  }

  @Test
  void jsonPrintsOneObjectWithStatusOutputAndAwsShapedEvents() throws IOException {
    Path def = write("greet.json", PASS);

    Run run = run("run", def.toString(), "--json", "--input", "{\"name\": \"Ada\"}");

    assertThat(run.exitCode()).isZero();
    JsonNode report = run.json();
    assertThat(report.get("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(report.get("output")).isEqualTo(MAPPER.readTree("{\"greeting\":\"hello Ada\"}"));
    assertThat(report.has("error")).isFalse();
    assertThat(report.has("cause")).isFalse();
    assertThat(types(report)).containsExactly(
        "ExecutionStarted", "PassStateEntered", "PassStateExited", "ExecutionSucceeded");

    JsonNode started = report.get("events").get(0);
    assertThat(started.get("id").asLong()).isEqualTo(1);
    assertThat(started.get("previousEventId").asLong()).isZero();
    assertThat(OffsetDateTime.parse(started.get("timestamp").asText()).getOffset().getTotalSeconds())
        .isZero();
    assertThat(started.get("timestamp").asText())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}\\+00:00");
    assertThat(MAPPER.readTree(started.at("/executionStartedEventDetails/input").asText()))
        .isEqualTo(MAPPER.readTree("{\"name\": \"Ada\"}"));
    JsonNode entered = report.get("events").get(1);
    assertThat(entered.get("id").asLong()).isEqualTo(2);
    // AWS's quirk, kept: the first state entered points to 0, not to ExecutionStarted.
    assertThat(entered.get("previousEventId").asLong()).isZero();
    assertThat(report.get("events").get(2).get("previousEventId").asLong()).isEqualTo(2);
    assertThat(entered.at("/stateEnteredEventDetails/name").asText()).isEqualTo("Greet");
    assertThat(report.get("events").get(3).has("executionSucceededEventDetails")).isTrue();
  }

  @Test
  void jsonReportsAFailureWithErrorAndCauseButNoOutput() throws IOException {
    Path def = write("fail.json", FAIL);

    Run run = run("run", def.toString(), "--json");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEmpty();
    JsonNode report = run.json();
    assertThat(report.get("status").asText()).isEqualTo("FAILED");
    assertThat(report.has("output")).isFalse();
    assertThat(report.get("error").asText()).isEqualTo("Order.Rejected");
    assertThat(report.get("cause").asText()).isEqualTo("out of stock");
    assertThat(types(report)).containsExactly("ExecutionStarted", "FailStateEntered", "ExecutionFailed");
    assertThat(report.at("/events/2/executionFailedEventDetails/error").asText())
        .isEqualTo("Order.Rejected");
  }

  /** The safety timeout only stops a broken build from hanging for a day; nothing is timed. */
  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void fastForwardPassesAWaitOfOneDayOnAVirtualClock() throws IOException {
    Path def = write("nap.json", WAIT_A_DAY);

    Run run = run("run", def.toString(), "--fast-forward", "--json");

    assertThat(run.exitCode()).isZero();
    JsonNode report = run.json();
    assertThat(report.get("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(types(report)).containsExactly("ExecutionStarted", "WaitStateEntered",
        "WaitStateExited", "SucceedStateEntered", "SucceedStateExited", "ExecutionSucceeded");
    JsonNode events = report.get("events");
    OffsetDateTime entered = OffsetDateTime.parse(events.get(1).get("timestamp").asText());
    OffsetDateTime exited = OffsetDateTime.parse(events.get(2).get("timestamp").asText());
    assertThat(Duration.between(entered, exited)).isEqualTo(Duration.ofDays(1));
  }

  @Test
  void anInvalidDefinitionExitsTwoWithDiagnosticsOnStderr() throws IOException {
    Path def = write("broken.json", "{\"StartAt\": \"Missing\", \"States\": {\"A\": {\"Type\": \"Succeed\"}}}");

    Run run = run("run", def.toString(), "--json");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains(def + ":").contains(": error ")
        .contains("statecraft run: " + def + " is not a valid definition");
  }

  @Test
  void inputThatIsNotJsonExitsTwoWithAClearMessage() throws IOException {
    Path def = write("greet.json", PASS);

    Run bad = run("run", def.toString(), "--input", "{name: Ada}");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.out()).isEmpty();
    assertThat(bad.err()).startsWith("statecraft run: --input is not valid JSON: ")
        .contains("line 1, column 2");

    Run trailing = run("run", def.toString(), "--input", "{} {}");
    assertThat(trailing.exitCode()).isEqualTo(2);
    assertThat(trailing.err()).contains("--input is not valid JSON");

    Run empty = run("run", def.toString(), "--input", "  ");
    assertThat(empty.exitCode()).isEqualTo(2);
    assertThat(empty.err()).contains("--input is empty");

    Path badFile = write("bad.json", "[1, 2");
    Run fromFile = run("run", def.toString(), "--input-file", badFile.toString());
    assertThat(fromFile.exitCode()).isEqualTo(2);
    assertThat(fromFile.err()).contains("input file " + badFile + " is not valid JSON");
  }

  @Test
  void missingFilesAndConflictingOptionsExitTwo() throws IOException {
    Path def = write("greet.json", PASS);

    Run missing = run("run", dir.resolve("nope.json").toString());
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("cannot read").contains("no such file");

    Run missingInput = run("run", def.toString(), "--input-file", dir.resolve("nope.json").toString());
    assertThat(missingInput.exitCode()).isEqualTo(2);
    assertThat(missingInput.err()).contains("cannot read input file");

    assertThat(run("run", def.toString(), "--input", "{}", "--input-file", def.toString()).exitCode())
        .isEqualTo(2);
    assertThat(run("run").exitCode()).isEqualTo(2);
  }

  @Test
  void theContextObjectNamesALocalExecutionOfTheFile() throws IOException {
    Path def = write("order-flow.json", """
        {"StartAt": "Ctx", "States": {"Ctx": {"Type": "Pass",
          "Parameters": {"id.$": "$$.Execution.Id", "sm.$": "$$.StateMachine.Name"}, "End": true}}}""");

    Run run = run("run", def.toString());

    JsonNode out = MAPPER.readTree(run.out());
    assertThat(out.get("sm").asText()).isEqualTo("order-flow");
    assertThat(out.get("id").asText()).matches(
        "arn:aws:states:us-east-1:123456789012:execution:order-flow:[0-9a-f-]{36}");
  }

  @Test
  void map1000BenchWorkloadPrintsTheExpectedOutput() throws IOException {
    Path bench = SHARED.resolve("bench");

    Run run = run("run", bench.resolve("workloads/map-1000.json").toString(),
        "--input-file", bench.resolve("inputs/map-1000.json").toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(MAPPER.readTree(run.out()))
        .isEqualTo(MAPPER.readTree(Files.readString(bench.resolve("expected/map-1000.json"))));
  }
}
