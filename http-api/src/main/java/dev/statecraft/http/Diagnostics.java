package dev.statecraft.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statecraft.asl.validate.Diagnostic;
import dev.statecraft.engine.core.Json;
import java.util.List;

/** Diagnostics as JSON, in our REST shape and in AWS's ValidateStateMachineDefinition shape. */
final class Diagnostics {
  private Diagnostics() {}

  /** {@code [{"severity","code","message","pointer","line","column"}]}. */
  static ArrayNode rest(List<Diagnostic> diagnostics) {
    ArrayNode out = Json.NODES.arrayNode();
    for (Diagnostic d : diagnostics) {
      ObjectNode n = out.addObject();
      n.put("severity", d.severity().name());
      n.put("code", d.code());
      n.put("message", d.message());
      n.put("pointer", d.pointer());
      n.put("line", d.line());
      n.put("column", d.column());
    }
    return out;
  }

  /** AWS's {@code ValidateStateMachineDefinitionDiagnostic} list. */
  static ArrayNode aws(List<Diagnostic> diagnostics) {
    ArrayNode out = Json.NODES.arrayNode();
    for (Diagnostic d : diagnostics) {
      ObjectNode n = out.addObject();
      n.put("severity", d.severity().name());
      n.put("code", d.code());
      n.put("message", d.message());
      n.put("location", d.pointer().isEmpty() ? "/" : d.pointer());
    }
    return out;
  }
}
