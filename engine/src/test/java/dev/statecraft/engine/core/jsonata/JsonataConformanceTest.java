package dev.statecraft.engine.core.jsonata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statecraft.asl.expr.JsonataExpr;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Evaluates the Output of recorded single-Pass-state JSONata cases against what AWS returned.
 * Only cases checkable without an interpreter are used: one Pass state, no variables, no context.
 */
class JsonataConformanceTest {
  private static final Path CASES = Path.of("/work/shared/conformance/cases");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void singlePassStateOutputsMatchAws() throws Exception {
    assumeTrue(Files.isDirectory(CASES), "conformance corpus not present");
    int checked = 0;
    try (Stream<Path> files = Files.list(CASES)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        JsonNode c = JSON.readTree(f.toFile());
        JsonNode states = c.path("definition").path("States");
        if (states.size() != 1 || !c.path("expected").path("status").asText().equals("SUCCEEDED")) {
          continue;
        }
        JsonNode state = states.elements().next();
        String text = state.toString();
        boolean jsonata =
            "JSONata".equals(state.path("QueryLanguage").asText(
                c.path("definition").path("QueryLanguage").asText()));
        if (!jsonata || !state.path("Type").asText().equals("Pass") || !state.has("Output")
            || text.contains("$states.context") || state.has("Assign")) {
          continue;
        }
        ObjectNode bindings = JsonNodeFactory.instance.objectNode();
        bindings.set("input", c.get("input"));
        JsonNode out = resolve(state.get("Output"), bindings);
        assertThat(out).as(c.path("id").asText()).isEqualTo(c.path("expected").path("output"));
        checked++;
      }
    }
    assertThat(checked).isGreaterThanOrEqualTo(20);
  }

  private static JsonNode resolve(JsonNode template, JsonNode states) {
    if (template.isTextual() && JsonataExpr.isExpression(template.textValue())) {
      return JsonataEvaluator.evaluateField(
          JsonataExpr.compile(template.textValue()),
          "Output",
          new JsonataBindings(states, n -> null, new SplittableRandom(1), 0L));
    }
    if (template.isObject()) {
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      for (Iterator<Map.Entry<String, JsonNode>> it = template.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        out.set(e.getKey(), resolve(e.getValue(), states));
      }
      return out;
    }
    if (template.isArray()) {
      var out = JsonNodeFactory.instance.arrayNode();
      template.forEach(e -> out.add(resolve(e, states)));
      return out;
    }
    return template;
  }
}
