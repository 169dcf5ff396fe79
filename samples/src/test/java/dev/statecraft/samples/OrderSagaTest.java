package dev.statecraft.samples;

import static dev.statecraft.samples.SampleServer.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** samples/order-saga through the HTTP API, with its functions as local TaskFunctions. */
class OrderSagaTest {
  private static final Path FOLDER = Path.of("order-saga");
  private static SampleServer server;

  @BeforeAll
  static void start() throws Exception {
    server = new SampleServer(FOLDER, "OrderSaga", List.of());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static ObjectNode order() throws Exception {
    return (ObjectNode) JSON.readTree(Files.readString(FOLDER.resolve("input.json")));
  }

  @Test
  void aGoodOrderIsReservedChargedAndShipped() throws Exception {
    String id = server.start("OrderSaga", "happy", order(), null);

    JsonNode done = server.finished(id);
    assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("SUCCEEDED");
    assertThat(JSON.readTree(done.get("output").asText())).isEqualTo(JSON.readTree("""
        {"orderId":"o-1001","status":"COMPLETED","reservationId":"r-o-1001",
         "chargeId":"ch-o-1001","trackingNumber":"TRK-o-1001"}"""));
    assertThat(server.tasksEntered(id))
        .containsExactly("ReserveInventory", "ChargePayment", "ShipOrder");
  }

  @Test
  void aDeclinedPaymentReleasesTheReservation() throws Exception {
    ObjectNode order = order().put("card", "0000000000000000");

    String id = server.start("OrderSaga", "declined", order, null);

    JsonNode done = server.finished(id);
    assertThat(done.get("status").asText()).isEqualTo("FAILED");
    assertThat(done.get("error").asText()).isEqualTo("PaymentDeclined");
    assertThat(server.tasksEntered(id))
        .containsExactly("ReserveInventory", "ChargePayment", "ReleaseInventory");
  }

  @Test
  void aFailedShipmentRefundsThenReleases() throws Exception {
    ObjectNode order = order();
    ((ObjectNode) order.get("address")).put("country", "AQ");

    String id = server.start("OrderSaga", "unshippable", order, null);

    JsonNode done = server.finished(id);
    assertThat(done.get("status").asText()).isEqualTo("FAILED");
    assertThat(done.get("error").asText()).isEqualTo("ShippingUnavailable");
    assertThat(server.tasksEntered(id)).containsExactly("ReserveInventory", "ChargePayment",
        "ShipOrder", "RefundPayment", "ReleaseInventory");
  }

  @Test
  void missingStockFailsWithNothingToUndo() throws Exception {
    ObjectNode order = order();
    ((ObjectNode) order.get("items").get(0)).put("quantity", 50);

    String id = server.start("OrderSaga", "no-stock", order, null);

    JsonNode done = server.finished(id);
    assertThat(done.get("error").asText()).isEqualTo("OutOfStock");
    assertThat(server.tasksEntered(id)).containsExactly("ReserveInventory");
  }

  @Test
  void theMockTestCasesOfTheReadmeGiveTheSameOutcomes() throws Exception {
    String happy = server.start("OrderSaga", "mock-happy", order(), "HappyPath");
    String shipping = server.start("OrderSaga", "mock-shipping", order(), "ShippingFailed");

    assertThat(JSON.readTree(server.finished(happy).get("output").asText())
        .get("trackingNumber").asText()).isEqualTo("TRK-123");
    assertThat(server.finished(shipping).get("error").asText()).isEqualTo("ShippingUnavailable");
    assertThat(server.tasksEntered(shipping)).containsExactly("ReserveInventory",
        "ChargePayment", "ShipOrder", "RefundPayment", "ReleaseInventory");
  }
}
