package dev.statecraft.integrations.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * A local stand-in for a Lambda function: Task states whose Resource is {@code
 * arn:aws:lambda:…:function:NAME} or {@code arn:aws:states:::lambda:invoke} with {@code
 * FunctionName: NAME} run it instead of calling AWS, so a definition written for AWS runs
 * unchanged.
 *
 * <p>Register implementations with {@link java.util.ServiceLoader}: list the class in {@code
 * META-INF/services/dev.statecraft.integrations.lambda.TaskFunction}. A function answers to its
 * {@link #name()}; {@code functions:} in {@code statecraft.yaml} can map other Lambda names to it
 * (by name or class name). Implementations need a public no-argument constructor and must be
 * safe to call from several threads at once.
 *
 * <p>Errors follow Lambda's unhandled-error behaviour: a thrown exception fails the task with the
 * exception's simple class name as the error (throw {@link FunctionError} to choose the name) and
 * Lambda's error document {@code {"errorMessage", "errorType", "stackTrace"}} as the cause.
 */
public interface TaskFunction {

  /** The Lambda function name this function answers to (e.g. {@code HelloFunction}). */
  String name();

  /**
   * Runs the function. It is called on a worker thread and may block.
   *
   * @param input the payload (the effective task input, or lambda:invoke's {@code Payload})
   * @param context the call's context
   * @return the result payload (null for none)
   */
  JsonNode apply(JsonNode input, Context context) throws Exception;

  /**
   * Runs the function without blocking the caller. The default runs {@link #apply} on {@code
   * worker}; non-blocking functions override this and ignore {@code worker}.
   */
  default CompletionStage<JsonNode> applyAsync(JsonNode input, Context context, Executor worker) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        return apply(input, context);
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new CompletionException(e);
      }
    }, worker);
  }

  /**
   * What a function knows about its call.
   *
   * @param executionArn the execution
   * @param stateName the Task state
   * @param functionName the Lambda function name the definition used
   * @param qualifier the version or alias asked for, or null
   * @param requestId an id for this call (Lambda's {@code awsRequestId})
   * @param taskToken the task token when the state hands one out, else null
   */
  record Context(String executionArn, String stateName, String functionName, String qualifier,
      String requestId, String taskToken) {}
}
