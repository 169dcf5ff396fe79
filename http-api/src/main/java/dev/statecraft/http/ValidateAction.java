package dev.statecraft.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statecraft.asl.Asl;
import dev.statecraft.asl.ParseResult;
import dev.statecraft.engine.core.Json;

/** AWS {@code ValidateStateMachineDefinition}: {@code result} OK/FAIL and the diagnostics. */
final class ValidateAction implements AwsAction {
  @Override
  public JsonNode handle(JsonNode request) {
    JsonNode definition = request.get("definition");
    if (definition == null || !definition.isTextual()) {
      throw ApiException.validation("1 validation error detected: Value null at 'definition'"
          + " failed to satisfy constraint: Member must not be null");
    }
    ParseResult result = Asl.parse(definition.asText());
    int max = request.path("maxResults").asInt(100);
    ObjectNode out = Json.object();
    out.put("result", result.valid() ? "OK" : "FAIL");
    var shown = result.diagnostics().subList(0, Math.min(max <= 0 ? 100 : max,
        result.diagnostics().size()));
    out.set("diagnostics", Diagnostics.aws(shown));
    out.put("truncated", shown.size() < result.diagnostics().size());
    return out;
  }
}
