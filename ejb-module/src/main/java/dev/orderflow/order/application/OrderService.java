package dev.orderflow.order.application;

import dev.orderflow.catalog.application.InventoryService;
import dev.orderflow.order.domain.Order;
import dev.orderflow.order.domain.OrderStatus;
import dev.orderflow.order.infrastructure.Outbox;
import dev.orderflow.platform.paging.Page;
import dev.orderflow.platform.paging.PageRequest;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import dev.orderflow.order.history.OrderHistory;
import dev.orderflow.payment.Refunds;

/**
 * Reads orders and moves them through their life cycle. Reads run in a (one-phase) transaction so an order's lines and
 * history load with it.
 */
@Stateless
public class OrderService {

    @PersistenceContext(unitName = "order")
    EntityManager orders;

    @EJB
    InventoryService inventory;

    @Inject
    Outbox outbox;

    @Inject
    OrderHistory history;

    @Inject
    Refunds refunds;

    /** One of the customer's own orders, active or archived; another customer's is not found. */
    public OrderView ofCustomer(UUID customer, UUID orderId) {
        OrderView order = any(orderId);
        if (!order.customerId().equals(customer)) {
            throw new OrderNotFound(orderId);
        }
        return order;
    }

    /** Any order: from orders_db, else from the order history (MongoDB). */
    public OrderView any(UUID orderId) {
        Order order = orders.find(Order.class, orderId);
        if (order != null) {
            return OrderView.of(order);
        }
        return history.find(orderId).orElseThrow(() -> new OrderNotFound(orderId));
    }

    /**
     * The customer's orders, newest first, active (orders_db) and archived (MongoDB) as one list. The page is cut from
     * the merge of the first offset+size orders of each store; an order present in both (during its archiving) is
     * listed once, from orders_db.
     */
    public Page<OrderView> listOfCustomer(UUID customer, PageRequest request) {
        int needed = request.offset() + request.size();
        var active = orders
                .createQuery("select o from Order o where o.customerId = :customer order by o.createdAt desc, o.id",
                        Order.class)
                .setParameter("customer", customer).setMaxResults(needed).getResultStream().map(OrderView::of).toList();
        long activeCount = orders.createQuery("select count(o) from Order o where o.customerId = :customer", Long.class)
                .setParameter("customer", customer).getSingleResult();
        long archivedCount = history.countOfCustomer(customer);
        List<OrderView> archived = archivedCount == 0 ? List.of() : history.ofCustomer(customer, needed);
        var ids = active.stream().map(OrderView::id).collect(Collectors.toSet());
        var merged = Stream.concat(active.stream(), archived.stream().filter(o -> !ids.contains(o.id())))
                .sorted(Comparator.comparing(OrderView::createdAt).reversed().thenComparing(OrderView::id))
                .skip(request.offset()).limit(request.size()).toList();
        return new Page<>(merged, request.page(), request.size(), activeCount + archivedCount);
    }

    /**
     * Moves an order along its life cycle (admins). Cancelling gives its stock back in the same XA transaction across
     * orders_db and products_db, and refunds a succeeded payment; every change appends its event to the outbox.
     *
     * @throws dev.orderflow.order.domain.IllegalOrderTransition
     *             when the life cycle forbids it; nothing changes
     */
    public OrderView move(UUID orderId, OrderStatus target, String actor, String correlationId) {
        return OrderView.of(changeStatus(orderId, target, actor, correlationId));
    }

    /**
     * {@link #move} for a caller that does not answer with the order (the payment consumer): the same change, without
     * building the view (which loads the order's history).
     */
    public void moveQuietly(UUID orderId, OrderStatus target, String actor, String correlationId) {
        changeStatus(orderId, target, actor, correlationId);
    }

    private Order changeStatus(UUID orderId, OrderStatus target, String actor, String correlationId) {
        Order order = lock(orderId);
        order.moveTo(target, actor);
        if (target == OrderStatus.CANCELLED) {
            inventory.releaseStock(orderId);
        }
        outbox.append(order, correlationId);
        if (target == OrderStatus.CANCELLED) {
            outbox.appendInventoryReleased(order, correlationId);
            refunds.refundIfPaid(order, "order cancelled by " + actor, correlationId);
        }
        return order;
    }

    /** A customer cancels one of their own orders (pending or confirmed only). */
    public OrderView cancelByCustomer(UUID customer, UUID orderId, String correlationId) {
        Order order = lock(orderId);
        if (!order.belongsTo(customer)) {
            throw new OrderNotFound(orderId);
        }
        return move(orderId, OrderStatus.CANCELLED, "customer:" + customer, correlationId);
    }

    /** Locks the order row so that two concurrent changes of one order happen one after the other. */
    private Order lock(UUID orderId) {
        Order order = orders.find(Order.class, orderId, LockModeType.PESSIMISTIC_WRITE);
        if (order == null) {
            throw new OrderNotFound(orderId);
        }
        return order;
    }
}
