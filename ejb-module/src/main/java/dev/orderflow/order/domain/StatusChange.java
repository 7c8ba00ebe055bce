package dev.orderflow.order.domain;

import dev.orderflow.platform.id.Uuids;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One step of an order's status history: who moved it, from what, to what, when. */
@Entity
@Table(name = "order_status_history")
public class StatusChange {

    @Id
    private UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "order_id")
    private Order order;

    @Convert(converter = OrderStatusConverter.class)
    @Column(name = "from_status")
    private OrderStatus from;

    @Convert(converter = OrderStatusConverter.class)
    @Column(name = "to_status", nullable = false)
    private OrderStatus to;

    @Column(name = "changed_by", nullable = false)
    private String changedBy;

    @Column(name = "changed_at", nullable = false)
    private OffsetDateTime changedAt;

    protected StatusChange() {
        // for JPA
    }

    StatusChange(Order order, OrderStatus from, OrderStatus to, String changedBy, OffsetDateTime changedAt) {
        this.id = Uuids.next();
        this.order = order;
        this.from = from;
        this.to = to;
        this.changedBy = changedBy;
        this.changedAt = changedAt;
    }

    public UUID id() {
        return id;
    }

    public OrderStatus from() {
        return from;
    }

    public OrderStatus to() {
        return to;
    }

    public String changedBy() {
        return changedBy;
    }

    public OffsetDateTime changedAt() {
        return changedAt;
    }
}
