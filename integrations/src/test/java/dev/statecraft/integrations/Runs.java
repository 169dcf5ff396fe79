package dev.statecraft.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.asl.Asl;
import dev.statecraft.asl.ParseResult;
import dev.statecraft.engine.core.ExecutionInfo;
import dev.statecraft.engine.core.Json;
import dev.statecraft.engine.runtime.ExecutionResult;
import dev.statecraft.engine.runtime.ExpressRunner;
import dev.statecraft.engine.runtime.TimeSource;
import dev.statecraft.engine.spi.TaskHandler;
import java.util.List;

/** Runs definitions end to end through the in-memory ExpressRunner on virtual time. */
public final class Runs {
  public static final long START = 1_700_000_000_000L;
  public static final String MACHINE_ARN =
      "arn:aws:states:us-east-1:123456789012:stateMachine:OrderMachine";

  private Runs() {}

  /** The execution ARN of a run named {@code name}. */
  public static String executionArn(String name) {
    return "arn:aws:states:us-east-1:123456789012:execution:OrderMachine:" + name;
  }

  public static ExecutionResult run(TaskHandler handler, String definition, String input)
      throws InterruptedException {
    return run(handler, definition, input, "run-1");
  }

  public static ExecutionResult run(TaskHandler handler, String definition, String input,
      String executionName) throws InterruptedException {
    ParseResult parsed = Asl.parse(definition);
    assertThat(parsed.errors()).as("definition errors").isEmpty();
    ExecutionInfo info = new ExecutionInfo(executionArn(executionName), executionName,
        MACHINE_ARN, "OrderMachine", "arn:aws:iam::123456789012:role/run", START, null);
    return new ExpressRunner(List.of(handler)).run(parsed.machine(), Json.parse(input),
        new ExpressRunner.Options(info, TimeSource.virtual(START), true, 42));
  }
}
