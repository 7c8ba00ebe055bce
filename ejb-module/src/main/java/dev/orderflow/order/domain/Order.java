package dev.orderflow.order.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

/**
 * An order (orders_db.orders), the aggregate root of its lines and status history.
 * <p>
 * Life cycle: {@link #place placed} as pending with at least one line, each of a distinct product with a positive
 * quantity, totalling at most {@link #MAX_TOTAL}; then moved along {@link OrderStatus} by {@link #moveTo}. Every change
 * is recorded in the status history and raises an {@link OrderEvent}; a change the life cycle does not allow throws
 * {@link IllegalOrderTransition} and changes nothing.
 */
@Entity
@Table(name = "orders")
public class Order {

    public static final BigDecimal MAX_TOTAL = new BigDecimal("99999999.99");

    @Id
    private UUID id;

    @Column(name = "user_id", nullable = false)
    private UUID customerId;

    @Column(name = "total_amount", nullable = false, precision = 10, scale = 2)
    private BigDecimal total;

    @Convert(converter = OrderStatusConverter.class)
    @Column(nullable = false)
    private OrderStatus status;

    @Column(name = "shipping_address_id")
    private UUID shippingAddressId;

    @Embedded
    private ShippingAddress shippingAddress;

    @Column(name = "payment_method")
    private String paymentMethod;

    @Column(name = "payment_id")
    private UUID paymentId;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Version
    private long version;

    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("productId")
    private List<OrderLine> lines = new ArrayList<>();

    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL)
    @OrderBy("changedAt")
    private List<StatusChange> history = new ArrayList<>();

    @Transient
    private List<OrderEvent> events = new ArrayList<>();

    protected Order() {
        // for JPA
    }

    /** Places a pending order and records {@code order.created}. */
    public static Order place(UUID id, UUID customerId, UUID addressId, ShippingAddress address,
            List<OrderLineDraft> drafts, String paymentMethod, String placedBy) {
        if (drafts.isEmpty()) {
            throw new IllegalArgumentException("an order needs at least one line");
        }
        var products = new HashSet<UUID>();
        for (OrderLineDraft draft : drafts) {
            if (draft.quantity() <= 0 || !products.add(draft.productId())) {
                throw new IllegalArgumentException("lines need distinct products and positive quantities");
            }
        }
        var order = new Order();
        order.id = id;
        order.customerId = customerId;
        order.shippingAddressId = addressId;
        order.shippingAddress = address;
        order.paymentMethod = paymentMethod;
        order.createdAt = OffsetDateTime.now();
        order.updatedAt = order.createdAt;
        drafts.forEach(draft -> order.lines.add(new OrderLine(order, draft)));
        order.total = order.lines.stream().map(OrderLine::subtotal).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (order.total.compareTo(MAX_TOTAL) > 0) {
            throw new OrderTooLarge(order.total);
        }
        order.status = OrderStatus.PENDING;
        order.history.add(new StatusChange(order, null, OrderStatus.PENDING, placedBy, order.createdAt));
        order.events.add(OrderEvent.of("order.created", id, order.createdAt));
        return order;
    }

    /**
     * Moves the order to {@code target} and records {@code order.<target>}.
     *
     * @return the change, as added to the history
     */
    public StatusChange moveTo(OrderStatus target, String changedBy) {
        if (!status.canMoveTo(target)) {
            throw new IllegalOrderTransition(id, status, target);
        }
        var now = OffsetDateTime.now();
        var change = new StatusChange(this, status, target, changedBy, now);
        history.add(change);
        status = target;
        updatedAt = now;
        events.add(OrderEvent.of("order." + target.externalName(), id, now));
        return change;
    }

    /** Records the payment that paid (or failed to pay) for the order. */
    public void recordPayment(UUID payment) {
        this.paymentId = payment;
    }

    public boolean belongsTo(UUID customer) {
        return customerId.equals(customer);
    }

    /** The events raised since the order was loaded, for the outbox; cleared by the call. */
    public List<OrderEvent> takeEvents() {
        var taken = List.copyOf(events);
        events.clear();
        return taken;
    }

    public UUID id() {
        return id;
    }

    public UUID customerId() {
        return customerId;
    }

    public BigDecimal total() {
        return total;
    }

    public String paymentMethod() {
        return paymentMethod;
    }

    public UUID paymentId() {
        return paymentId;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }

    public OrderStatus status() {
        return status;
    }

    public UUID shippingAddressId() {
        return shippingAddressId;
    }

    public ShippingAddress shippingAddress() {
        return shippingAddress;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public List<OrderLine> lines() {
        return Collections.unmodifiableList(lines);
    }

    public List<StatusChange> history() {
        return Collections.unmodifiableList(history);
    }
}
