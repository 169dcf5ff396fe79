package dev.statecraft.integrations.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.statecraft.asl.model.ErrorNames;
import dev.statecraft.engine.core.Json;
import dev.statecraft.engine.spi.TaskHandler;
import dev.statecraft.engine.spi.TaskRequest;
import dev.statecraft.engine.spi.TaskResult;
import dev.statecraft.integrations.IntegrationPattern;
import dev.statecraft.integrations.ResourceArn;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeoutException;

/**
 * Runs Lambda tasks on local functions: {@code arn:aws:lambda:REGION:ACCOUNT:function:NAME[:Q]}
 * (the state input is the payload, the function's result is the output) and {@code
 * arn:aws:states:::lambda:invoke} ({@code FunctionName}, {@code Payload}, {@code Qualifier},
 * {@code InvocationType} parameters; the output is Lambda's Invoke response, see {@link
 * InvokeOutput}). A function is a Java {@link TaskFunction} or an HTTP URL (see {@link
 * LocalFunctions}).
 *
 * <p>{@code lambda:invoke.waitForTaskToken} is not supported here: it needs durable task tokens.
 */
public final class LambdaTaskHandler implements TaskHandler {
  private static final long URL_DEFAULT_TIMEOUT_MILLIS = 900_000; // Lambda's longest run

  private final LocalFunctions functions;
  private final WebClient client;
  private final Executor worker;

  /**
   * @param functions where functions run
   * @param client the shared HTTP client (for URL functions)
   * @param worker where blocking Java functions run
   */
  public LambdaTaskHandler(LocalFunctions functions, WebClient client, Executor worker) {
    this.functions = functions;
    this.client = client;
    this.worker = worker;
  }

  @Override
  public boolean supports(String resource) {
    return ResourceArn.parse(resource)
        .filter(a -> a.kind() == ResourceArn.Kind.LAMBDA_FUNCTION
            || (a.isIntegration("lambda", "invoke")
                && a.pattern() == IntegrationPattern.REQUEST_RESPONSE))
        .isPresent();
  }

  @Override
  public CompletionStage<TaskResult> invoke(TaskRequest request) {
    ResourceArn arn = ResourceArn.parse(request.resource()).orElseThrow();
    boolean direct = arn.kind() == ResourceArn.Kind.LAMBDA_FUNCTION;
    FunctionName fn;
    JsonNode payload;
    String invocationType = "RequestResponse";
    if (direct) {
      fn = new FunctionName(arn.name(), arn.qualifier());
      payload = request.input();
    } else {
      JsonNode params = request.input();
      JsonNode name = params.path("FunctionName");
      fn = name.isTextual() ? FunctionName.parse(name.asText()) : null;
      if (fn == null) {
        return done(TaskResult.failure(ErrorNames.TASK_FAILED, "lambda:invoke in state '"
            + request.stateName() + "' needs a FunctionName parameter (a function name,"
            + " name:qualifier or function ARN); got " + Json.write(name.isMissingNode()
                ? NullNode.getInstance() : name)));
      }
      fn = fn.withQualifier(params.path("Qualifier").asText(null));
      payload = payload(params.path("Payload"));
      invocationType = params.path("InvocationType").asText("RequestResponse");
    }
    LocalFunctions.Target target = functions.resolve(fn);
    if (target == null) {
      return done(TaskResult.failure(ErrorNames.TASK_FAILED, unconfigured(fn, request)));
    }
    String requestId = UUID.randomUUID().toString();
    CompletionStage<TaskResult> call = target instanceof LocalFunctions.JavaTarget j
        ? callJava(j.function(), payload, new TaskFunction.Context(request.executionArn(),
            request.stateName(), fn.name(), fn.qualifier(), requestId, request.taskToken()))
        : callUrl(((LocalFunctions.UrlTarget) target).url().toString(), payload, request);
    if (direct) {
      return call;
    }
    String version = InvokeOutput.executedVersion(fn.qualifier());
    if ("Event".equals(invocationType)) {
      // Asynchronous invocation: Lambda accepts the event and answers at once with 202.
      return done(TaskResult.success(InvokeOutput.of(null, version, requestId, 202)));
    }
    return call.thenApply(r -> r instanceof TaskResult.Success s
        ? TaskResult.success(InvokeOutput.of(s.output(), version, requestId, 200)) : r);
  }

  private CompletionStage<TaskResult> callJava(TaskFunction f, JsonNode payload,
      TaskFunction.Context ctx) {
    CompletionStage<JsonNode> stage;
    try {
      stage = f.applyAsync(payload, ctx, worker);
    } catch (RuntimeException e) {
      return done(LambdaErrors.fromException(e));
    }
    return stage.handle((out, error) -> error != null ? LambdaErrors.fromException(error)
        : TaskResult.success(out == null ? NullNode.getInstance() : out));
  }

  private CompletionStage<TaskResult> callUrl(String url, JsonNode payload, TaskRequest request) {
    long timeout = request.timeoutSeconds() != null ? request.timeoutSeconds() * 1000
        : URL_DEFAULT_TIMEOUT_MILLIS;
    CompletableFuture<TaskResult> result = new CompletableFuture<>();
    client.requestAbs(HttpMethod.POST, url)
        .putHeader("Content-Type", "application/json")
        .timeout(timeout)
        .sendBuffer(Buffer.buffer(Json.write(payload)))
        .onSuccess(r -> result.complete(answer(r, url)))
        .onFailure(e -> result.complete(e instanceof TimeoutException
            ? TaskResult.failure(ErrorNames.TIMEOUT, "The function at " + url
                + " did not answer within " + timeout / 1000 + " seconds")
            : TaskResult.failure(LambdaErrors.SERVICE_EXCEPTION, "Could not call the function at "
                + url + ": " + e.getMessage())));
    return result;
  }

  private static TaskResult answer(HttpResponse<Buffer> r, String url) {
    String body = r.bodyAsString();
    // A function reports an error either with a non-2xx status or, like Lambda's Invoke API,
    // with 200 and the X-Amz-Function-Error header.
    if (r.statusCode() / 100 != 2 || r.getHeader("X-Amz-Function-Error") != null) {
      return LambdaErrors.fromErrorBody(body, r.statusCode(), url);
    }
    if (body == null || body.isBlank()) {
      return TaskResult.success(NullNode.getInstance());
    }
    try {
      return TaskResult.success(Json.parse(body));
    } catch (RuntimeException notJson) {
      return TaskResult.failure(LambdaErrors.UNKNOWN, "The function at " + url
          + " answered with a body that is not JSON: " + body);
    }
  }

  /** lambda:invoke's Payload: JSON as given; a string is taken as the JSON text it holds. */
  private static JsonNode payload(JsonNode p) {
    if (p.isMissingNode()) {
      return Json.object();
    }
    if (p.isTextual()) {
      try {
        return Json.parse(p.asText());
      } catch (RuntimeException notJson) {
        return p;
      }
    }
    return p;
  }

  private String unconfigured(FunctionName fn, TaskRequest request) {
    return "No local function is configured for Lambda function '" + fn + "' (state '"
        + request.stateName() + "', resource '" + request.resource() + "'). Map it in"
        + " statecraft.yaml under 'functions:' (" + fn.name() + ": <TaskFunction name or class>"
        + " | <http(s) URL>), register a TaskFunction named '" + fn.name() + "' through"
        + " ServiceLoader (found: " + functions.loadedNames() + "), or mock the state with a"
        + " mock configuration.";
  }

  private static CompletionStage<TaskResult> done(TaskResult r) {
    return CompletableFuture.completedFuture(r);
  }
}
