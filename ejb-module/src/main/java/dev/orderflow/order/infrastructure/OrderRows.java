package dev.orderflow.order.infrastructure;

import dev.orderflow.order.domain.Order;
import dev.orderflow.order.domain.OrderLine;
import dev.orderflow.order.domain.OrderStatusConverter;
import dev.orderflow.order.domain.ShippingAddress;
import dev.orderflow.order.domain.StatusChange;
import dev.orderflow.platform.sql.MultiRowInsert;
import dev.orderflow.platform.sql.MultiRowUpdate;
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
    private static final MultiRowInsert ORDERS = MultiRowInsert.into("orders", """
            id uuid, user_id uuid, total_amount numeric, status text, shipping_address_id uuid, ship_street text,
            ship_city text, ship_state text, ship_zip text, ship_country text, payment_method text,
            created_at timestamptz, updated_at timestamptz""");
    private static final MultiRowInsert LINES = MultiRowInsert.into("order_items",
            "id uuid, order_id uuid, product_id uuid, sku text, product_name text, quantity integer, "
                    + "price_at_purchase numeric");
    private static final MultiRowInsert HISTORY = MultiRowInsert.into("order_status_history",
            "id uuid, order_id uuid, from_status text, to_status text, changed_by text, changed_at timestamptz");
    private static final MultiRowUpdate ORDER_CHANGES = MultiRowUpdate.of(
            "orders o SET status = v.status, payment_id = v.payment_id, updated_at = v.updated_at, "
                    + "version = o.version + 1",
            "id uuid, status text, payment_id uuid, updated_at timestamptz", "o.id = v.id");

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
        ORDERS.insert(orders, orderValues);
        LINES.insert(orders, lineValues);
        HISTORY.insert(orders, historyValues);
    }

    /** An order moved once in this transaction, and the change {@link Order#moveTo} recorded. */
    public record Moved(Order order, StatusChange change) {
    }

    /**
     * Writes the changes of orders that were loaded (and locked) in this transaction and then moved once each: their
     * status, payment and time of change with one UPDATE (the version incremented, as the mapping would), and the
     * status changes with one INSERT. The orders are detached first, so the persistence context does not write them
     * again at commit (the payment group's batch, {@link dev.orderflow.payment.PaymentService#recordAll}).
     */
    public void updateAll(List<Moved> moved) {
        var orderValues = new ArrayList<Object>(moved.size() * 4);
        var historyValues = new ArrayList<Object>(moved.size() * 6);
        for (Moved one : moved) {
            Order order = one.order();
            StatusChange change = one.change();
            orders.detach(order);
            orderValues.addAll(Arrays.asList(order.id(), STATUS.convertToDatabaseColumn(order.status()),
                    order.paymentId(), order.updatedAt()));
            historyValues.addAll(Arrays.asList(change.id(), order.id(), STATUS.convertToDatabaseColumn(change.from()),
                    STATUS.convertToDatabaseColumn(change.to()), change.changedBy(), change.changedAt()));
        }
        int updated = ORDER_CHANGES.update(orders, orderValues);
        if (updated != moved.size()) { // the rows are locked by this transaction: anything else is a bug
            throw new IllegalStateException(moved.size() + " orders moved, " + updated + " rows updated");
        }
        HISTORY.insert(orders, historyValues);
    }
}
