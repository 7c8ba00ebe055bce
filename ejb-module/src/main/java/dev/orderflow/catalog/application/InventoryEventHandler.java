package dev.orderflow.catalog.application;

import dev.orderflow.platform.json.JsonFactory;
import dev.orderflow.events.ProcessedEvents;
import dev.orderflow.messaging.ConsumerGroup;
import dev.orderflow.messaging.EventEnvelope;
import dev.orderflow.messaging.EventHandler;
import dev.orderflow.order.infrastructure.Outbox;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The inventory service (consumer group {@code inventory} on inventory-events): when a reservation takes a product's
 * available stock (all warehouses) from at least {@code inventory.low-stock-threshold} to below it, raises
 * {@code inventory.low_stock} for the product, once per crossing. The event id of a reservation that crosses is claimed
 * and the low-stock event written to the outbox in one transaction.
 */
@Stateless
public class InventoryEventHandler implements EventHandler {

    private static final String RESERVED = "inventory.reserved";

    @Inject
    ProcessedEvents processed;

    @Inject
    Outbox outbox;

    @Inject
    @ConfigProperty(name = "inventory.low-stock-threshold")
    int threshold;

    /** Only inventory.reserved (a release or a low-stock event never crosses the threshold downwards). */
    @Override
    public boolean reads(String type) {
        return RESERVED.equals(type);
    }

    /**
     * Most reservations cross no threshold and have no effect: they are not claimed (a redelivery decides the same from
     * the same payload). One that crosses claims its event id in the transaction that writes the low-stock events.
     */
    @Override
    public void handle(EventEnvelope event) {
        if (!RESERVED.equals(event.type())) {
            return;
        }
        List<JsonObject> crossings = event.payload().getJsonArray("lines").getValuesAs(JsonObject.class).stream()
                .filter(line -> crossedBelow(line.getJsonNumber("availableAfter").longValue(), line.getInt("quantity"),
                        threshold))
                .toList();
        if (crossings.isEmpty() || !processed.claim(ConsumerGroup.INVENTORY.groupId(), event.eventId())) {
            return;
        }
        for (JsonObject line : crossings) {
            UUID product = UUID.fromString(line.getString("productId"));
            outbox.append("product", product, "inventory.low_stock",
                    JsonFactory.object().add("productId", product.toString()).add("sku", line.getString("sku"))
                            .add("available", line.getJsonNumber("availableAfter").longValue())
                            .add("threshold", threshold).add("orderId", event.payload().getString("orderId")).build(),
                    event.correlationId());
        }
    }

    /** True when taking {@code quantity} moved the available stock from at least the threshold to below it. */
    static boolean crossedBelow(long availableAfter, int quantity, int threshold) {
        return availableAfter < threshold && availableAfter + quantity >= threshold;
    }
}
