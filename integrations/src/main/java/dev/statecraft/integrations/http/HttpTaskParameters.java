package dev.statecraft.integrations.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statecraft.engine.core.Json;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The Parameters (or Arguments) of an {@code http:invoke} task, checked: {@code ApiEndpoint}
 * (required http(s) URL), {@code Method} (required), {@code Headers}, {@code QueryParameters},
 * {@code RequestBody}, {@code Transform} ({@code RequestBodyEncoding: URL_ENCODED} with {@code
 * RequestEncodingOptions.ArrayFormat}) and the connection ARN under {@code Authentication} or
 * {@code InvocationConfig}.
 *
 * @param endpoint the URL to call
 * @param method GET, POST, PUT, DELETE, PATCH, HEAD or OPTIONS
 * @param headers request headers in order (a header may repeat)
 * @param query query parameters in order (a name may repeat)
 * @param body the request body bytes, or null for none
 * @param contentType the body's default Content-Type (a Headers entry overrides it), or null
 * @param connectionArn the EventBridge connection ARN, or null
 */
record HttpTaskParameters(URI endpoint, String method, List<Map.Entry<String, String>> headers,
    List<Map.Entry<String, String>> query, byte[] body, String contentType, String connectionArn) {

  private static final Set<String> METHODS =
      Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");

  /** A parameter problem; the message says which field and what it needs. */
  static final class Invalid extends Exception {
    Invalid(String message) {
      super(message);
    }
  }

  static HttpTaskParameters read(JsonNode p) throws Invalid {
    if (!p.isObject()) {
      throw new Invalid("http:invoke needs an object of parameters (ApiEndpoint, Method, ...)");
    }
    JsonNode e = p.path("ApiEndpoint");
    if (!e.isTextual()) {
      throw new Invalid("http:invoke needs ApiEndpoint, the URL to call, as a string");
    }
    URI endpoint;
    try {
      endpoint = URI.create(e.asText());
    } catch (IllegalArgumentException bad) {
      throw new Invalid("ApiEndpoint is not a valid URL: " + e.asText());
    }
    String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || endpoint.getHost() == null) {
      throw new Invalid("ApiEndpoint must be an absolute http(s) URL; got " + e.asText());
    }
    String method = p.path("Method").asText("").toUpperCase(Locale.ROOT);
    if (!METHODS.contains(method)) {
      throw new Invalid("Method must be one of " + METHODS.stream().sorted().toList() + "; got "
          + Json.write(p.path("Method").isMissingNode() ? Json.NODES.nullNode() : p.get("Method")));
    }
    List<Map.Entry<String, String>> headers = pairs(p.path("Headers"), "Headers");
    List<Map.Entry<String, String>> query = pairs(p.path("QueryParameters"), "QueryParameters");

    byte[] body = null;
    String contentType = null;
    JsonNode b = p.path("RequestBody");
    if (!b.isMissingNode() && !b.isNull()) {
      JsonNode t = p.path("Transform");
      String encoding = t.path("RequestBodyEncoding").asText("NONE");
      if ("URL_ENCODED".equals(encoding)) {
        if (!b.isObject()) {
          throw new Invalid("RequestBody must be an object to be URL-encoded");
        }
        String format = t.path("RequestEncodingOptions").path("ArrayFormat").asText("INDICES");
        body = FormEncoding.encode(b, FormEncoding.ArrayFormat.of(format))
            .getBytes(StandardCharsets.UTF_8);
        contentType = "application/x-www-form-urlencoded";
      } else if (!"NONE".equals(encoding)) {
        throw new Invalid("Transform.RequestBodyEncoding must be NONE or URL_ENCODED; got "
            + encoding);
      } else if (b.isTextual()) {
        body = b.asText().getBytes(StandardCharsets.UTF_8);
        contentType = "text/plain; charset=UTF-8";
      } else {
        body = Json.write(b).getBytes(StandardCharsets.UTF_8);
        contentType = "application/json; charset=UTF-8";
      }
    }
    String connection = p.path("Authentication").path("ConnectionArn").asText(null);
    if (connection == null) {
      connection = p.path("InvocationConfig").path("ConnectionArn").asText(null);
    }
    return new HttpTaskParameters(endpoint, method, headers, query, body, contentType, connection);
  }

  /** An object of scalars or arrays of scalars as ordered name/value pairs. */
  private static List<Map.Entry<String, String>> pairs(JsonNode n, String field) throws Invalid {
    List<Map.Entry<String, String>> out = new ArrayList<>();
    if (n.isMissingNode() || n.isNull()) {
      return out;
    }
    if (!n.isObject()) {
      throw new Invalid(field + " must be an object of names to values");
    }
    for (var it = n.fields(); it.hasNext(); ) {
      var e = it.next();
      if (e.getValue().isArray()) {
        for (JsonNode v : e.getValue()) {
          out.add(Map.entry(e.getKey(), scalar(v, field + "." + e.getKey())));
        }
      } else {
        out.add(Map.entry(e.getKey(), scalar(e.getValue(), field + "." + e.getKey())));
      }
    }
    return out;
  }

  private static String scalar(JsonNode v, String field) throws Invalid {
    if (!v.isValueNode()) {
      throw new Invalid(field + " must be a string, number or boolean");
    }
    return v.asText();
  }
}
