package dev.orderflow.order.infrastructure;

import dev.orderflow.order.domain.Order;
import dev.orderflow.order.domain.OrderLine;
import dev.orderflow.order.domain.OrderStatusConverter;
import dev.orderflow.order.domain.ShippingAddress;
import dev.orderflow.order.domain.StatusChange;
import dev.orderflow.platform.sql.MultiRowInsert;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes newly placed orders, their lines and their first status change with one INSERT per table for the whole group
 * ({@link dev.orderflow.order.application.CheckoutService#placeTogether}), as the entity mapping would write them (the
 * version starts at the column's default, 0). The orders are not managed afterwards: the transaction ends with the
 * group. An order placed alone is persisted as usual.
 */
@ApplicationScoped
public class OrderRows {

    private static final OrderStatusConverter STATUS = new OrderStatusConverter();

    @PersistenceContext(unitName = "order")
    EntityManager orders;

    public void insertAll(List<Order> placed) {
        var orderValues = new ArrayList<Object>(placed.size() * 13);
        var lineValues = new ArrayList<Object>(placed.size() * 14);
        var historyValues = new ArrayList<Object>(placed.size() * 6);
        for (Order order : placed) {
            ShippingAddress ship = order.shippingAddress();
            orderValues.addAll(Arrays.asList(order.id(), order.customerId(), order.total(),
                    STATUS.convertToDatabaseColumn(order.status()), order.shippingAddressId(), ship.street(),
                    ship.city(), ship.state(), ship.zipCode(), ship.country(), order.paymentMethod(), order.createdAt(),
                    order.updatedAt()));
            for (OrderLine line : order.lines()) {
                lineValues.addAll(Arrays.asList(line.id(), order.id(), line.productId(), line.sku(), line.productName(),
                        line.quantity(), line.priceAtPurchase()));
            }
            for (StatusChange change : order.history()) {
                historyValues
                        .addAll(Arrays.asList(change.id(), order.id(), STATUS.convertToDatabaseColumn(change.from()),
                                STATUS.convertToDatabaseColumn(change.to()), change.changedBy(), change.changedAt()));
            }
        }
        MultiRowInsert.insert(orders, """
                orders (id, user_id, total_amount, status, shipping_address_id, ship_street, ship_city, ship_state,
                        ship_zip, ship_country, payment_method, created_at, updated_at)""",
                "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?", 13, orderValues);
        MultiRowInsert.insert(orders,
                "order_items (id, order_id, product_id, sku, product_name, quantity, " + "price_at_purchase)",
                "?, ?, ?, ?, ?, ?, ?", 7, lineValues);
        MultiRowInsert.insert(orders,
                "order_status_history (id, order_id, from_status, to_status, changed_by, " + "changed_at)",
                "?, ?, ?, ?, ?, ?", 6, historyValues);
    }
}
