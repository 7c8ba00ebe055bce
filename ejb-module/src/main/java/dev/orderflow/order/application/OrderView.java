package dev.orderflow.order.application;

import dev.orderflow.order.domain.Order;
import dev.orderflow.order.domain.ShippingAddress;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * An order as its customer and the admins see it; {@code archived} when it was read from the order history in MongoDB.
 */
public record OrderView(UUID id, UUID customerId, String status, BigDecimal total, ShippingAddress shippingAddress,
        List<Line> lines, List<Change> history, OffsetDateTime createdAt, String paymentMethod, UUID paymentId,
        boolean archived) {

    public record Line(UUID productId, String sku, String name, int quantity, BigDecimal unitPrice) {
    }

    public record Change(String from, String to, String by, OffsetDateTime at) {
    }

    public static OrderView of(Order order) {
        return new OrderView(order.id(), order.customerId(), order.status().externalName(), order.total(),
                order.shippingAddress(),
                order.lines().stream()
                        .map(l -> new Line(l.productId(), l.sku(), l.productName(), l.quantity(), l.priceAtPurchase()))
                        .toList(),
                order.history().stream()
                        .map(c -> new Change(c.from() == null ? null : c.from().externalName(), c.to().externalName(),
                                c.changedBy(), c.changedAt()))
                        .toList(),
                order.createdAt(), order.paymentMethod(), order.paymentId(), false);
    }
}
