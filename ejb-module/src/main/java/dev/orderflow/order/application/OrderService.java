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
import java.util.UUID;

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

    /** One of the customer's own orders; another customer's is not found. */
    public OrderView ofCustomer(UUID customer, UUID orderId) {
        Order order = orders.find(Order.class, orderId);
        if (order == null || !order.belongsTo(customer)) {
            throw new OrderNotFound(orderId);
        }
        return OrderView.of(order);
    }

    public OrderView any(UUID orderId) {
        Order order = orders.find(Order.class, orderId);
        if (order == null) {
            throw new OrderNotFound(orderId);
        }
        return OrderView.of(order);
    }

    /** The customer's orders, newest first. */
    public Page<OrderView> listOfCustomer(UUID customer, PageRequest request) {
        var items = orders
                .createQuery("select o from Order o where o.customerId = :customer order by o.createdAt desc, o.id",
                        Order.class)
                .setParameter("customer", customer).setFirstResult(request.offset()).setMaxResults(request.size())
                .getResultStream().map(OrderView::of).toList();
        long total = orders.createQuery("select count(o) from Order o where o.customerId = :customer", Long.class)
                .setParameter("customer", customer).getSingleResult();
        return new Page<>(items, request.page(), request.size(), total);
    }

    /**
     * Moves an order along its life cycle (admins). Cancelling gives its stock back in the same XA transaction across
     * orders_db and products_db; every change appends its event to the outbox.
     *
     * @throws dev.orderflow.order.domain.IllegalOrderTransition
     *             when the life cycle forbids it; nothing changes
     */
    public OrderView move(UUID orderId, OrderStatus target, String actor, String correlationId) {
        Order order = lock(orderId);
        order.moveTo(target, actor);
        if (target == OrderStatus.CANCELLED) {
            inventory.releaseStock(orderId);
        }
        outbox.append(order, correlationId);
        return OrderView.of(order);
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
