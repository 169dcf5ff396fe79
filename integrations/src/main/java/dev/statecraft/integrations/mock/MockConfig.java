package dev.statecraft.integrations.mock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.statecraft.engine.core.Json;
import dev.statecraft.integrations.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Step Functions Local mock configuration ({@code MockConfigFile.json}), as AWS documents it:
 *
 * <pre>
 * {
 *   "StateMachines": {
 *     "LambdaSQSIntegration": {                 // state machine name
 *       "TestCases": {
 *         "HappyPath": {                        // test case name
 *           "LambdaState": "MockedLambdaSuccess", // Task state → mocked response
 *           "SQSState": "MockedSQSSuccess"
 *         }
 *       }
 *     }
 *   },
 *   "MockedResponses": {
 *     "MockedLambdaSuccess": {
 *       "0": {"Return": {"StatusCode": 200, "Payload": {"body": "Hello"}}}
 *     },
 *     "MockedLambdaRetry": {
 *       "0":   {"Throw": {"Error": "Lambda.ResourceNotReadyException", "Cause": "not ready"}},
 *       "1-2": {"Throw": {"Error": "Lambda.TimeoutException", "Cause": "timed out"}},
 *       "3":   {"Return": {"StatusCode": 200, "Payload": {"body": "Hello"}}}
 *     }
 *   }
 * }
 * </pre>
 *
 * Everything is checked when the file is read: a test case naming a missing response, an
 * invocation key that is not {@code N} or {@code N-M}, or an entry without exactly one of {@code
 * Return} / {@code Throw} is a {@link ConfigException} naming the place.
 *
 * @param testCases state machine name → test case name → its test case
 * @param responses response name → response
 */
public record MockConfig(Map<String, Map<String, TestCase>> testCases,
    Map<String, MockedResponse> responses) {

  private static final Pattern KEY = Pattern.compile("(\\d+)(?:-(\\d+))?");

  public MockConfig {
    testCases = Map.copyOf(testCases);
    responses = Map.copyOf(responses);
  }

  /** Reads a mock configuration file. */
  public static MockConfig read(Path file) throws IOException {
    try {
      return parse(Files.readString(file));
    } catch (ConfigException e) {
      throw new ConfigException(file + ": " + e.getMessage(), e);
    }
  }

  /** Parses mock configuration JSON text. */
  public static MockConfig parse(String json) {
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new ConfigException("the mock configuration is not valid JSON: "
          + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new ConfigException("the mock configuration must be a JSON object with StateMachines"
          + " and MockedResponses");
    }
    Map<String, MockedResponse> responses = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = object(root.path("MockedResponses"),
        "MockedResponses").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      responses.put(e.getKey(), response(e.getKey(), e.getValue()));
    }
    Map<String, Map<String, TestCase>> machines = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = object(root.path("StateMachines"),
        "StateMachines").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> m = it.next();
      String where = "StateMachines." + m.getKey();
      JsonNode cases = object(object(m.getValue(), where).path("TestCases"), where + ".TestCases");
      Map<String, TestCase> byName = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> ct = cases.fields(); ct.hasNext(); ) {
        Map.Entry<String, JsonNode> c = ct.next();
        String caseWhere = where + ".TestCases." + c.getKey();
        Map<String, String> states = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> st = object(c.getValue(), caseWhere).fields();
            st.hasNext(); ) {
          Map.Entry<String, JsonNode> s = st.next();
          if (!s.getValue().isTextual() || !responses.containsKey(s.getValue().asText())) {
            throw new ConfigException(caseWhere + "." + s.getKey() + " must name an entry of"
                + " MockedResponses; got " + Json.write(s.getValue()) + " (known: "
                + responses.keySet() + ")");
          }
          states.put(s.getKey(), s.getValue().asText());
        }
        byName.put(c.getKey(), new TestCase(m.getKey(), c.getKey(), states));
      }
      machines.put(m.getKey(), byName);
    }
    return new MockConfig(machines, responses);
  }

  /** The test case, or a {@link ConfigException} naming what exists. */
  public TestCase testCase(String machineName, String testCase) {
    Map<String, TestCase> cases = testCases.get(machineName);
    if (cases == null) {
      throw new ConfigException("the mock configuration has no state machine '" + machineName
          + "' under StateMachines (known: " + testCases.keySet() + ")");
    }
    TestCase c = cases.get(testCase);
    if (c == null) {
      throw new ConfigException("state machine '" + machineName + "' has no test case '"
          + testCase + "' in the mock configuration (known: " + cases.keySet() + ")");
    }
    return c;
  }

  private static MockedResponse response(String name, JsonNode n) {
    String where = "MockedResponses." + name;
    List<MockedResponse.Range> ranges = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = object(n, where).fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      Matcher m = KEY.matcher(e.getKey());
      if (!m.matches()) {
        throw new ConfigException(where + ": invocation key '" + e.getKey() + "' must be a number"
            + " (\"0\") or an inclusive range (\"1-2\")");
      }
      int first = Integer.parseInt(m.group(1));
      int last = m.group(2) == null ? first : Integer.parseInt(m.group(2));
      if (last < first) {
        throw new ConfigException(where + ": range '" + e.getKey() + "' ends before it starts");
      }
      ranges.add(new MockedResponse.Range(first, last, answer(e.getValue(),
          where + "." + e.getKey())));
    }
    return new MockedResponse(name, ranges);
  }

  private static MockedResponse.Answer answer(JsonNode n, String where) {
    object(n, where);
    boolean ret = n.has("Return");
    boolean thr = n.has("Throw");
    if (ret == thr || n.size() != 1) {
      throw new ConfigException(where + " must hold exactly one field, Return or Throw");
    }
    if (ret) {
      return new MockedResponse.Return(n.get("Return"));
    }
    JsonNode t = object(n.get("Throw"), where + ".Throw");
    if (!t.path("Error").isTextual()) {
      throw new ConfigException(where + ".Throw.Error must be a string (the error name)");
    }
    JsonNode cause = t.path("Cause");
    return new MockedResponse.Throw(t.get("Error").asText(),
        cause.isMissingNode() || cause.isNull() ? null : cause.asText());
  }

  private static JsonNode object(JsonNode n, String where) {
    if (!n.isObject()) {
      throw new ConfigException(where + " must be a JSON object");
    }
    return n;
  }
}
