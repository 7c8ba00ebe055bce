package dev.orderflow.order.infrastructure;

import dev.orderflow.platform.id.Uuids;
import dev.orderflow.platform.json.JsonFactory;
import dev.orderflow.platform.sql.MultiRowInsert;
import dev.orderflow.catalog.application.StockTaken;
import dev.orderflow.order.application.PaymentMethods;
import dev.orderflow.order.domain.Order;
import dev.orderflow.order.domain.OrderEvent;
import dev.orderflow.order.domain.OrderNotifications;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The transactional outbox (orders_db.outbox_events): events are written in the same transaction as the change that
 * raised them and relayed to Kafka after commit by the outbox relay, keyed by aggregate id (the order's id for every
 * event an order causes). The envelope and the payload of every type are described in docs/events.md.
 */
@ApplicationScoped
public class Outbox {

    public static final int VERSION = 1;
    private static final MultiRowInsert ROWS = MultiRowInsert.into("outbox_events", """
            id uuid, aggregate_type text, aggregate_id uuid, event_type text, event_version integer, payload jsonb,
            correlation_id text, occurred_at timestamptz""");

    @PersistenceContext(unitName = "order")
    EntityManager orders;

    @Inject
    Event<OutboxAppended> appended;

    /** Fired for every row appended; the relay observes it after a successful commit and relays at once. */
    public record OutboxAppended() {
    }

    /** Appends every event the order raised since it was loaded, and the notifications each one triggers. */
    public void append(Order order, String correlationId) {
        var rows = rowsOf(order, correlationId);
        rows.forEach(orders::persist);
        if (!rows.isEmpty()) {
            appended.fire(new OutboxAppended());
        }
    }

    /** inventory.reserved: the stock a new order took, with each product's available stock left. */
    public void appendInventoryReserved(Order order, List<StockTaken> taken, String correlationId) {
        orders.persist(inventoryReserved(order, taken, correlationId));
        appended.fire(new OutboxAppended());
    }

    /**
     * Rows for several orders, written together by {@link Pending#write} with one INSERT instead of a persist each (the
     * group commit's path, {@link OrderRows}).
     */
    public Pending pending() {
        return new Pending();
    }

    /** Outbox rows gathered to be written at once. */
    public final class Pending {

        private final List<OutboxRow> rows = new ArrayList<>();

        private Pending() {
        }

        /** As {@link Outbox#append(Order, String)}. */
        public void append(Order order, String correlationId) {
            rows.addAll(rowsOf(order, correlationId));
        }

        /** As {@link Outbox#append(String, UUID, String, JsonObject, String)}. */
        public void append(String aggregateType, UUID aggregateId, String type, JsonObject payload,
                String correlationId) {
            rows.add(row(Uuids.next(), aggregateType, aggregateId, type, payload, correlationId, OffsetDateTime.now()));
        }

        /** As {@link Outbox#appendInventoryReserved}. */
        public void appendInventoryReserved(Order order, List<StockTaken> taken, String correlationId) {
            rows.add(inventoryReserved(order, taken, correlationId));
        }

        /** Writes the rows gathered so far in one statement. */
        public void write() {
            if (rows.isEmpty()) {
                return;
            }
            var values = new ArrayList<Object>(rows.size() * 8);
            rows.forEach(row -> values.addAll(row.columns()));
            ROWS.insert(orders, values);
            rows.clear();
            appended.fire(new OutboxAppended());
        }
    }

    private static List<OutboxRow> rowsOf(Order order, String correlationId) {
        var rows = new ArrayList<OutboxRow>();
        for (OrderEvent event : order.takeEvents()) {
            rows.add(row(event.eventId(), "order", event.orderId(), event.type(), orderPayload(order), correlationId,
                    event.occurredAt()));
            for (String notification : OrderNotifications.forEvent(event.type())) {
                rows.add(row(Uuids.next(), "order", order.id(), notification,
                        JsonFactory.object().add("orderId", order.id().toString())
                                .add("customerId", order.customerId().toString())
                                .add("status", order.status().externalName()).add("total", order.total())
                                .add("cause", event.eventId().toString()).build(),
                        correlationId, event.occurredAt()));
            }
        }
        return rows;
    }

    private static OutboxRow inventoryReserved(Order order, List<StockTaken> taken, String correlationId) {
        var lines = JsonFactory.array();
        taken.forEach(t -> lines.add(JsonFactory.object().add("productId", t.productId().toString()).add("sku", t.sku())
                .add("quantity", t.quantity()).add("availableAfter", t.availableAfter())));
        return row(Uuids.next(), "order", order.id(), "inventory.reserved",
                JsonFactory.object().add("orderId", order.id().toString()).add("lines", lines).build(), correlationId,
                OffsetDateTime.now());
    }

    /** inventory.released: a cancelled order's stock given back. */
    public void appendInventoryReleased(Order order, String correlationId) {
        var lines = JsonFactory.array();
        order.lines().forEach(l -> lines.add(JsonFactory.object().add("productId", l.productId().toString())
                .add("sku", l.sku()).add("quantity", l.quantity())));
        append("order", order.id(), "inventory.released",
                JsonFactory.object().add("orderId", order.id().toString()).add("lines", lines).build(), correlationId);
    }

    /** Appends one event of any type (payment.*, inventory.low_stock, ...). */
    public void append(String aggregateType, UUID aggregateId, String type, JsonObject payload, String correlationId) {
        insert(Uuids.next(), aggregateType, aggregateId, type, payload, correlationId, OffsetDateTime.now());
        appended.fire(new OutboxAppended());
    }

    private void insert(UUID eventId, String aggregateType, UUID aggregateId, String type, JsonObject payload,
            String correlationId, OffsetDateTime occurredAt) {
        // persisted, not a native INSERT: the rows go in the next flush's JDBC batch (a native statement would flush
        // the whole session first, once per row)
        orders.persist(row(eventId, aggregateType, aggregateId, type, payload, correlationId, occurredAt));
    }

    private static OutboxRow row(UUID eventId, String aggregateType, UUID aggregateId, String type, JsonObject payload,
            String correlationId, OffsetDateTime occurredAt) {
        return new OutboxRow(eventId, aggregateType, aggregateId, type, VERSION, payload.toString(), correlationId,
                occurredAt);
    }

    private static JsonObject orderPayload(Order order) {
        var lines = JsonFactory.array();
        order.lines().forEach(line -> lines.add(JsonFactory.object().add("productId", line.productId().toString())
                .add("sku", line.sku()).add("quantity", line.quantity()).add("unitPrice", line.priceAtPurchase())));
        return JsonFactory.object().add("orderId", order.id().toString())
                .add("customerId", order.customerId().toString()).add("status", order.status().externalName())
                .add("total", order.total()).add("paymentMethod", PaymentMethods.orDefault(order.paymentMethod()))
                .add("createdAt", order.createdAt().toString()).add("lines", lines).build();
    }
}
