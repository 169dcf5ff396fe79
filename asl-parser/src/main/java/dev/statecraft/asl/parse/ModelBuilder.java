package dev.statecraft.asl.parse;

import static dev.statecraft.asl.parse.BuildContext.child;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statecraft.asl.expr.AslTimestamp;
import dev.statecraft.asl.expr.IntrinsicParser;
import dev.statecraft.asl.expr.JsonataExpr;
import dev.statecraft.asl.expr.PathExpr;
import dev.statecraft.asl.expr.Template;
import dev.statecraft.asl.model.Catcher;
import dev.statecraft.asl.model.ChoiceRule;
import dev.statecraft.asl.model.ChoiceState;
import dev.statecraft.asl.model.DataFlow;
import dev.statecraft.asl.model.ErrorNames;
import dev.statecraft.asl.model.FailState;
import dev.statecraft.asl.model.MapState;
import dev.statecraft.asl.model.ParallelState;
import dev.statecraft.asl.model.PassState;
import dev.statecraft.asl.model.QueryLanguage;
import dev.statecraft.asl.model.Retrier;
import dev.statecraft.asl.model.State;
import dev.statecraft.asl.model.StateMachine;
import dev.statecraft.asl.model.SucceedState;
import dev.statecraft.asl.model.TaskState;
import dev.statecraft.asl.model.Transition;
import dev.statecraft.asl.model.WaitState;
import dev.statecraft.asl.model.Workflow;
import dev.statecraft.asl.validate.DiagnosticCodes;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Builds the immutable model from a definition tree, checking the field rules of each state type
 * and query language on the way. Structure (types, unknown fields) is the JSON Schema's job, so
 * this builder reads leniently and reports only what the schema cannot say.
 */
public final class ModelBuilder {
  /** Fields only JSONPath states may use. */
  private static final List<String> JSONPATH_ONLY =
      List.of("InputPath", "OutputPath", "Parameters", "ResultSelector", "ResultPath",
          "ItemsPath", "SecondsPath", "TimestampPath", "TimeoutSecondsPath",
          "HeartbeatSecondsPath", "ErrorPath", "CausePath", "MaxConcurrencyPath",
          "ToleratedFailureCountPath", "ToleratedFailurePercentagePath", "Iterator");
  /** Fields only JSONata states may use. */
  private static final List<String> JSONATA_ONLY = List.of("Arguments", "Output", "Items");

  private static final Set<String> NON_TERMINAL = Set.of("Pass", "Task", "Wait", "Parallel", "Map");
  private static final Pattern ARN =
      Pattern.compile("arn:[a-z0-9-]+:[a-z0-9-]+:[a-z0-9-]*:[0-9]*:.+");
  private static final int MAX_STATE_NAME = 80;
  /** The integer fields a JSONata state may give as an expression (read by dynamic()). */
  private static final Set<String> NUMERIC_DYNAMIC = Set.of("Seconds", "TimeoutSeconds",
      "HeartbeatSeconds", "MaxItemsPerBatch", "MaxInputBytesPerBatch", "MaxConcurrency",
      "ToleratedFailureCount", "ToleratedFailurePercentage");

  private final BuildContext ctx = new BuildContext();
  private final TemplateCompiler templates = new TemplateCompiler(ctx);
  private final ChoiceRuleBuilder choices = new ChoiceRuleBuilder(ctx, templates);
  private QueryLanguage topLanguage = QueryLanguage.JSONPATH;

  /** Builds the model; the result holds the diagnostics and, when there is no error, the model. */
  public static Result build(JsonNode root) {
    ModelBuilder b = new ModelBuilder();
    StateMachine machine = b.machine(root);
    new GraphCheck(b.ctx).check(root, machine);
    return new Result(b.ctx.hasErrors() ? null : machine, b.ctx.diagnostics());
  }

  /** What {@link #build} produced. */
  public record Result(StateMachine machine, List<dev.statecraft.asl.validate.Diagnostic> diagnostics) {}

