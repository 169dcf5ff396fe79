package dev.statecraft.http;

import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Optional access control: when a token is configured, every request but {@code /health} and
 * the task-token callbacks (authorised by the token in their URL) must carry
 * {@code Authorization: Bearer <token>}. AWS SDK and CLI calls cannot send a bearer token, so
 * for them the token is the access key id of their SigV4 {@code Authorization} header (the
 * signature itself is not checked).
 */
final class BearerAuth {
  private final byte[] token;

  BearerAuth(String token) {
    this.token = token.getBytes(StandardCharsets.UTF_8);
  }

  void handle(RoutingContext ctx) {
    String path = ctx.request().path();
    if (path.equals("/health") || path.startsWith("/task-tokens/")) {
      ctx.next();
      return;
    }
    String header = ctx.request().getHeader("Authorization");
    String presented = null;
    if (header != null && header.startsWith("Bearer ")) {
      presented = header.substring(7).trim();
    } else if (header != null && header.startsWith("AWS4-HMAC-SHA256")) {
      int at = header.indexOf("Credential=");
      int slash = at < 0 ? -1 : header.indexOf('/', at);
      presented = slash < 0 ? null : header.substring(at + 11, slash);
    }
    if (presented != null && MessageDigest.isEqual(token,
        presented.getBytes(StandardCharsets.UTF_8))) {
      ctx.next();
      return;
    }
    ApiException denied = new ApiException.BadRequest("AccessDeniedException",
        "Missing or wrong credentials: send 'Authorization: Bearer <token>' (or use the token as"
            + " the AWS access key id)");
    ctx.response().setStatusCode(401);
    if (path.equals("/") && ctx.request().getHeader("X-Amz-Target") != null) {
      ErrorRenderer.aws(ctx, denied);
    } else {
      ctx.fail(401, denied);
    }
  }
}
