package dev.statecraft.engine.core.intrinsic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statecraft.asl.expr.IntrinsicParser;
import dev.statecraft.asl.expr.PathExpr;
import dev.statecraft.asl.expr.PathResolver;
import dev.statecraft.engine.core.StateFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the intrinsic expressions of the recorded AWS conformance cases whose result follows
 * directly from them: one Pass state with Parameters (optionally ResultPath/OutputPath), or one
 * Fail state with ErrorPath/CausePath. The rest of the interpreter is not needed, so this is a
 * stand-in that evaluates only the payload template.
 */
class ConformanceIntrinsicTest extends IntrinsicTestSupport {
  private static final Pattern PLACEHOLDER = Pattern.compile("<[^<>]+>");
  private static final Pattern UUID_V4 =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");

  @TestFactory
  Stream<DynamicTest> recordedIntrinsicCases() throws IOException {
    Path dir = Path.of(System.getProperty("statecraft.shared", "../../shared"), "conformance", "cases");
    assumeTrue(Files.isDirectory(dir), "conformance cases not found at " + dir);
    List<DynamicTest> tests = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.sorted().toList()) {
        JsonNode c = MAPPER.readTree(file.toFile());
        if (isDirectlyCheckable(c)) {
          tests.add(DynamicTest.dynamicTest(c.get("id").asText(), () -> check(c)));
        }
      }
    }
    assertThat(tests).as("checkable intrinsic cases").hasSizeGreaterThan(50);
    return tests.stream();
  }

  private static boolean isDirectlyCheckable(JsonNode c) {
    boolean intrinsic = false;
    for (JsonNode f : c.path("features")) {
      intrinsic |= f.asText().startsWith("intrinsic:");
    }
    JsonNode def = c.get("definition");
    if (!intrinsic || def.get("States").size() != 1 || def.has("QueryLanguage")) {
      return false;
    }
    JsonNode state = def.get("States").get(def.get("StartAt").asText());
    List<String> fields = new ArrayList<>();
    state.fieldNames().forEachRemaining(fields::add);
    return switch (state.get("Type").asText()) {
      case "Pass" -> state.has("Parameters")
          && List.of("Type", "End", "Parameters", "ResultPath", "OutputPath", "Comment")
              .containsAll(fields);
      case "Fail" -> List.of("Type", "ErrorPath", "CausePath", "Comment").containsAll(fields);
      default -> false;
    };
  }

  private static void check(JsonNode c) {
    JsonNode def = c.get("definition");
    JsonNode state = def.get("States").get(def.get("StartAt").asText());
    JsonNode input = c.get("input");
    ObjectNode context = (ObjectNode) json(
        "{\"Execution\":{\"Id\":\"arn:aws:states:us-east-1:111111111111:execution:sm-name:exec-name\","
            + "\"Name\":\"exec-name\",\"StartTime\":\"2024-01-01T00:00:00.000Z\"},"
            + "\"StateMachine\":{\"Id\":\"arn:aws:states:us-east-1:111111111111:stateMachine:sm-name\","
            + "\"Name\":\"sm-name\"},\"State\":{\"Name\":\"s\"}}");
    ((ObjectNode) context.get("Execution")).set("Input", input);
    PathResolver resolver = resolver(input, context, Map.of());
    JsonNode expected = c.get("expected");
    if (state.get("Type").asText().equals("Fail")) {
      assertThat(expected.get("status").asText()).isEqualTo("FAILED");
      assertMatches(expected.get("error"), evalField(state.get("ErrorPath").asText(), resolver));
      assertMatches(expected.get("cause"), evalField(state.get("CausePath").asText(), resolver));
      return;
    }
    JsonNode result = template(state.get("Parameters"), resolver);
    JsonNode output = result;
    if (state.has("ResultPath")) {
      // Only "$.a.b" style result paths occur here.
      ObjectNode copy = input.deepCopy();
      ObjectNode target = copy;
      List<Object> segments = PathExpr.compile(state.get("ResultPath").asText()).simpleSegments();
      for (int i = 0; i < segments.size() - 1; i++) {
        target = target.withObjectProperty((String) segments.get(i));
      }
      target.set((String) segments.get(segments.size() - 1), result);
      output = copy;
    }
    if (state.has("OutputPath")) {
      output = PathExpr.compile(state.get("OutputPath").asText()).read(output);
    }
    assertThat(expected.get("status").asText()).isEqualTo("SUCCEEDED");
    assertMatches(expected.get("output"), output);
  }

  /** A payload template: keys ending in ".$" hold a path or an intrinsic; the rest are copied. */
  private static JsonNode template(JsonNode node, PathResolver resolver) {
    if (!node.isObject()) {
      return node;
    }
    ObjectNode out = N.objectNode();
    Iterator<Map.Entry<String, JsonNode>> fields = node.properties().iterator();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> e = fields.next();
      if (e.getKey().endsWith(".$")) {
        String key = e.getKey().substring(0, e.getKey().length() - 2);
        out.set(key, evalField(e.getValue().asText(), resolver));
      } else {
        out.set(e.getKey(), template(e.getValue(), resolver));
      }
    }
    return out;
  }

  private static JsonNode evalField(String text, PathResolver resolver) {
    if (IntrinsicParser.looksLikeIntrinsic(text)) {
      return EVALUATOR.evaluate(IntrinsicParser.parse(text), text, resolver, new SplittableRandom(5));
    }
    JsonNode value = resolver.resolve(PathExpr.compile(text));
    if (value == null) {
      throw new StateFailure("States.Runtime", "path " + text + " not found");
    }
    return value;
  }

  /** JSON equality with numbers by value and the README's placeholders as wildcards. */
  private static void assertMatches(JsonNode expected, JsonNode actual) {
    assertThat(matches(expected, actual)).as("expected %s but got %s", expected, actual).isTrue();
  }

  private static boolean matches(JsonNode expected, JsonNode actual) {
    if (actual == null) {
      return false;
    }
    if (expected.isTextual()) {
      String e = expected.textValue();
      if (e.equals("RandomNumberGenerated")) {
        return actual.isIntegralNumber();
      }
      if (e.matches("<uuid:\\d+>") || e.equals("generated-uuid")) {
        return actual.isTextual() && UUID_V4.matcher(actual.textValue()).matches();
      }
      if (PLACEHOLDER.matcher(e).find()) {
        String regex = PLACEHOLDER.splitAsStream(e).map(Pattern::quote).reduce((a, b) -> a + ".*?" + b).orElse("")
            + (e.endsWith(">") ? ".*?" : "");
        return actual.isTextual() && actual.textValue().matches(regex);
      }
      return actual.isTextual() && e.equals(actual.textValue());
    }
    if (expected.isObject()) {
      if (!actual.isObject() || actual.size() != expected.size()) {
        return false;
      }
      Iterator<Map.Entry<String, JsonNode>> fields = expected.properties().iterator();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> f = fields.next();
        if (!matches(f.getValue(), actual.get(f.getKey()))) {
          return false;
        }
      }
      return true;
    }
    if (expected.isArray()) {
      if (!actual.isArray() || actual.size() != expected.size()) {
        return false;
      }
      for (int i = 0; i < expected.size(); i++) {
        if (!matches(expected.get(i), actual.get(i))) {
          return false;
        }
      }
      return true;
    }
    return JsonValues.canonical(expected).equals(JsonValues.canonical(actual));
  }
}
