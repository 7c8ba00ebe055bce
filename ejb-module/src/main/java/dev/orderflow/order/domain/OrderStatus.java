package dev.orderflow.order.domain;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The life cycle of an order: pending -> confirmed -> processing -> shipped -> delivered, and cancelled from pending or
 * confirmed. Delivered and cancelled are final.
 */
public enum OrderStatus {
    PENDING, CONFIRMED, PROCESSING, SHIPPED, DELIVERED, CANCELLED;

    public Set<OrderStatus> next() {
        return switch (this) {
        case PENDING -> EnumSet.of(CONFIRMED, CANCELLED);
        case CONFIRMED -> EnumSet.of(PROCESSING, CANCELLED);
        case PROCESSING -> EnumSet.of(SHIPPED);
        case SHIPPED -> EnumSet.of(DELIVERED);
        case DELIVERED, CANCELLED -> EnumSet.noneOf(OrderStatus.class);
        };
    }

    public boolean canMoveTo(OrderStatus target) {
        return next().contains(target);
    }

    public String externalName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @throws IllegalArgumentException
     *             for a name that is not a status
     */
    public static OrderStatus fromExternalName(String name) {
        return valueOf(name.strip().toUpperCase(Locale.ROOT));
    }
}
