package dev.statecraft.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statecraft.engine.core.Json;
import io.vertx.ext.web.RoutingContext;

/**
 * A REST request body: JSON, or a YAML definition ({@code Content-Type: application/yaml}) with
 * the other fields as query parameters. Malformed input is a 400 saying what is wrong.
 */
final class Request {
  private final RoutingContext ctx;
  private final JsonNode body;
  private final String yaml;

  private Request(RoutingContext ctx, JsonNode body, String yaml) {
    this.ctx = ctx;
    this.body = body;
    this.yaml = yaml;
  }

  static Request of(RoutingContext ctx) {
    String type = ctx.request().getHeader("Content-Type");
    String text = ctx.body() == null || ctx.body().buffer() == null ? "" : ctx.body().asString();
    if (type != null && (type.startsWith("application/yaml") || type.startsWith("text/yaml")
        || type.startsWith("application/x-yaml"))) {
      return new Request(ctx, Json.object(), text);
    }
    if (text.isBlank()) {
      return new Request(ctx, Json.object(), null);
    }
    try {
      JsonNode node = Json.MAPPER.readTree(text);
      if (!node.isObject()) {
        throw ApiException.validation("The request body must be a JSON object");
      }
      return new Request(ctx, node, null);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw ApiException.validation("The request body is not valid JSON (line "
          + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + "): "
          + e.getOriginalMessage());
    }
  }

  JsonNode body() {
    return body;
  }

  /** A field of the JSON body, else the query parameter of that name. */
  String text(String field) {
    JsonNode v = body.get(field);
    if (v != null && !v.isNull()) {
      if (!v.isTextual()) {
        throw ApiException.validation("'" + field + "' must be a string");
      }
      return v.asText();
    }
    return ctx.queryParams().get(field);
  }

  /** The definition: the YAML body, or the JSON body's "definition" (a string or an object). */
  String definition() {
    if (yaml != null) {
      if (yaml.isBlank()) {
        throw ApiException.validation("The request body must hold the YAML definition");
      }
      return yaml;
    }
    JsonNode d = body.get("definition");
    if (d == null || d.isNull()) {
      throw ApiException.validation("'definition' is required (a JSON object or a string of"
          + " JSON/YAML)");
    }
    return d.isTextual() ? d.asText() : Json.write(d);
  }

  static Integer intParam(RoutingContext ctx, String name) {
    String v = ctx.queryParams().get(name);
    if (v == null) {
      return null;
    }
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw ApiException.validation("Query parameter '" + name + "' must be an integer, got '"
          + v + "'");
    }
  }

  static int intPath(RoutingContext ctx, String name) {
    try {
      return Integer.parseInt(ctx.pathParam(name));
    } catch (NumberFormatException e) {
      throw ApiException.validation("'" + name + "' must be an integer");
    }
  }
}
