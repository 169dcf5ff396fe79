package dev.statecraft.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statecraft.asl.Asl;
import dev.statecraft.asl.ParseResult;
import dev.statecraft.engine.core.ExecutionInfo;
import dev.statecraft.engine.core.HistoryEvent;
import dev.statecraft.engine.runtime.ExecutionResult;
import dev.statecraft.engine.runtime.ExpressRunner;
import dev.statecraft.engine.runtime.TimeSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Runs every recorded AWS case through the Express runner and compares by the rules of the
 * corpus README: status, output (JSON equality with placeholders), error, and history event
 * types. Prints the pass count and each failure; fails when the count drops below the floor.
 */
class ConformanceTest {
  private static final Path FLOOR = Path.of("src/test/resources/conformance-floor.txt");
  static final long START = 1_700_000_000_000L;

  @Test
  void conformanceCases() throws Exception {
    List<ConformanceCase> cases = ConformanceCase.all();
    List<String> failures = new ArrayList<>();
    Map<String, Integer> reasons = new HashMap<>();
    int passed = 0;
    for (ConformanceCase c : cases) {
      String problem;
      try {
        problem = check(c);
      } catch (Exception | StackOverflowError e) {
        problem = "crashed: " + e;
      }
      if (problem == null) {
        passed++;
      } else {
        failures.add(c.file() + ": " + problem);
        reasons.merge(problem.split(":")[0], 1, Integer::sum);
      }
    }
    int floor = Integer.parseInt(Files.readString(FLOOR).trim());
    StringBuilder report = new StringBuilder();
    failures.forEach(f -> report.append("  FAIL ").append(abbreviate(f, 400)).append('\n'));
    report.append("conformance: ").append(passed).append(" passed, ")
        .append(cases.size() - passed).append(" failed of ").append(cases.size())
        .append(" (floor ").append(floor).append(") by reason ").append(reasons).append('\n');
    System.out.print(report);
    Files.writeString(Path.of("target/conformance-report.txt"), report.toString());
    assertThat(passed).as("conformance pass count (floor in %s)", FLOOR)
        .isGreaterThanOrEqualTo(floor);
  }

  private static String abbreviate(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n) + "...";
  }

  static String check(ConformanceCase c) throws InterruptedException {
    ParseResult parsed = Asl.parse(c.definition());
    if (!parsed.valid()) {
      return "invalid: " + parsed.errors();
    }
    String smName = "sm";
    String execName = "exec";
    boolean express = c.type().equals("EXPRESS");
    ExecutionInfo info = new ExecutionInfo(
        "arn:aws:states:us-east-1:111111111111:" + (express ? "express:" : "execution:") + smName
            + ":" + execName + (express ? ":" + UUID.nameUUIDFromBytes(c.id().getBytes()) : ""),
        execName, "arn:aws:states:us-east-1:111111111111:stateMachine:" + smName, smName,
        "arn:aws:iam::111111111111:role/statecraft", START, express ? null : 0);
    ExecutionResult r = new ExpressRunner(List.of()).run(parsed.machine(), c.input(),
        new ExpressRunner.Options(info, TimeSource.virtual(START), true, 42));
    JsonNode exp = c.expected();
    String status = exp.path("status").asText();
    if (!status.equals(r.status().name())) {
      return "status: expected " + status + " got " + r.status() + " (" + r.error() + ": "
          + r.cause() + ")";
    }
    if (status.equals("SUCCEEDED") && exp.has("output")
        && !matches(exp.get("output"), r.output(), c.placeholders())) {
      return "output: expected " + exp.get("output") + " got " + r.output();
    }
    if (exp.hasNonNull("error") && !exp.get("error").asText().equals(r.error())) {
      return "error: expected " + exp.get("error").asText() + " got " + r.error() + " ("
          + r.cause() + ")";
    }
    JsonNode events = exp.get("events");
    if (events != null && events.isArray()) {
      List<String> want = new ArrayList<>();
      events.forEach(e -> want.add(e.asText()));
      List<String> got = new ArrayList<>();
      for (HistoryEvent e : r.history()) {
        got.add(e.type().name());
      }
      boolean complete = exp.path("events_complete").asBoolean(true);
      if (!eventsMatch(want, got, complete, c.eventOrder())) {
        return "events: expected " + want + " got " + got;
      }
    }
    return null;
  }

  static boolean eventsMatch(List<String> want, List<String> got, boolean complete,
      String order) {
    if (!complete) {
      int i = 0;
      for (String g : got) {
        if (i < want.size() && want.get(i).equals(g)) {
          i++;
        }
      }
      return i == want.size() || sortedEquals(want, got) && false;
    }
    if (want.equals(got)) {
      return true;
    }
    return order.equals("concurrent") && sortedEquals(want, got);
  }

  private static boolean sortedEquals(List<String> a, List<String> b) {
    List<String> x = new ArrayList<>(a);
    List<String> y = new ArrayList<>(b);
    x.sort(null);
    y.sort(null);
    return x.equals(y);
  }

  /** JSON equality where expected strings may hold placeholders that match anything. */
  static boolean matches(JsonNode expected, JsonNode actual, List<String> placeholders) {
    if (actual == null) {
      return false;
    }
    if (expected.isTextual() && placeholders.contains(expected.asText())) {
      return true; // the whole value was replaced by the recorder (a date, a random number)
    }
    if (expected.isTextual() && actual.isTextual()) {
      String e = expected.asText();
      if (e.equals(actual.asText())) {
        return true;
      }
      for (String p : placeholders) {
        if (e.contains(p)) {
          StringBuilder regex = new StringBuilder();
          for (String part : e.split(Pattern.quote(p), -1)) {
            if (regex.length() > 0) {
              regex.append(".*");
            }
            regex.append(Pattern.quote(part));
          }
          String rx = regex.toString();
          for (String q : placeholders) {
            rx = rx.replace(q, "\\E.*\\Q");
          }
          if (Pattern.compile(rx, Pattern.DOTALL).matcher(actual.asText()).matches()) {
            return true;
          }
        }
      }
      return false;
    }
    if (expected.isNumber() && actual.isNumber()) {
      return expected.decimalValue().compareTo(actual.decimalValue()) == 0;
    }
    if (expected.isObject() && actual.isObject()) {
      if (expected.size() != actual.size()) {
        return false;
      }
      for (Iterator<String> it = expected.fieldNames(); it.hasNext(); ) {
        String k = it.next();
        if (!actual.has(k) || !matches(expected.get(k), actual.get(k), placeholders)) {
          return false;
        }
      }
      return true;
    }
    if (expected.isArray() && actual.isArray()) {
      if (expected.size() != actual.size()) {
        return false;
      }
      for (int i = 0; i < expected.size(); i++) {
        if (!matches(expected.get(i), actual.get(i), placeholders)) {
          return false;
        }
      }
      return true;
    }
    return expected.equals(actual);
  }

  static void ignore(IOException e) {}
}
