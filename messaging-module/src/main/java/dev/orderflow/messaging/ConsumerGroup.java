package dev.orderflow.messaging;

/** The consumer services, one Kafka consumer group each, and the topic each reads. */
public enum ConsumerGroup {
    /** Charges orders through the payment gateway; confirms or cancels them. */
    PAYMENT("payment", Topics.ORDER_EVENTS),
    /** Raises inventory.low_stock when a reservation takes a product below the threshold. */
    INVENTORY("inventory", Topics.INVENTORY_EVENTS),
    /** Records the e-mails and SMS it would send (MongoDB). */
    NOTIFICATION("notification", Topics.NOTIFICATION_EVENTS),
    /** Keeps the order facts the analytics endpoint aggregates (MongoDB). */
    ANALYTICS("analytics", Topics.ORDER_EVENTS);

    private final String groupId;
    private final String topic;

    ConsumerGroup(String groupId, String topic) {
        this.groupId = groupId;
        this.topic = topic;
    }

    public String groupId() {
        return groupId;
    }

    public String topic() {
        return topic;
    }
}
