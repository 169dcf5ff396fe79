package dev.statecraft.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statecraft.asl.Asl;
import dev.statecraft.asl.ParseResult;
import dev.statecraft.asl.validate.Diagnostic;
import dev.statecraft.engine.core.ExecutionInfo;
import dev.statecraft.engine.core.ExecutionStatus;
import dev.statecraft.engine.core.HistoryEvent;
import dev.statecraft.engine.core.Json;
import dev.statecraft.engine.runtime.ExecutionResult;
import dev.statecraft.engine.runtime.ExpressRunner;
import dev.statecraft.engine.runtime.TimeSource;
import dev.statecraft.integrations.TaskHandlers;
import dev.statecraft.integrations.config.ConfigException;
import dev.statecraft.integrations.config.StatecraftConfig;
import dev.statecraft.integrations.mock.MockedTaskHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code statecraft run FILE [--input JSON | --input-file F] [--json] [--fast-forward]}: runs one
 * execution of a definition in memory to its end.
 *
 * <p>Without {@code --json} it prints the output (compact JSON, one line) on stdout, or
 * {@code error: …} and {@code cause: …} on stderr. With {@code --json} it prints one JSON object,
 * {@code {"status", "output", "error", "cause", "events"}}, whatever the outcome, so that scripts
 * read one shape. Exit code 0 when the execution succeeded, 1 when it failed or timed out, 2 when
 * it could not start (usage, unreadable file, invalid definition, input that is not JSON).
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = "Run a state machine definition (JSON or YAML) once, in memory, and print its"
        + " output. Task states run the integrations of statecraft.yaml (--config): HTTP"
        + " tasks, local functions and Step Functions Local mocks (--test-case).",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the execution succeeded",
      "1:the execution failed or timed out",
      "2:usage error, unreadable file, invalid definition or configuration, or input that is"
          + " not JSON"
    })
final class RunCommand implements Callable<Integer> {
  /** Account and region of the local ARNs: AWS's documentation account, so nobody takes them for real. */
  static final String ARN_PREFIX = "arn:aws:states:us-east-1:123456789012:";

  private static final int FAILED = 1;
  private static final ObjectReader STRICT_JSON =
      Json.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The definition to run.")
  Path file;

  @ArgGroup(exclusive = true)
  InputSource inputSource;

  /** Where the execution input comes from; without either it is {@code {}}, as in AWS. */
  static final class InputSource {
    @Option(names = "--input", paramLabel = "JSON", description = "The execution input (JSON text).")
    String json;

    @Option(names = "--input-file", paramLabel = "F", description = "A file holding the execution input.")
    Path file;
  }

  @Option(names = "--json", description = "Print one JSON object: status, output, error, cause and"
      + " the history events as GetExecutionHistory shows them.")
  boolean json;

  @Option(names = "--fast-forward", description = "Use a virtual clock: Wait states, retry backoffs"
      + " and timeouts pass instantly.")
  boolean fastForward;

  @Option(names = "--config", paramLabel = "FILE", description = "Configuration (YAML or JSON;"
      + " default: statecraft.yaml in the current directory when there is one).")
  Path config;

  @Option(names = "--test-case", paramLabel = "[MACHINE#]CASE", description = "Answer the"
      + " mocked states from this test case of the mock configuration ('mocks:' in the"
      + " configuration). MACHINE defaults to the only state machine of the mock file, else the"
      + " definition's file name.")
  String testCase;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();

    String source;
    try {
      source = ValidateCommand.readAtMostOverLimit(file);
    } catch (IOException e) {
      err.println("statecraft run: cannot read " + file + ": " + ValidateCommand.describe(e));
      err.flush();
      return CommandLine.ExitCode.USAGE;
    }
    ParseResult parsed = Asl.parse(source);
    if (!parsed.valid()) {
      // stdout carries only the execution's result, so the diagnostics go to stderr.
      for (Diagnostic d : parsed.diagnostics()) {
        err.println(file + ":" + d.format());
      }
      err.println("statecraft run: " + file + " is not a valid definition");
      err.flush();
      return CommandLine.ExitCode.USAGE;
    }

    JsonNode input;
    try {
      input = readInput();
    } catch (IOException e) {
      err.println("statecraft run: " + e.getMessage());
      err.flush();
      return CommandLine.ExitCode.USAGE;
    }

