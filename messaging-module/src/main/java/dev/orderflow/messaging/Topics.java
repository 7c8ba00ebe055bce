package dev.orderflow.messaging;

/** The seeds' topics and which event types go to which. */
public final class Topics {

    public static final String ORDER_EVENTS = "order-events";
    public static final String PAYMENT_EVENTS = "payment-events";
    public static final String INVENTORY_EVENTS = "inventory-events";
    public static final String NOTIFICATION_EVENTS = "notification-events";
    public static final String ANALYTICS_EVENTS = "analytics-events";
    /** Where a consumer puts a message it gave up on (the Kafka connector's dead-letter-queue strategy). */
    public static final String DEAD_LETTERS = "dead-letters";

    private Topics() {
    }

    /** order.* to order-events, payment.*, inventory.*, email.* and sms.* (notifications), analytics.*. */
    public static String of(String eventType) {
        int dot = eventType.indexOf('.');
        String prefix = dot < 0 ? "" : eventType.substring(0, dot);
        return switch (prefix) {
        case "order" -> ORDER_EVENTS;
        case "payment" -> PAYMENT_EVENTS;
        case "inventory" -> INVENTORY_EVENTS;
        case "email", "sms" -> NOTIFICATION_EVENTS;
        case "analytics" -> ANALYTICS_EVENTS;
        default -> throw new IllegalArgumentException("no topic for event type " + eventType);
        };
    }
}
