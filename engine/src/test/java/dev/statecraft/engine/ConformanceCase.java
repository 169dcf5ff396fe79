package dev.statecraft.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** One recorded case of ../shared/conformance/cases, as its README describes. */
record ConformanceCase(String file, String id, String type, JsonNode definition, JsonNode input,
    JsonNode expected, String eventOrder, List<String> placeholders) {

  private static final ObjectMapper JSON = new ObjectMapper();

  static Path dir() {
    return Path.of(System.getProperty("statecraft.shared", "../../shared"), "conformance",
        "cases");
  }

  static List<ConformanceCase> all() throws IOException {
    List<ConformanceCase> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir())) {
      for (Path p : s.filter(x -> x.toString().endsWith(".json")).sorted().toList()) {
        JsonNode n = JSON.readTree(p.toFile());
        List<String> placeholders = new ArrayList<>();
        n.path("placeholders").forEach(x -> placeholders.add(x.asText()));
        out.add(new ConformanceCase(p.getFileName().toString(), n.path("id").asText(),
            n.path("state_machine_type").asText("STANDARD"), n.get("definition"),
            n.get("input"), n.get("expected"), n.path("event_order").asText("exact"),
            placeholders));
      }
    }
    return out;
  }
}
