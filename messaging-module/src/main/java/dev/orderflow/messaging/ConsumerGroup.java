package dev.orderflow.messaging;

/** The consumer services, one Kafka consumer group each, and the topics each reads. */
public enum ConsumerGroup {
    /** Charges orders through the payment gateway; confirms or cancels them. */
    PAYMENT("payment", Topics.ORDER_EVENTS),
    /** Raises inventory.low_stock when a reservation takes a product below the threshold. */
    INVENTORY("inventory", Topics.INVENTORY_EVENTS),
    /** Records the e-mails and SMS it would send (MongoDB). */
    NOTIFICATION("notification", Topics.NOTIFICATION_EVENTS),
    /** Keeps the order facts and product views the analytics endpoint aggregates (MongoDB). */
    ANALYTICS("analytics", Topics.ORDER_EVENTS, Topics.ANALYTICS_EVENTS);

    private final String groupId;
    private final java.util.List<String> topics;

    ConsumerGroup(String groupId, String... topics) {
        this.groupId = groupId;
        this.topics = java.util.List.of(topics);
    }

    public String groupId() {
        return groupId;
    }

    public java.util.List<String> topics() {
        return topics;
    }
}
