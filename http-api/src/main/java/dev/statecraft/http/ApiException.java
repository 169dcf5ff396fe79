package dev.statecraft.http;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An error answered to a client: an HTTP status, AWS's exception name (so the AWS SDKs raise
 * their modelled exception) and a message. Handlers throw it; {@link ErrorRenderer} alone turns
 * it into a response body.
 */
public sealed class ApiException extends RuntimeException
    permits ApiException.BadRequest,
        ApiException.NotFound,
        ApiException.Conflict,
        ApiException.Internal {

  private final int status;
  private final String awsName;
  private final transient JsonNode details;

  ApiException(int status, String awsName, String message, JsonNode details) {
    super(message, null, false, false);
    this.status = status;
    this.awsName = awsName;
    this.details = details;
  }

  /** The HTTP status for the REST API (the AWS protocol always answers 400). */
  public int status() {
    return status;
  }

  /** AWS's exception name, e.g. {@code ExecutionDoesNotExist}. */
  public String awsName() {
    return awsName;
  }

  /** Extra JSON for the REST body (e.g. validation diagnostics), or null. */
  public JsonNode details() {
    return details;
  }

  /** 400: the request is malformed or refers to something invalid. */
  public static final class BadRequest extends ApiException {
    public BadRequest(String awsName, String message) {
      super(400, awsName, message, null);
    }

    public BadRequest(String awsName, String message, JsonNode details) {
      super(400, awsName, message, details);
    }
  }

  /** 404: the named resource does not exist. */
  public static final class NotFound extends ApiException {
    public NotFound(String awsName, String message) {
      super(404, awsName, message, null);
    }
  }

  /** 409: the resource exists, or its state forbids the request. */
  public static final class Conflict extends ApiException {
    public Conflict(String awsName, String message) {
      super(409, awsName, message, null);
    }
  }

  /** 500: a bug of ours; the client gets no internals. */
  public static final class Internal extends ApiException {
    public Internal() {
      super(500, "InternalFailure", "The server failed to handle the request; see its log.",
          null);
    }
  }

  /** A request body or parameter that is wrong, with where. */
  public static BadRequest validation(String message) {
    return new BadRequest("ValidationException", message);
  }
}
