package dev.statecraft.integrations.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statecraft.engine.core.ExecutionStatus;
import dev.statecraft.engine.core.HistoryEvent;
import dev.statecraft.engine.core.Json;
import dev.statecraft.engine.runtime.ExecutionResult;
import dev.statecraft.integrations.Runs;
import dev.statecraft.integrations.TaskHandlers;
import dev.statecraft.integrations.config.ConfigException;
import dev.statecraft.integrations.config.StatecraftConfig;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A definition written for AWS (Lambda, SQS, DynamoDB) driven by a Step Functions Local mock file. */
class MockedIntegrationTest {
  static final String DEFINITION = """
      {"StartAt": "CheckStock", "States": {
        "CheckStock": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
          "Parameters": {"FunctionName": "check-stock", "Payload.$": "$"},
          "ResultSelector": {"available.$": "$.Payload.available"},
          "ResultPath": "$.stock",
          "Retry": [{"ErrorEquals": ["Lambda.ServiceException"], "IntervalSeconds": 2,
                     "MaxAttempts": 2}],
          "Next": "Notify"},
        "Notify": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage",
          "Parameters": {"QueueUrl": "https://sqs.us-east-1.amazonaws.com/123456789012/orders",
                         "MessageBody.$": "$.order"},
          "ResultPath": "$.message",
          "Next": "Save"},
        "Save": {"Type": "Task", "Resource": "arn:aws:states:::dynamodb:putItem",
          "Parameters": {"TableName": "Orders", "Item": {"id": {"S.$": "$.order"}}},
          "ResultPath": null,
          "Catch": [{"ErrorEquals": ["DynamoDB.ConditionalCheckFailedException"],
                     "ResultPath": "$.saveError", "Next": "AlreadySaved"}],
          "End": true},
        "AlreadySaved": {"Type": "Pass", "End": true}
      }}""";

  static final String MOCKS = """
      {
        "StateMachines": {
          "OrderMachine": {
            "TestCases": {
              "HappyPath": {"CheckStock": "StockAvailable", "Notify": "MessageSent",
                            "Save": "Saved"},
              "RetryPath": {"CheckStock": "StockAfterRetry", "Notify": "MessageSent",
                            "Save": "Saved"},
              "DuplicatePath": {"CheckStock": "StockAvailable", "Notify": "MessageSent",
                                "Save": "Duplicate"},
              "ShortPath": {"CheckStock": "OneAnswerOnly", "Notify": "MessageSent",
                            "Save": "Saved"}
            }
          }
        },
        "MockedResponses": {
          "StockAvailable": {"0": {"Return": {"StatusCode": 200, "Payload": {"available": 3}}}},
          "StockAfterRetry": {
            "0": {"Throw": {"Error": "Lambda.ServiceException", "Cause": "Lambda is busy."}},
            "1-2": {"Return": {"StatusCode": 200, "Payload": {"available": 1}}}
          },
          "OneAnswerOnly": {
            "0": {"Throw": {"Error": "Lambda.ServiceException", "Cause": "Lambda is busy."}}
          },
          "MessageSent": {"0": {"Return": {"MessageId": "m-1", "MD5OfMessageBody": "abc"}}},
          "Saved": {"0": {"Return": {}}},
          "Duplicate": {"0": {"Throw": {"Error": "DynamoDB.ConditionalCheckFailedException",
                                        "Cause": "The conditional request failed"}}}
        }
      }""";

  private static Vertx vertx;

  @TempDir
  Path dir;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get();
  }

  /** Runs the definition as Step Functions Local would for ARN {@code …:OrderMachine#testCase}. */
  private ExecutionResult runTestCase(String testCase, String executionName) throws Exception {
    Files.writeString(dir.resolve("MockConfigFile.json"), MOCKS);
    Files.writeString(dir.resolve("statecraft.yaml"), "mocks: MockConfigFile.json\n");
    StatecraftConfig config = StatecraftConfig.read(dir.resolve("statecraft.yaml"));
    try (TaskHandlers handlers = TaskHandlers.create(config, vertx)) {
      MockedTaskHandler mocks = handlers.mocks().orElseThrow();
      TestCaseArn start = TestCaseArn.parse(Runs.MACHINE_ARN + "#" + testCase).orElseThrow();
      mocks.bind(Runs.executionArn(executionName), start);
      try {
        return Runs.run(handlers, DEFINITION, "{\"order\": \"o-42\"}", executionName);
      } finally {
        mocks.release(Runs.executionArn(executionName));
      }
    }
  }

  @Test
  void happyPathAnswersEveryServiceFromTheMocks() throws Exception {
    ExecutionResult r = runTestCase("HappyPath", "happy");
    assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(r.output()).isEqualTo(Json.parse("""
        {"order": "o-42", "stock": {"available": 3},
         "message": {"MessageId": "m-1", "MD5OfMessageBody": "abc"}}"""));
  }

  @Test
  void invocationZeroThrowsAndTheRetryGetsInvocationOne() throws Exception {
    ExecutionResult r = runTestCase("RetryPath", "retry");
    assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(r.output().get("stock").get("available").asInt()).isEqualTo(1);
    assertThat(r.history().stream().map(HistoryEvent::type).map(Enum::name)
        .filter(n -> n.equals("TaskFailed"))).hasSize(1);
  }

  @Test
  void aMockedErrorIsCaught() throws Exception {
    ExecutionResult r = runTestCase("DuplicatePath", "duplicate");
    assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    JsonNode error = r.output().get("saveError");
    assertThat(error.get("Error").asText()).isEqualTo("DynamoDB.ConditionalCheckFailedException");
    assertThat(error.get("Cause").asText()).isEqualTo("The conditional request failed");
  }

  @Test
  void anInvocationWithoutAnAnswerFailsTheExecution() throws Exception {
    ExecutionResult r = runTestCase("ShortPath", "short");
    assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(r.error()).isEqualTo("States.Runtime");
    assertThat(r.cause()).contains("OneAnswerOnly").contains("invocation 1");
  }

  @Test
  void unboundExecutionsAreNotMocked() throws Exception {
    Files.writeString(dir.resolve("MockConfigFile.json"), MOCKS);
    StatecraftConfig config = StatecraftConfig.parse("mocks: MockConfigFile.json", dir);
    try (TaskHandlers handlers = TaskHandlers.create(config, vertx)) {
      ExecutionResult r = Runs.run(handlers, DEFINITION, "{\"order\": \"o-1\"}", "unbound");
      assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
      assertThat(r.error()).isEqualTo("States.TaskFailed");
      assertThat(r.cause()).contains("check-stock");
    }
  }

  @Test
  void forTestCaseAnswersEveryExecutionAndCountsPerExecution() throws Exception {
    MockedTaskHandler mocks = MockedTaskHandler.forTestCase(MockConfig.parse(MOCKS),
        "OrderMachine", "RetryPath");
    for (String name : new String[] {"first", "second"}) {
      ExecutionResult r = Runs.run(mocks, DEFINITION, "{\"order\": \"o-9\"}", name);
      assertThat(r.status()).as(name).isEqualTo(ExecutionStatus.SUCCEEDED);
      assertThat(r.output().get("stock").get("available").asInt()).isEqualTo(1);
    }
  }

  @Test
  void unknownTestCasesAreRefusedWhenBound() {
    MockedTaskHandler mocks = MockedTaskHandler.of(MockConfig.parse(MOCKS));
    assertThatThrownBy(() -> mocks.bind("e", "OrderMachine", "Nope"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("HappyPath");
    assertThatThrownBy(() -> mocks.bind("e", "Other", "HappyPath"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("OrderMachine");
  }
}