  private StateMachine machine(JsonNode root) {
    if (!root.isObject()) {
      ctx.error(DiagnosticCodes.SCHEMA_VALIDATION_FAILED, "",
          "A state machine definition must be a JSON object");
      return null;
    }
    JsonNode ql = root.get("QueryLanguage");
    if (ql != null && ql.isTextual() && QueryLanguage.fromAsl(ql.asText()) != null) {
      topLanguage = QueryLanguage.fromAsl(ql.asText());
    }
    Integer timeout = null;
    JsonNode t = root.get("TimeoutSeconds");
    if (t != null && t.canConvertToInt()) {
      timeout = t.asInt();
    }
    Workflow workflow = workflow(root, "");
    return new StateMachine(text(root, "Comment"), text(root, "Version"), timeout, topLanguage,
        workflow);
  }

  private Workflow workflow(JsonNode node, String pointer) {
    Map<String, State> states = new LinkedHashMap<>();
    JsonNode statesNode = node.get("States");
    if (statesNode != null && statesNode.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = statesNode.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String at = child(child(pointer, "States"), e.getKey());
        checkStateName(e.getKey(), at);
        if (e.getValue().isObject()) {
          State s = state(e.getKey(), e.getValue(), at);
          if (s != null) {
            states.put(e.getKey(), s);
          }
        }
      }
    }
    return new Workflow(text(node, "StartAt"), states, text(node, "Comment"));
  }

  private void checkStateName(String name, String pointer) {
    if (name.isEmpty() || name.length() > MAX_STATE_NAME) {
      ctx.error(DiagnosticCodes.INVALID_STATE_NAME, pointer,
          "State name '" + abbreviate(name) + "' must be 1 to " + MAX_STATE_NAME
              + " characters long (it has " + name.length() + ")");
    }
  }

  private State state(String name, JsonNode node, String pointer) {
    String type = text(node, "Type");
    if (type == null) {
      return null; // the schema reports the missing or unknown Type
    }
    QueryLanguage ql = topLanguage;
    JsonNode qlNode = node.get("QueryLanguage");
    if (qlNode != null && qlNode.isTextual() && QueryLanguage.fromAsl(qlNode.asText()) != null) {
      ql = QueryLanguage.fromAsl(qlNode.asText());
      if (topLanguage == QueryLanguage.JSONATA && ql == QueryLanguage.JSONPATH) {
        ctx.error(DiagnosticCodes.INVALID_QUERY_LANGUAGE_FIELD, child(pointer, "QueryLanguage"),
            "A state cannot use JSONPath when the state machine's QueryLanguage is JSONata");
      }
    }
    checkQueryLanguageFields(node, pointer, ql);
    String comment = text(node, "Comment");
    // Next/End on Choice, Succeed and Fail are unknown fields to the JSON Schema, reported there.
    Transition transition = NON_TERMINAL.contains(type) ? transition(node, pointer, type) : null;
    return switch (type) {
      case "Pass" -> new PassState(name, comment, ql, transition, io(node, pointer, ql),
          passResult(node, pointer, ql));
      case "Succeed" -> new SucceedState(name, comment, ql, io(node, pointer, ql));
      case "Fail" -> fail(name, comment, node, pointer, ql);
      case "Wait" -> wait(name, comment, node, pointer, ql, transition);
      case "Task" -> task(name, comment, node, pointer, ql, transition);
      case "Choice" -> choice(name, comment, node, pointer, ql);
      case "Parallel" -> parallel(name, comment, node, pointer, ql, transition);
      case "Map" -> map(name, comment, node, pointer, ql, transition);
      default -> null; // the schema reports an unknown Type
    };
  }

  private void checkQueryLanguageFields(JsonNode node, String pointer, QueryLanguage ql) {
    List<String> forbidden = ql == QueryLanguage.JSONATA ? JSONPATH_ONLY : JSONATA_ONLY;
    for (String f : forbidden) {
      if (node.has(f)) {
        ctx.error(DiagnosticCodes.INVALID_QUERY_LANGUAGE_FIELD, child(pointer, f),
            "'" + f + "' cannot be used when the state's query language is " + ql.aslName()
                + (ql == QueryLanguage.JSONATA ? " (it is a JSONPath field; use Arguments,"
                    + " Output, Items or a {% %} expression)" : " (it is a JSONata field)"));
      }
    }
    if (ql == QueryLanguage.JSONATA && "Pass".equals(text(node, "Type")) && node.has("Result")) {
      ctx.error(DiagnosticCodes.INVALID_QUERY_LANGUAGE_FIELD, child(pointer, "Result"),
          "'Result' cannot be used in a JSONata Pass state; use 'Output'");
    }
  }

  private Transition transition(JsonNode node, String pointer, String type) {
    JsonNode next = node.get("Next");
    JsonNode end = node.get("End");
    boolean isEnd = end != null && end.isBoolean() && end.asBoolean();
    if (next != null && isEnd) {
      ctx.error(DiagnosticCodes.SCHEMA_VALIDATION_FAILED, pointer,
          "A " + type + " state cannot have both 'Next' and 'End'");
    } else if (next == null && !isEnd) {
      ctx.error(DiagnosticCodes.SCHEMA_VALIDATION_FAILED, pointer,
          "A " + type + " state must have either 'Next' or \"End\": true");
    }
    if (next != null && next.isTextual()) {
      return Transition.next(next.asText());
    }
    return Transition.END;
  }

  // ---- data flow ----------------------------------------------------------------------------

  private DataFlow io(JsonNode node, String pointer, QueryLanguage ql) {
    Template assign = null;
    if (node.has("Assign")) {
      assign = assign(node.get("Assign"), child(pointer, "Assign"), ql);
    }
    if (ql == QueryLanguage.JSONATA) {
      Template arguments = node.has("Arguments")
          ? templates.jsonata(node.get("Arguments"), child(pointer, "Arguments"), "Arguments")
          : null;
      Template output = node.has("Output")
          ? templates.jsonata(node.get("Output"), child(pointer, "Output"), "Output")
          : null;
      return new DataFlow(DataFlow.Selection.ROOT, arguments, null, DataFlow.ResultPath.ROOT,
          DataFlow.Selection.ROOT, output, assign);
    }
    Template parameters = null;
    if (node.has("Parameters") && !"Map".equals(text(node, "Type"))) {
      parameters = templates.payload(node.get("Parameters"), child(pointer, "Parameters"),
          "Parameters");
    }
    Template selector = node.has("ResultSelector")
        ? templates.payload(node.get("ResultSelector"), child(pointer, "ResultSelector"),
            "ResultSelector")
        : null;
    return new DataFlow(selection(node, pointer, "InputPath"), parameters, selector,
        resultPath(node.get("ResultPath"), child(pointer, "ResultPath")),
        selection(node, pointer, "OutputPath"), null, assign);
  }

  private Template assign(JsonNode value, String pointer, QueryLanguage ql) {
    if (!value.isObject()) {
      return null; // the schema reports it
    }
    for (Iterator<String> it = value.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      String name = key.endsWith(".$") ? key.substring(0, key.length() - 2) : key;
      if (!PathExpr.isVariableName(name)) {
        ctx.error(DiagnosticCodes.INVALID_VARIABLE_NAME, child(pointer, key),
            "Variable name '" + name + "' is not valid: it must start with a letter or '_' and"
                + " contain only letters, digits and '_'");
      } else if (name.length() > 80) {
        ctx.error(DiagnosticCodes.INVALID_VARIABLE_NAME, child(pointer, key),
            "Variable name '" + abbreviate(name) + "' is longer than 80 characters");
      }
    }
    return ql == QueryLanguage.JSONATA ? templates.jsonata(value, pointer, "Assign")
        : templates.payload(value, pointer, "Assign");
  }

  private DataFlow.Selection selection(JsonNode node, String pointer, String field) {
    if (!node.has(field)) {
      return DataFlow.Selection.ROOT;
    }
    JsonNode v = node.get(field);
    if (v.isNull()) {
      return DataFlow.Selection.DISCARD;
    }
    if (!v.isTextual()) {
      return DataFlow.Selection.ROOT;
    }
    PathExpr p = templates.path(v.asText(), child(pointer, field), field, false);
    return p == null ? DataFlow.Selection.ROOT : new DataFlow.Selection(p);
  }

  private DataFlow.ResultPath resultPath(JsonNode v, String pointer) {
    if (v == null) {
      return DataFlow.ResultPath.ROOT;
    }
    if (v.isNull()) {
      return DataFlow.ResultPath.DISCARD;
    }
    if (!v.isTextual()) {
      return DataFlow.ResultPath.ROOT;
    }
    PathExpr p = templates.path(v.asText(), pointer, "ResultPath", true);
    if (p != null && p.root() != PathExpr.Root.INPUT) {
      ctx.error(DiagnosticCodes.INVALID_REFERENCE_PATH, pointer,
          "'ResultPath' must be a reference path into the state's data starting with '$'"
              + " (not the context object or a variable): '" + v.asText() + "'");
      return DataFlow.ResultPath.ROOT;
    }
    return p == null ? DataFlow.ResultPath.ROOT : new DataFlow.ResultPath(p);
  }

  private Template passResult(JsonNode node, String pointer, QueryLanguage ql) {
    JsonNode r = node.get("Result");
    if (r == null || ql == QueryLanguage.JSONATA) {
      return null;
    }
    if (r.isTextual() && (r.asText().startsWith("$.") || r.asText().startsWith("$$."))) {
      ctx.warning(DiagnosticCodes.PASS_RESULT_IS_STATIC, child(pointer, "Result"),
          "'Result' is used as a literal; a path here is not evaluated (use Parameters with"
              + " a '.$' key instead)");
    }
    return new Template.Constant(r);
  }

  /**
   * A field that is either a literal ({@code X}), a reference path ({@code XPath}), or in JSONata
   * a {@code {% %}} string in {@code X}. Reports when both are given.
   */
  private Template dynamic(JsonNode node, String pointer, String field, QueryLanguage ql,
      boolean intrinsicAllowed) {
    String pathField = field + "Path";
    boolean hasLiteral = node.has(field);
    boolean hasPath = node.has(pathField);
    // In JSONata the XPath field is already reported as a JSONPath-only field.
    if (hasLiteral && hasPath && ql == QueryLanguage.JSONPATH) {
      // Placed at the second field of the pair, so two pairs in one object read apart.
      ctx.error(DiagnosticCodes.SCHEMA_VALIDATION_FAILED, child(pointer, pathField),
          "'" + field + "' and '" + pathField + "' cannot be used together");
    }
    if (hasLiteral) {
      JsonNode v = node.get(field);
      boolean expression = v.isTextual() && JsonataExpr.isExpression(v.asText());
      if (ql == QueryLanguage.JSONATA && expression) {
        return templates.jsonataExpr(v.asText(), child(pointer, field), field);
      }
      if (expression && NUMERIC_DYNAMIC.contains(field)) {
        // The schema admits "{% ... %}" in these fields for JSONata states; a JSONPath state
        // never evaluates it, so to AWS it is a string where an integer belongs.
        ctx.error(DiagnosticCodes.SCHEMA_VALIDATION_FAILED, child(pointer, field),
            "'" + field + "' must be an integer in a JSONPath state; JSONata expressions are"
                + " evaluated only in JSONata states (use '" + pathField + "' here)");
      }
      return new Template.Constant(v);
    }
    if (hasPath && ql == QueryLanguage.JSONPATH) {
      JsonNode v = node.get(pathField);
      if (!v.isTextual()) {
        return null;
      }
      String s = v.asText();
      if (intrinsicAllowed && IntrinsicParser.looksLikeIntrinsic(s)) {
        return templates.intrinsic(s, child(pointer, pathField));
      }
      PathExpr p = templates.path(s, child(pointer, pathField), pathField, true);
      return p == null ? null : new Template.PathValue(p);
    }
    return null;
  }

  // ---- state types --------------------------------------------------------------------------

  private FailState fail(String name, String comment, JsonNode node, String pointer,
      QueryLanguage ql) {
    return new FailState(name, comment, ql, dynamic(node, pointer, "Error", ql, true),
        dynamic(node, pointer, "Cause", ql, true));
  }

  private WaitState wait(String name, String comment, JsonNode node, String pointer,
      QueryLanguage ql, Transition transition) {
    boolean seconds = node.has("Seconds") || node.has("SecondsPath");
    boolean timestamp = node.has("Timestamp") || node.has("TimestampPath");
    if (seconds == timestamp) {
      // Seconds vs SecondsPath (and the Timestamp pair) are reported by dynamic().
      ctx.error(DiagnosticCodes.SCHEMA_VALIDATION_FAILED, pointer, "A Wait state must have"
          + " exactly one of 'Seconds', 'SecondsPath', 'Timestamp' or 'TimestampPath'");
    }
    JsonNode ts = node.get("Timestamp");
    if (ts != null && ts.isTextual() && !(ql == QueryLanguage.JSONATA
        && JsonataExpr.isExpression(ts.asText())) && !AslTimestamp.isValid(ts.asText())) {
      ctx.error(DiagnosticCodes.INVALID_TIMESTAMP, child(pointer, "Timestamp"),
          "'Timestamp' must be an RFC 3339 timestamp such as 2016-03-14T01:59:00Z, got '"
              + ts.asText() + "'");
    }
    return new WaitState(name, comment, ql, transition, io(node, pointer, ql),
        dynamic(node, pointer, "Seconds", ql, false),
        dynamic(node, pointer, "Timestamp", ql, false));
  }

  private void checkResource(String resource, String pointer) {
    if (resource == null) {
      return;
    }
    if (!ARN.matcher(resource).matches()) {
      ctx.error(DiagnosticCodes.INVALID_RESOURCE, child(pointer, "Resource"),
          "'Resource' must be an ARN (arn:partition:service:region:account:resource), got '"
              + resource + "'");
      return;
    }
    String unknown = ServiceIntegrations.problem(resource);
    if (unknown != null) {
      // AWS: "The resource provided <arn> is not recognized. The value is not a valid resource
      // ARN, or the resource is not available in this region."
      ctx.error(DiagnosticCodes.INVALID_RESOURCE, child(pointer, "Resource"),
          "The resource provided " + resource + " is not recognized: " + unknown);
    }
  }

  private TaskState task(String name, String comment, JsonNode node, String pointer,
      QueryLanguage ql, Transition transition) {
    String resource = text(node, "Resource");
    checkResource(resource, pointer);
    Template credentials = null;
    if (node.has("Credentials") && node.get("Credentials").isObject()) {
      // Only RoleArn and RoleArn.$ are compiled: any other key is an unknown field to the
      // schema, and its value should not be reported a second time as a bad path.
      ObjectNode c = JsonNodeFactory.instance.objectNode();
      for (String key : List.of("RoleArn", "RoleArn.$")) {
        if (node.get("Credentials").has(key)) {
          c.set(key, node.get("Credentials").get(key));
        }
      }
      credentials = ql == QueryLanguage.JSONATA
          ? templates.jsonata(c, child(pointer, "Credentials"), "Credentials")
          : templates.payload(c, child(pointer, "Credentials"), "Credentials");
    }
    return new TaskState(name, comment, ql, transition, io(node, pointer, ql), resource,
        dynamic(node, pointer, "TimeoutSeconds", ql, false),
        dynamic(node, pointer, "HeartbeatSeconds", ql, false), credentials,
        retriers(node, pointer), catchers(node, pointer, ql));
  }

  private ChoiceState choice(String name, String comment, JsonNode node, String pointer,
      QueryLanguage ql) {
    List<ChoiceRule.Branch> branches = new ArrayList<>();
    JsonNode list = node.get("Choices");
    if (list != null && list.isArray()) {
      for (int i = 0; i < list.size(); i++) {
        if (list.get(i).isObject()) {
          branches.add(choices.branch(list.get(i), child(child(pointer, "Choices"), i), ql));
        }
      }
    }
    return new ChoiceState(name, comment, ql, io(node, pointer, ql), branches,
        text(node, "Default"));
  }

  private ParallelState parallel(String name, String comment, JsonNode node, String pointer,
      QueryLanguage ql, Transition transition) {
    List<Workflow> branches = new ArrayList<>();
    JsonNode list = node.get("Branches");
    if (list != null && list.isArray()) {
      for (int i = 0; i < list.size(); i++) {
        if (list.get(i).isObject()) {
          branches.add(workflow(list.get(i), child(child(pointer, "Branches"), i)));
        }
      }
    }
    return new ParallelState(name, comment, ql, transition, io(node, pointer, ql), branches,
        retriers(node, pointer), catchers(node, pointer, ql));
  }

  private MapState map(String name, String comment, JsonNode node, String pointer,
      QueryLanguage ql, Transition transition) {
    String processorField = node.has("ItemProcessor") ? "ItemProcessor" : "Iterator";
    // In JSONata, Iterator, ItemsPath and Parameters are reported as JSONPath-only fields (and
    // Items in JSONPath as a JSONata-only one), so a pair is reported only when both are allowed.
    if (node.has("ItemProcessor") && node.has("Iterator") && ql == QueryLanguage.JSONPATH) {
      ctx.error(DiagnosticCodes.SCHEMA_VALIDATION_FAILED, pointer,
          "'ItemProcessor' and 'Iterator' cannot be used together");
    }
    JsonNode processorNode = node.get(processorField);
    Workflow processor = null;
    MapState.ProcessorMode mode = MapState.ProcessorMode.INLINE;
    String executionType = null;
    if (processorNode != null && processorNode.isObject()) {
      processor = workflow(processorNode, child(pointer, processorField));
      JsonNode config = processorNode.path("ProcessorConfig");
      if ("DISTRIBUTED".equals(config.path("Mode").asText())) {
        mode = MapState.ProcessorMode.DISTRIBUTED;
        executionType = config.path("ExecutionType").asText("STANDARD");
      }
    } // a missing ItemProcessor/Iterator is reported by the JSON Schema
    Template items = null;
    if (ql == QueryLanguage.JSONPATH && node.has("ItemsPath") && node.get("ItemsPath").isTextual()) {
      PathExpr p = templates.path(node.get("ItemsPath").asText(), child(pointer, "ItemsPath"),
          "ItemsPath", true);
      items = p == null ? null : new Template.PathValue(p);
    } else if (ql == QueryLanguage.JSONATA && node.has("Items")) {
      items = templates.jsonata(node.get("Items"), child(pointer, "Items"), "Items");
    }
    String selectorField = node.has("ItemSelector") ? "ItemSelector" : "Parameters";
    if (node.has("ItemSelector") && node.has("Parameters") && ql == QueryLanguage.JSONPATH) {
      ctx.error(DiagnosticCodes.SCHEMA_VALIDATION_FAILED, pointer,
          "'ItemSelector' and 'Parameters' cannot be used together");
    }
    Template selector = null;
    if (node.has(selectorField)) {
      selector = ql == QueryLanguage.JSONATA
          ? templates.jsonata(node.get(selectorField), child(pointer, selectorField), selectorField)
          : templates.payload(node.get(selectorField), child(pointer, selectorField),
              selectorField);
    }
    JsonNode reader = node.get("ItemReader");
    if (reader != null && reader.path("ReaderConfig").isObject()) {
      String at = child(child(pointer, "ItemReader"), "ReaderConfig");
      exclusive(reader.get("ReaderConfig"), at, "MaxItems", ql);
      pathFieldsInJsonata(reader.get("ReaderConfig"), at, ql, "MaxItemsPath");
    }
    MapState.ItemBatcher batcher = null;
    JsonNode b = node.get("ItemBatcher");
    if (b != null && b.isObject()) {
      String at = child(pointer, "ItemBatcher");
      pathFieldsInJsonata(b, at, ql, "MaxItemsPerBatchPath", "MaxInputBytesPerBatchPath");
      Template batchInput = b.has("BatchInput")
          ? (ql == QueryLanguage.JSONATA
              ? templates.jsonata(b.get("BatchInput"), child(at, "BatchInput"), "BatchInput")
              : templates.payload(b.get("BatchInput"), child(at, "BatchInput"), "BatchInput"))
          : null;
      batcher = new MapState.ItemBatcher(dynamic(b, at, "MaxItemsPerBatch", ql, false),
          dynamic(b, at, "MaxInputBytesPerBatch", ql, false), batchInput);
    }
    return new MapState(name, comment, ql, transition, io(node, pointer, ql), processor, mode,
        executionType, items, selector, reader, batcher, node.get("ResultWriter"),
        dynamic(node, pointer, "MaxConcurrency", ql, false),
        dynamic(node, pointer, "ToleratedFailureCount", ql, false),
        dynamic(node, pointer, "ToleratedFailurePercentage", ql, false), text(node, "Label"),
        retriers(node, pointer), catchers(node, pointer, ql));
  }

  private void exclusive(JsonNode node, String pointer, String field, QueryLanguage ql) {
    if (node.has(field) && node.has(field + "Path") && ql == QueryLanguage.JSONPATH) {
      ctx.error(DiagnosticCodes.SCHEMA_VALIDATION_FAILED, child(pointer, field + "Path"),
          "'" + field + "' and '" + field + "Path' cannot be used together");
    }
  }

  /** Nested {@code ...Path} fields (ItemBatcher, ReaderConfig) are JSONPath-only too. */
  private void pathFieldsInJsonata(JsonNode node, String pointer, QueryLanguage ql,
      String... fields) {
    if (ql != QueryLanguage.JSONATA) {
      return;
    }
    for (String f : fields) {
      if (node.has(f)) {
        ctx.error(DiagnosticCodes.INVALID_QUERY_LANGUAGE_FIELD, child(pointer, f),
            "'" + f + "' cannot be used when the state's query language is JSONata (use '"
                + f.substring(0, f.length() - 4) + "' with a {% %} expression)");
      }
    }
  }

  // ---- Retry and Catch ----------------------------------------------------------------------

  private List<Retrier> retriers(JsonNode node, String pointer) {
    List<Retrier> out = new ArrayList<>();
    JsonNode list = node.get("Retry");
    if (list == null || !list.isArray()) {
      return out;
    }
    String at = child(pointer, "Retry");
    for (int i = 0; i < list.size(); i++) {
      JsonNode r = list.get(i);
      if (!r.isObject()) {
        continue;
      }
      List<String> errors = errorEquals(r, child(at, i), i == list.size() - 1, "Retry");
      Retrier.JitterStrategy jitter = "FULL".equals(text(r, "JitterStrategy"))
          ? Retrier.JitterStrategy.FULL : Retrier.JitterStrategy.NONE;
      out.add(new Retrier(errors, r.path("IntervalSeconds").asInt(1),
          r.path("MaxAttempts").asInt(3), r.path("BackoffRate").asDouble(2.0),
          r.has("MaxDelaySeconds") ? r.get("MaxDelaySeconds").asInt() : null, jitter,
          text(r, "Comment")));
    }
    return out;
  }

  private List<Catcher> catchers(JsonNode node, String pointer, QueryLanguage ql) {
    List<Catcher> out = new ArrayList<>();
    JsonNode list = node.get("Catch");
    if (list == null || !list.isArray()) {
      return out;
    }
    String at = child(pointer, "Catch");
    for (int i = 0; i < list.size(); i++) {
      JsonNode c = list.get(i);
      if (!c.isObject()) {
        continue;
      }
      String ca = child(at, i);
      List<String> errors = errorEquals(c, ca, i == list.size() - 1, "Catch");
      if (ql == QueryLanguage.JSONATA && c.has("ResultPath")) {
        ctx.error(DiagnosticCodes.INVALID_QUERY_LANGUAGE_FIELD, child(ca, "ResultPath"),
            "'ResultPath' cannot be used in a JSONata Catch; use 'Output'");
      }
      if (ql == QueryLanguage.JSONPATH && c.has("Output")) {
        ctx.error(DiagnosticCodes.INVALID_QUERY_LANGUAGE_FIELD, child(ca, "Output"),
            "'Output' is only allowed in a Catch when the query language is JSONata");
      }
      Template output = ql == QueryLanguage.JSONATA && c.has("Output")
          ? templates.jsonata(c.get("Output"), child(ca, "Output"), "Output") : null;
      Template assign = c.has("Assign") ? assign(c.get("Assign"), child(ca, "Assign"), ql) : null;
      DataFlow.ResultPath rp = ql == QueryLanguage.JSONPATH
          ? resultPath(c.get("ResultPath"), child(ca, "ResultPath")) : DataFlow.ResultPath.ROOT;
      out.add(new Catcher(errors, text(c, "Next"), rp, output, assign, text(c, "Comment")));
    }
    return out;
  }

  private List<String> errorEquals(JsonNode node, String pointer, boolean last, String kind) {
    List<String> errors = new ArrayList<>();
    JsonNode list = node.get("ErrorEquals");
    if (list == null || !list.isArray()) {
      return errors; // the schema reports a missing or mistyped ErrorEquals
    }
    String at = child(pointer, "ErrorEquals");
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i).isTextual()) {
        errors.add(list.get(i).asText());
      }
    }
    if (errors.contains(ErrorNames.ALL)) {
      if (errors.size() > 1) {
        ctx.error(DiagnosticCodes.SCHEMA_VALIDATION_FAILED, at,
            "'States.ALL' must appear alone in ErrorEquals");
      }
      if (!last) {
        ctx.error(DiagnosticCodes.SCHEMA_VALIDATION_FAILED, at,
            "A " + kind + " entry with 'States.ALL' must be the last one");
      }
    }
    return errors;
  }

  // ---- helpers ------------------------------------------------------------------------------

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v != null && v.isTextual() ? v.asText() : null;
  }

  private static String abbreviate(String s) {
    return s.length() > 40 ? s.substring(0, 37) + "..." : s;
  }
}
