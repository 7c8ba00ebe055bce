package dev.orderflow.order.domain;

import dev.orderflow.platform.id.Uuids;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Something that happened to an order, recorded by the {@link Order} itself and appended to the outbox in the same
 * transaction: {@code order.created} when placed, {@code order.<status>} on every change.
 */
public record OrderEvent(UUID eventId, String type, int version, UUID orderId, OffsetDateTime occurredAt) {

    public static final int VERSION = 1;

    static OrderEvent of(String type, UUID orderId, OffsetDateTime at) {
        return new OrderEvent(Uuids.next(), type, VERSION, orderId, at);
    }
}
