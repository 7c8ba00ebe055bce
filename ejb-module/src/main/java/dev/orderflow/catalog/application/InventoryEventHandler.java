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
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The inventory service (consumer group {@code inventory} on inventory-events): when a reservation takes a product's
 * available stock (all warehouses) from at least {@code inventory.low-stock-threshold} to below it, raises
 * {@code inventory.low_stock} for the product, once per crossing. The event id is claimed and the low-stock event
 * written to the outbox in one transaction.
 */
@Stateless
public class InventoryEventHandler implements EventHandler {

    @Inject
    ProcessedEvents processed;

    @Inject
    Outbox outbox;

    @Inject
    @ConfigProperty(name = "inventory.low-stock-threshold")
    int threshold;

    @Override
    public void handle(EventEnvelope event) {
        if (!"inventory.reserved".equals(event.type())
                || !processed.claim(ConsumerGroup.INVENTORY.groupId(), event.eventId())) {
            return;
        }
        for (JsonObject line : event.payload().getJsonArray("lines").getValuesAs(JsonObject.class)) {
            long after = line.getJsonNumber("availableAfter").longValue();
            int quantity = line.getInt("quantity");
            if (crossedBelow(after, quantity, threshold)) {
                UUID product = UUID.fromString(line.getString("productId"));
                outbox.append("product", product, "inventory.low_stock",
                        JsonFactory.object().add("productId", product.toString()).add("sku", line.getString("sku"))
                                .add("available", after).add("threshold", threshold)
                                .add("orderId", event.payload().getString("orderId")).build(),
                        event.correlationId());
            }
        }
    }

    /** True when taking {@code quantity} moved the available stock from at least the threshold to below it. */
    static boolean crossedBelow(long availableAfter, int quantity, int threshold) {
        return availableAfter < threshold && availableAfter + quantity >= threshold;
    }
}
