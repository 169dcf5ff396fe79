package dev.statecraft.integrations.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.statecraft.engine.core.Json;
import dev.statecraft.integrations.config.ConfigException;
import org.junit.jupiter.api.Test;

class MockConfigTest {

  @Test
  void readsTheAwsExample() {
    MockConfig c = MockConfig.parse(MockedIntegrationTest.MOCKS);
    MockedResponse r = c.responses().get("StockAfterRetry");
    assertThat(r.answer(0)).isEqualTo(new MockedResponse.Throw("Lambda.ServiceException",
        "Lambda is busy."));
    assertThat(r.answer(1)).isEqualTo(r.answer(2))
        .isEqualTo(new MockedResponse.Return(Json.parse("{\"StatusCode\":200,\"Payload\":{\"available\":1}}")));
    assertThat(r.answer(3)).isNull();
    assertThat(c.testCase("OrderMachine", "HappyPath").states())
        .containsEntry("Notify", "MessageSent");
  }

  @Test
  void refusesBadKeysBadEntriesAndDanglingNames() {
    assertThatThrownBy(() -> MockConfig.parse("""
        {"StateMachines": {}, "MockedResponses": {"R": {"first": {"Return": 1}}}}"""))
        .isInstanceOf(ConfigException.class).hasMessageContaining("MockedResponses.R")
        .hasMessageContaining("'first'");
    assertThatThrownBy(() -> MockConfig.parse("""
        {"StateMachines": {}, "MockedResponses": {"R": {"0": {"Return": 1, "Throw": {}}}}}"""))
        .hasMessageContaining("exactly one field");
    assertThatThrownBy(() -> MockConfig.parse("""
        {"StateMachines": {}, "MockedResponses": {"R": {"2-1": {"Return": 1}}}}"""))
        .hasMessageContaining("ends before it starts");
    assertThatThrownBy(() -> MockConfig.parse("""
        {"StateMachines": {"M": {"TestCases": {"T": {"S": "Missing"}}}},
         "MockedResponses": {}}"""))
        .hasMessageContaining("StateMachines.M.TestCases.T.S");
  }

  @Test
  void testCaseArns() {
    TestCaseArn t = TestCaseArn.parse(
        "arn:aws:states:us-east-1:123456789012:stateMachine:LambdaSQSIntegration#HappyPath")
        .orElseThrow();
    assertThat(t.stateMachineArn())
        .isEqualTo("arn:aws:states:us-east-1:123456789012:stateMachine:LambdaSQSIntegration");
    assertThat(t.machineName()).isEqualTo("LambdaSQSIntegration");
    assertThat(t.testCase()).isEqualTo("HappyPath");
    assertThat(TestCaseArn.parse("arn:aws:states:us-east-1:1:stateMachine:M:prod#T")
        .orElseThrow().machineName()).isEqualTo("M");
    assertThat(TestCaseArn.parse("arn:aws:states:us-east-1:1:stateMachine:M")).isEmpty();
    assertThat(TestCaseArn.parse("arn:aws:states:us-east-1:1:stateMachine:M#")).isEmpty();
  }
}