    StatecraftConfig settings;
    TaskHandlers handlers;
    try {
      settings = ConfigFile.load(config);
      handlers = TaskHandlers.create(settings);
    } catch (ConfigException | UncheckedIOException e) {
      err.println("statecraft run: " + e.getMessage());
      err.flush();
      return CommandLine.ExitCode.USAGE;
    }
    ExecutionResult result;
    try (handlers) {
      ExecutionInfo info = executionInfo();
      String problem = bindTestCase(handlers, info.executionArn());
      if (problem != null) {
        err.println("statecraft run: " + problem);
        err.flush();
        return CommandLine.ExitCode.USAGE;
      }
      result = execute(handlers, info, parsed, input);
    }
    if (json) {
      out.println(Json.write(report(result)));
    } else if (result.status() == ExecutionStatus.SUCCEEDED) {
      out.println(Json.write(result.output()));
    } else {
      err.println("error: " + (result.error() != null ? result.error() : result.status()));
      if (result.cause() != null) {
        err.println("cause: " + result.cause());
      }
    }
    out.flush();
    err.flush();
    return result.status() == ExecutionStatus.SUCCEEDED ? CommandLine.ExitCode.OK : FAILED;
  }

  private JsonNode readInput() throws IOException {
    if (inputSource == null) {
      return Json.object();
    }
    String text;
    String from;
    if (inputSource.file != null) {
      try {
        text = Files.readString(inputSource.file);
      } catch (IOException e) {
        throw new IOException("cannot read input file " + inputSource.file + ": "
            + ValidateCommand.describe(e), e);
      }
      from = "input file " + inputSource.file;
    } else {
      text = inputSource.json;
      from = "--input";
    }
    try {
      JsonNode node = STRICT_JSON.readTree(text);
      if (node == null || node.isMissingNode()) {
        throw new IOException(from + " is empty: the input must be one JSON value");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new IOException(from + " is not valid JSON: " + e.getOriginalMessage()
          + location(e), e);
    }
  }

  private static String location(JsonProcessingException e) {
    return e.getLocation() == null ? ""
        : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
  }

  private ExecutionInfo executionInfo() {
    long start = System.currentTimeMillis();
    String machineName = baseName(file);
    String executionName = UUID.randomUUID().toString();
    // A Standard-looking execution (RedriveCount 0 in $$): `run` is how people try out
    // workflows they will deploy, and Standard is AWS's default type.
    return new ExecutionInfo(
        ARN_PREFIX + "execution:" + machineName + ":" + executionName, executionName,
        ARN_PREFIX + "stateMachine:" + machineName, machineName,
        "arn:aws:iam::123456789012:role/statecraft-local", start, 0);
  }

  /** Binds the execution to {@code --test-case}; returns what is wrong, or null. */
  private String bindTestCase(TaskHandlers handlers, String executionArn) {
    if (testCase == null) {
      return null;
    }
    MockedTaskHandler mocks = handlers.mocks().orElse(null);
    if (mocks == null) {
      return "--test-case needs a mock configuration: name one under 'mocks:' in the"
          + " configuration file (--config)";
    }
    int hash = testCase.indexOf('#');
    String machine;
    if (hash >= 0) {
      machine = testCase.substring(0, hash);
    } else if (mocks.config().testCases().size() == 1) {
      machine = mocks.config().testCases().keySet().iterator().next();
    } else {
      machine = baseName(file);
    }
    try {
      mocks.bind(executionArn, machine, testCase.substring(hash + 1));
      return null;
    } catch (ConfigException e) {
      return e.getMessage();
    }
  }

  private ExecutionResult execute(TaskHandlers handlers, ExecutionInfo info, ParseResult parsed,
      JsonNode input) throws InterruptedException {
    TimeSource time = fastForward ? TimeSource.virtual(info.startMillis()) : TimeSource.system();
    // A fresh seed per run: States.UUID and $random differ between executions, as on AWS.
    long seed = new SecureRandom().nextLong();
    return new ExpressRunner(List.of(handlers)).run(parsed.machine(), input,
        new ExpressRunner.Options(info, time, json, seed));
  }

  /** The definition's file name without its extension, as the local state machine's name. */
  static String baseName(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String base = dot > 0 ? name.substring(0, dot) : name;
    // State machine names allow letters, digits, '-' and '_' only (80 at most).
    base = base.replaceAll("[^A-Za-z0-9_-]", "_");
    return base.length() > 80 ? base.substring(0, 80) : base;
  }

  /** The {@code --json} object; its shape is documented in the README and relied on by scripts. */
  static ObjectNode report(ExecutionResult result) {
    ObjectNode report = Json.object();
    report.put("status", result.status().name());
    if (result.status() == ExecutionStatus.SUCCEEDED) {
      report.set("output", result.output());
    }
    if (result.error() != null) {
      report.put("error", result.error());
    }
    if (result.cause() != null) {
      report.put("cause", result.cause());
    }
    ArrayNode events = report.putArray("events");
    for (HistoryEvent e : result.history()) {
      events.add(HistoryEventJson.render(e));
    }
    return report;
  }
}
