package dev.orderflow.order.infrastructure;

import dev.orderflow.order.domain.Order;
import dev.orderflow.order.domain.OrderEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The transactional outbox (orders_db.outbox_events): events are written in the same transaction as the order change
 * that raised them, and relayed to Kafka after commit (keyed by order id).
 */
@ApplicationScoped
public class Outbox {

    @PersistenceContext(unitName = "order")
    EntityManager orders;

    /** Appends every event the order raised since it was loaded. */
    public void append(Order order, String correlationId) {
        for (OrderEvent event : order.takeEvents()) {
            orders.createNativeQuery(
                    """
                            INSERT INTO outbox_events
                                (id, aggregate_type, aggregate_id, event_type, event_version, payload, correlation_id, occurred_at)
                            VALUES (?1, 'order', ?2, ?3, ?4, cast(?5 as jsonb), ?6, ?7)
                            """)
                    .setParameter(1, event.eventId()).setParameter(2, event.orderId()).setParameter(3, event.type())
                    .setParameter(4, event.version()).setParameter(5, payload(order).toString())
                    .setParameter(6, correlationId).setParameter(7, event.occurredAt()).executeUpdate();
        }
    }

    private static JsonObject payload(Order order) {
        var lines = Json.createArrayBuilder();
        order.lines().forEach(line -> lines.add(Json.createObjectBuilder().add("productId", line.productId().toString())
                .add("sku", line.sku()).add("quantity", line.quantity()).add("unitPrice", line.priceAtPurchase())));
        return Json.createObjectBuilder().add("orderId", order.id().toString())
                .add("customerId", order.customerId().toString()).add("status", order.status().externalName())
                .add("total", order.total()).add("lines", lines).build();
    }
}
