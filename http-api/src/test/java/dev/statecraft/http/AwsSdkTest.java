package dev.statecraft.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ActivityDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.CreateStateMachineResponse;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.GetActivityTaskResponse;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.StateMachineType;
import software.amazon.awssdk.services.sfn.model.TaskDoesNotExistException;

/**
 * The real AWS SDK for Java v2 against our server: SigV4-signed AWS JSON 1.0 requests, our
 * answers parsed into its models and our errors into its modelled exceptions.
 */
class AwsSdkTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static TestEngine engine;
  private static ApiServer server;
  private static SfnClient sfn;

  @BeforeAll
  static void start() {
    engine = new TestEngine();
    server = new ApiServer(engine.service()).shutdownGrace(0);
    int port = server.start("127.0.0.1", 0);
    sfn = SfnClient.builder()
        .endpointOverride(URI.create("http://127.0.0.1:" + port))
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create("AKIDEXAMPLE", "dummy-secret")))
        .httpClientBuilder(Apache5HttpClient.builder())
        // The SDK would send StartSyncExecution to sync-<host>; we serve it on the same host.
        .overrideConfiguration(c -> c.putAdvancedOption(
            SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true))
        .build();
  }

  @AfterAll
  static void stop() {
    sfn.close();
    server.close();
    engine.close();
  }

  @Test
  void aCallbackWorkflowThroughTheSdk() throws Exception {
    CreateStateMachineResponse created = sfn.createStateMachine(b -> b.name("sdk-approval")
        .roleArn("arn:aws:iam::123456789012:role/sfn").type(StateMachineType.STANDARD)
        .definition("""
            {"StartAt":"Approve","States":{"Approve":{"Type":"Task",
              "Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",
              "Parameters":{"MessageBody":{"token.$":"$$.Task.Token","id.$":"$.id"}},
              "Next":"Done"},"Done":{"Type":"Succeed"}}}"""));
    String machine = created.stateMachineArn();
    assertThat(machine).endsWith(":stateMachine:sdk-approval");
    assertThat(created.creationDate()).isNotNull();

    String exec = sfn.startExecution(b -> b.stateMachineArn(machine).name("order-1")
        .input("{\"id\":1}")).executionArn();
    DescribeExecutionResponse running = sfn.describeExecution(b -> b.executionArn(exec));
    assertThat(running.status()).isEqualTo(ExecutionStatus.RUNNING);
    assertThat(running.input()).isEqualTo("{\"id\":1}");
    assertThat(running.startDate()).isNotNull();

    List<HistoryEvent> events = sfn.getExecutionHistory(b -> b.executionArn(exec)).events();
    HistoryEvent scheduled = events.stream()
        .filter(e -> e.type() == HistoryEventType.TASK_SCHEDULED).findFirst().orElseThrow();
    assertThat(scheduled.taskScheduledEventDetails().resourceType()).isEqualTo("sqs");
    JsonNode params = JSON.readTree(scheduled.taskScheduledEventDetails().parameters());
    String token = params.get("MessageBody").get("token").asText();

    sfn.sendTaskHeartbeat(b -> b.taskToken(token));
    sfn.sendTaskSuccess(b -> b.taskToken(token).output("{\"approved\":true}"));
    engine.engine().whenFinished(exec).get(20, TimeUnit.SECONDS);

    DescribeExecutionResponse done = sfn.describeExecution(b -> b.executionArn(exec));
    assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(JSON.readTree(done.output())).isEqualTo(JSON.readTree("{\"approved\":true}"));
    assertThat(done.stopDate()).isNotNull();
    List<HistoryEventType> types = sfn.getExecutionHistory(b -> b.executionArn(exec)).events()
        .stream().map(HistoryEvent::type).toList();
    assertThat(types).containsSubsequence(HistoryEventType.TASK_SCHEDULED,
        HistoryEventType.TASK_STARTED, HistoryEventType.TASK_SUCCEEDED,
        HistoryEventType.EXECUTION_SUCCEEDED);

    assertThat(sfn.listExecutions(b -> b.stateMachineArn(machine)).executions())
        .extracting(e -> e.name()).containsExactly("order-1");
    assertThat(sfn.listExecutions(b -> b.stateMachineArn(machine)
        .statusFilter(ExecutionStatus.RUNNING)).executions()).isEmpty();

    assertThatThrownBy(() -> sfn.sendTaskSuccess(b -> b.taskToken(token).output("{}")))
        .isInstanceOf(TaskDoesNotExistException.class);
    assertThatThrownBy(() -> sfn.sendTaskFailure(b -> b.taskToken("not/a/token")))
        .isInstanceOf(InvalidTokenException.class);
  }

  @Test
  void anActivityWorkerThroughTheSdk() throws Exception {
    String activity = sfn.createActivity(b -> b.name("sdk-activity")).activityArn();
    assertThat(sfn.describeActivity(b -> b.activityArn(activity)).name())
        .isEqualTo("sdk-activity");
    assertThat(sfn.listActivities(b -> { }).activities())
        .anyMatch(a -> a.activityArn().equals(activity));
    String machine = sfn.createStateMachine(b -> b.name("sdk-activity-machine")
        .roleArn("arn:aws:iam::123456789012:role/sfn")
        .definition("{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Task\",\"Resource\":\""
            + activity + "\",\"End\":true}}}")).stateMachineArn();
    String exec = sfn.startExecution(b -> b.stateMachineArn(machine).input("{\"a\":1}"))
        .executionArn();
    GetActivityTaskResponse task = sfn.getActivityTask(b -> b.activityArn(activity)
        .workerName("sdk-worker"));
    assertThat(task.input()).isEqualTo("{\"a\":1}");
    sfn.sendTaskSuccess(b -> b.taskToken(task.taskToken()).output("{\"b\":2}"));
    engine.engine().whenFinished(exec).get(20, TimeUnit.SECONDS);
    assertThat(sfn.describeExecution(b -> b.executionArn(exec)).output())
        .isEqualTo("{\"b\":2}");
    List<HistoryEventType> types = sfn.getExecutionHistory(b -> b.executionArn(exec)).events()
        .stream().map(HistoryEvent::type).toList();
    assertThat(types).containsSubsequence(HistoryEventType.ACTIVITY_SCHEDULED,
        HistoryEventType.ACTIVITY_STARTED, HistoryEventType.ACTIVITY_SUCCEEDED);
    sfn.deleteActivity(b -> b.activityArn(activity));
    assertThatThrownBy(() -> sfn.describeActivity(b -> b.activityArn(activity)))
        .isInstanceOf(ActivityDoesNotExistException.class);
  }
}
