package dev.statecraft.integrations.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statecraft.engine.core.Json;

/** TaskFunctions registered for tests in META-INF/services. */
public final class TestFunctions {
  private TestFunctions() {}

  /** "Greet": {"name": n} → {"greeting": "Hello, n", "state": the calling state}. */
  public static final class Greet implements TaskFunction {
    @Override
    public String name() {
      return "Greet";
    }

    @Override
    public JsonNode apply(JsonNode input, Context context) {
      return Json.object().put("greeting", "Hello, " + input.path("name").asText())
          .put("state", context.stateName());
    }
  }

  /** "OutOfStock": throws an IllegalStateException. */
  public static final class OutOfStock implements TaskFunction {
    @Override
    public String name() {
      return "OutOfStock";
    }

    @Override
    public JsonNode apply(JsonNode input, Context context) {
      throw new IllegalStateException("no stock for " + input.path("sku").asText());
    }
  }

  /** "Custom": fails with the error name CustomError, as a Node.js function would. */
  public static final class Custom implements TaskFunction {
    @Override
    public String name() {
      return "Custom";
    }

    @Override
    public JsonNode apply(JsonNode input, Context context) {
      throw new FunctionError("CustomError", "This is a custom error!");
    }
  }
}
