package dev.orderflow.notification;

import dev.orderflow.messaging.EventEnvelope;
import dev.orderflow.messaging.EventHandler;
import dev.orderflow.platform.mongo.MongoConnection;
import dev.orderflow.platform.mongo.OncePerId;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.bson.Document;

/**
 * The notification service (consumer group {@code notification} on notification-events): "sends" each e-mail or SMS by
 * recording it in MongoDB ({@code notifications}; the sending itself is simulated). The document's id is the event id,
 * so recording the effect and the processed id is one write: a redelivered event hits the unique id and is dropped.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class NotificationEventHandler implements EventHandler {

    public static final String COLLECTION = "notifications";

    @Inject
    MongoConnection mongo;

    @Override
    public void handle(EventEnvelope event) {
        Document document = document(event);
        if (document != null) {
            OncePerId.insert(mongo.database().getCollection(COLLECTION), document);
        }
    }

    /** The notifications of a poll in one insertMany. */
    @Override
    public boolean handleAll(List<EventEnvelope> events) {
        OncePerId.insertAll(mongo.database().getCollection(COLLECTION),
                events.stream().map(NotificationEventHandler::document).filter(Objects::nonNull).toList());
        return true;
    }

    /** The record of the notification the event asks for, or null for an event that asks for none. */
    private static Document document(EventEnvelope event) {
        String channel = event.type().startsWith("sms.") ? "sms" : event.type().startsWith("email.") ? "email" : null;
        if (channel == null) {
            return null;
        }
        var payload = event.payload();
        return new Document("_id", event.eventId().toString()).append("type", event.type()).append("channel", channel)
                .append("orderId", payload.getString("orderId", null))
                .append("customerId", payload.getString("customerId", null))
                .append("orderStatus", payload.getString("status", null))
                .append("subject", subject(event.type(), payload.getString("status", "")))
                .append("correlationId", event.correlationId()).append("occurredAt", Date.from(event.occurredAt()))
                .append("recordedAt", new Date()).append("delivery", "simulated");
    }

    static String subject(String type, String status) {
        return switch (type) {
        case "email.order_confirmation" -> "Your order is confirmed";
        case "email.shipping_update" -> "Your order has shipped";
        default -> "Order status: " + status;
        };
    }
}
