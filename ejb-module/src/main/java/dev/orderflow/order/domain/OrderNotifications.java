package dev.orderflow.order.domain;

import java.util.List;

/**
 * The messages a customer gets when an order changes (notification-events): an e-mail when it is confirmed, an e-mail
 * and an SMS when it ships, an SMS when it is delivered or cancelled.
 */
public final class OrderNotifications {

    public static final String ORDER_CONFIRMATION = "email.order_confirmation";
    public static final String SHIPPING_UPDATE = "email.shipping_update";
    public static final String ORDER_STATUS_SMS = "sms.order_status";

    private OrderNotifications() {
    }

    public static List<String> forEvent(String orderEventType) {
        return switch (orderEventType) {
        case "order.confirmed" -> List.of(ORDER_CONFIRMATION);
        case "order.shipped" -> List.of(SHIPPING_UPDATE, ORDER_STATUS_SMS);
        case "order.delivered", "order.cancelled" -> List.of(ORDER_STATUS_SMS);
        default -> List.of();
        };
    }
}
