package dev.orderflow.analytics;

import dev.orderflow.messaging.EventEnvelope;
import dev.orderflow.messaging.EventHandler;
import dev.orderflow.platform.mongo.MongoConnection;
import dev.orderflow.platform.mongo.OncePerId;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.Decimal128;

/**
 * The analytics service (consumer group {@code analytics} on order-events): keeps one fact per order event in MongoDB
 * ({@code order_facts}: order, type, status, UTC day, total, lines with revenue), from which {@link AnalyticsService}
 * aggregates orders and revenue per day and status and the top products. The fact's id is the event id: the effect and
 * the processed id are one write, so a redelivered event is dropped by the unique id.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AnalyticsEventHandler implements EventHandler {

    public static final String COLLECTION = "order_facts";
    public static final String VIEWS = "product_views";

    @Inject
    MongoConnection mongo;

    @Override
    public void handle(EventEnvelope event) {
        Document document = document(event);
        if (document != null) {
            OncePerId.insert(mongo.database().getCollection(collection(event)), document);
        }
    }

    /** The facts and views of a poll in one insertMany per collection. */
    @Override
    public boolean handleAll(List<EventEnvelope> events) {
        Map<String, List<Document>> byCollection = new LinkedHashMap<>();
        for (EventEnvelope event : events) {
            Document document = document(event);
            if (document != null) {
                byCollection.computeIfAbsent(collection(event), name -> new ArrayList<>()).add(document);
            }
        }
        byCollection.forEach((name, documents) -> OncePerId.insertAll(mongo.database().getCollection(name), documents));
        return true;
    }

    private static String collection(EventEnvelope event) {
        return event.type().equals("analytics.product_viewed") ? VIEWS : COLLECTION;
    }

    /** The event's fact (or product views), or null for an event analytics does not keep. */
    private static Document document(EventEnvelope event) {
        if (event.type().equals("analytics.product_viewed")) {
            return new Document("_id", event.eventId().toString()).append("productId", event.aggregateId().toString())
                    .append("day", event.occurredAt().atOffset(ZoneOffset.UTC).toLocalDate().toString())
                    .append("occurredAt", Date.from(event.occurredAt()))
                    .append("views", event.payload().getJsonNumber("views") == null ? 1
                            : event.payload().getJsonNumber("views").longValueExact());
        }
        if (!event.type().startsWith("order.")) {
            return null;
        }
        JsonObject payload = event.payload();
        var lines = new ArrayList<Document>();
        for (JsonObject line : payload.getJsonArray("lines").getValuesAs(JsonObject.class)) {
            var unitPrice = line.getJsonNumber("unitPrice").bigDecimalValue();
            int quantity = line.getInt("quantity");
            lines.add(new Document("productId", line.getString("productId")).append("sku", line.getString("sku"))
                    .append("quantity", quantity)
                    .append("revenue", new Decimal128(unitPrice.multiply(java.math.BigDecimal.valueOf(quantity)))));
        }
        return new Document("_id", event.eventId().toString()).append("orderId", event.aggregateId().toString())
                .append("type", event.type()).append("status", payload.getString("status"))
                .append("day", event.occurredAt().atOffset(ZoneOffset.UTC).toLocalDate().toString())
                .append("occurredAt", Date.from(event.occurredAt()))
                .append("total", new Decimal128(payload.getJsonNumber("total").bigDecimalValue()))
                .append("lines", lines);
    }
}
