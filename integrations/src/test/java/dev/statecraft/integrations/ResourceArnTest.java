package dev.statecraft.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResourceArnTest {

  @Test
  void splitsServiceActionAndPattern() {
    ResourceArn a = ResourceArn.parse("arn:aws:states:::lambda:invoke.waitForTaskToken").orElseThrow();
    assertThat(a.kind()).isEqualTo(ResourceArn.Kind.SERVICE_INTEGRATION);
    assertThat(a.service()).isEqualTo("lambda");
    assertThat(a.action()).isEqualTo("invoke");
    assertThat(a.pattern()).isEqualTo(IntegrationPattern.WAIT_FOR_TASK_TOKEN);
    assertThat(a.patternVersion()).isNull();
  }

  @Test
  void requestResponseSyncAndVersionedSync() {
    assertThat(ResourceArn.parse("arn:aws:states:::http:invoke").orElseThrow().pattern())
        .isEqualTo(IntegrationPattern.REQUEST_RESPONSE);
    ResourceArn sync = ResourceArn.parse("arn:aws:states:::states:startExecution.sync:2")
        .orElseThrow();
    assertThat(sync.service()).isEqualTo("states");
    assertThat(sync.action()).isEqualTo("startExecution");
    assertThat(sync.pattern()).isEqualTo(IntegrationPattern.SYNC);
    assertThat(sync.patternVersion()).isEqualTo("2");
    ResourceArn glue = ResourceArn.parse("arn:aws:states:::glue:startJobRun.sync").orElseThrow();
    assertThat(glue.pattern()).isEqualTo(IntegrationPattern.SYNC);
    assertThat(glue.patternVersion()).isNull();
  }

  @Test
  void sdkIntegrationsKeepServiceAndApiInTheAction() {
    ResourceArn a = ResourceArn.parse("arn:aws:states:::aws-sdk:dynamodb:putItem").orElseThrow();
    assertThat(a.service()).isEqualTo("aws-sdk");
    assertThat(a.action()).isEqualTo("dynamodb:putItem");
    assertThat(a.isIntegration("aws-sdk", "dynamodb:putItem")).isTrue();
  }

  @Test
  void lambdaFunctionArnsWithAndWithoutQualifier() {
    ResourceArn f = ResourceArn.parse("arn:aws:lambda:eu-west-1:123456789012:function:Hello:prod")
        .orElseThrow();
    assertThat(f.kind()).isEqualTo(ResourceArn.Kind.LAMBDA_FUNCTION);
    assertThat(f.region()).isEqualTo("eu-west-1");
    assertThat(f.account()).isEqualTo("123456789012");
    assertThat(f.name()).isEqualTo("Hello");
    assertThat(f.qualifier()).isEqualTo("prod");
    assertThat(ResourceArn.parse("arn:aws:lambda:eu-west-1:123456789012:function:Hello")
        .orElseThrow().qualifier()).isNull();
  }

  @Test
  void activitiesAndUnknownShapes() {
    ResourceArn a = ResourceArn.parse("arn:aws:states:us-east-1:123456789012:activity:approve")
        .orElseThrow();
    assertThat(a.kind()).isEqualTo(ResourceArn.Kind.ACTIVITY);
    assertThat(a.name()).isEqualTo("approve");
    assertThat(ResourceArn.parse("not-an-arn")).isEmpty();
    assertThat(ResourceArn.parse("arn:aws:states:::lambda")).isEmpty();
    assertThat(ResourceArn.parse(null)).isEmpty();
  }
}
