package dev.statecraft.integrations.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads {@code statecraft.yaml}; unknown or mistyped fields are errors that name the field. */
final class ConfigReader {
  // YAML is a superset of JSON, so one reader takes both.
  private static final ObjectMapper YAML = new YAMLMapper();
  private static final Set<String> TOP = Set.of("functions", "http", "mocks");
  private static final Set<String> HTTP = Set.of("allowHosts", "connections");
  private static final Set<String> CONNECTION = Set.of("headers", "queryParameters");

  private ConfigReader() {}

  static StatecraftConfig read(Path file) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    try {
      return parse(Files.readString(file), dir);
    } catch (ConfigException e) {
      throw new ConfigException(file + ": " + e.getMessage(), e);
    }
  }

  static StatecraftConfig parse(String text, Path baseDir) {
    JsonNode root;
    try {
      root = YAML.readTree(text);
    } catch (JsonProcessingException e) {
      throw new ConfigException("not valid YAML or JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      return StatecraftConfig.empty();
    }
    object(root, "the configuration", TOP);
    Map<String, FunctionTarget> functions = new LinkedHashMap<>();
    JsonNode f = root.path("functions");
    if (!f.isMissingNode() && !f.isNull()) {
      object(f, "functions", null);
      for (Iterator<Map.Entry<String, JsonNode>> it = f.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        functions.put(e.getKey(), FunctionTarget.of(text(e.getValue(), "functions." + e.getKey())));
      }
    }
    HttpSettings http = HttpSettings.allowAll();
    JsonNode h = root.path("http");
    if (!h.isMissingNode() && !h.isNull()) {
      http = http(h);
    }
    Path mocks = null;
    JsonNode m = root.path("mocks");
    if (!m.isMissingNode() && !m.isNull()) {
      Path p = Path.of(text(m, "mocks"));
      mocks = p.isAbsolute() || baseDir == null ? p : baseDir.resolve(p).normalize();
    }
    return new StatecraftConfig(functions, http, mocks);
  }

  private static HttpSettings http(JsonNode h) {
    object(h, "http", HTTP);
    List<String> hosts = null;
    JsonNode a = h.path("allowHosts");
    if (!a.isMissingNode() && !a.isNull()) {
      if (!a.isArray()) {
        throw new ConfigException("http.allowHosts must be a list of host names");
      }
      hosts = new ArrayList<>();
      for (JsonNode host : a) {
        hosts.add(text(host, "http.allowHosts[]"));
      }
    }
    Map<String, HttpSettings.Connection> connections = new LinkedHashMap<>();
    JsonNode c = h.path("connections");
    if (!c.isMissingNode() && !c.isNull()) {
      object(c, "http.connections", null);
      for (Iterator<Map.Entry<String, JsonNode>> it = c.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String where = "http.connections." + e.getKey();
        object(e.getValue(), where, CONNECTION);
        connections.put(e.getKey(), new HttpSettings.Connection(
            strings(e.getValue().path("headers"), where + ".headers"),
            strings(e.getValue().path("queryParameters"), where + ".queryParameters")));
      }
    }
    return new HttpSettings(hosts, connections);
  }

  private static Map<String, String> strings(JsonNode n, String where) {
    Map<String, String> out = new LinkedHashMap<>();
    if (n.isMissingNode() || n.isNull()) {
      return out;
    }
    object(n, where, null);
    n.fields().forEachRemaining(e -> out.put(e.getKey(), text(e.getValue(), where + "." + e.getKey())));
    return out;
  }

  private static void object(JsonNode n, String where, Set<String> allowed) {
    if (!n.isObject()) {
      throw new ConfigException(where + " must be a mapping (key: value)");
    }
    if (allowed != null) {
      n.fieldNames().forEachRemaining(k -> {
        if (!allowed.contains(k)) {
          throw new ConfigException("unknown field '" + k + "' in " + where + "; expected one of "
              + allowed.stream().sorted().toList());
        }
      });
    }
  }

  private static String text(JsonNode n, String where) {
    if (!n.isValueNode() || n.isNull()) {
      throw new ConfigException(where + " must be a text value");
    }
    return n.asText();
  }
}
