package dev.orderflow.analytics;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteException;
import dev.orderflow.messaging.EventEnvelope;
import dev.orderflow.messaging.EventHandler;
import dev.orderflow.messaging.RetryLater;
import dev.orderflow.platform.mongo.MongoConnection;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
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
        if (event.type().equals("analytics.product_viewed")) {
            insert(VIEWS,
                    new Document("_id", event.eventId().toString()).append("productId", event.aggregateId().toString())
                            .append("day", event.occurredAt().atOffset(ZoneOffset.UTC).toLocalDate().toString())
                            .append("occurredAt", Date.from(event.occurredAt()))
                            .append("views", event.payload().getJsonNumber("views") == null ? 1
                                    : event.payload().getJsonNumber("views").longValueExact()));
            return;
        }
        if (!event.type().startsWith("order.")) {
            return;
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
        var fact = new Document("_id", event.eventId().toString()).append("orderId", event.aggregateId().toString())
                .append("type", event.type()).append("status", payload.getString("status"))
                .append("day", event.occurredAt().atOffset(ZoneOffset.UTC).toLocalDate().toString())
                .append("occurredAt", Date.from(event.occurredAt()))
                .append("total", new Decimal128(payload.getJsonNumber("total").bigDecimalValue()))
                .append("lines", lines);
        insert(COLLECTION, fact);
    }

    /** One write: the document's id is the event id, so a second delivery hits the unique id and is dropped. */
    private void insert(String collection, Document document) {
        try {
            mongo.database().getCollection(collection).insertOne(document);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        } catch (MongoSocketException | MongoTimeoutException e) {
            throw new RetryLater("mongodb", e);
        }
    }
}
