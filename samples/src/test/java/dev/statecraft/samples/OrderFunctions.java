package dev.statecraft.samples;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statecraft.engine.core.Json;
import dev.statecraft.integrations.lambda.FunctionError;
import dev.statecraft.integrations.lambda.TaskFunction;

/**
 * The order saga's functions as local TaskFunctions (registered in META-INF/services), standing
 * in for the Lambda functions the definition names. Each decides from the order itself, so a test
 * chooses the path by its input: more than 10 of an item is out of stock, card {@code 0000…} is
 * declined, the country {@code AQ} has no carrier.
 */
public final class OrderFunctions {
  private OrderFunctions() {}

  /** ReserveInventory: {@code {reservationId}}, or OutOfStock. */
  public static final class ReserveInventory implements TaskFunction {
    @Override
    public String name() {
      return "ReserveInventory";
    }

    @Override
    public JsonNode apply(JsonNode order, Context context) {
      for (JsonNode item : order.path("items")) {
        if (item.path("quantity").asInt() > 10) {
          throw new FunctionError("OutOfStock", "Only 10 of " + item.path("sku").asText()
              + " are in stock");
        }
      }
      return Json.object().put("reservationId", "r-" + order.path("orderId").asText());
    }
  }

  /** ChargePayment: {@code {chargeId}}, or PaymentDeclined. */
  public static final class ChargePayment implements TaskFunction {
    @Override
    public String name() {
      return "ChargePayment";
    }

    @Override
    public JsonNode apply(JsonNode order, Context context) {
      if (order.path("card").asText().startsWith("0000")) {
        throw new FunctionError("PaymentDeclined", "The card was declined");
      }
      return Json.object().put("chargeId", "ch-" + order.path("orderId").asText());
    }
  }

  /** ShipOrder: {@code {trackingNumber}}, or ShippingUnavailable. */
  public static final class ShipOrder implements TaskFunction {
    @Override
    public String name() {
      return "ShipOrder";
    }

    @Override
    public JsonNode apply(JsonNode order, Context context) {
      if (order.at("/address/country").asText().equals("AQ")) {
        throw new FunctionError("ShippingUnavailable", "No carrier ships to AQ");
      }
      return Json.object().put("trackingNumber", "TRK-" + order.path("orderId").asText());
    }
  }

  /** RefundPayment: undoes ChargePayment. */
  public static final class RefundPayment implements TaskFunction {
    @Override
    public String name() {
      return "RefundPayment";
    }

    @Override
    public JsonNode apply(JsonNode order, Context context) {
      return Json.object().put("refunded", order.at("/payment/chargeId").asText());
    }
  }

  /** ReleaseInventory: undoes ReserveInventory. */
  public static final class ReleaseInventory implements TaskFunction {
    @Override
    public String name() {
      return "ReleaseInventory";
    }

    @Override
    public JsonNode apply(JsonNode order, Context context) {
      return Json.object().put("released", order.at("/reservation/reservationId").asText());
    }
  }
}
