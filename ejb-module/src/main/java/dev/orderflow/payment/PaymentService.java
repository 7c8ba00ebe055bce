package dev.orderflow.payment;

import dev.orderflow.platform.json.JsonFactory;
import dev.orderflow.events.ProcessedEvents;
import dev.orderflow.messaging.ConsumerGroup;
import dev.orderflow.messaging.EventEnvelope;
import dev.orderflow.order.application.OrderNotFound;
import dev.orderflow.order.application.OrderService;
import dev.orderflow.order.domain.Order;
import dev.orderflow.order.domain.OrderStatus;
import dev.orderflow.order.infrastructure.Outbox;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * Records a charge's outcome in one XA transaction: the event id as processed by the payment group, the payment row,
 * payment.initiated and payment.succeeded or payment.failed in the outbox, and the order confirmed (success, if still
 * pending) or cancelled with its stock released (failure, if still pending or confirmed). A success for an order
 * cancelled meanwhile is refunded (payment.refunded) and the order stays cancelled; a failure for an order already in
 * fulfilment is logged for an operator.
 */
@Stateless
public class PaymentService {

    private static final java.util.logging.Logger LOG = java.util.logging.Logger
            .getLogger(PaymentService.class.getName());

    static final String GROUP = ConsumerGroup.PAYMENT.groupId();
    static final String ACTOR = "payment-service";

    @PersistenceContext(unitName = "order")
    EntityManager orders;

    @Inject
    ProcessedEvents processed;

    @Inject
    Outbox outbox;

    @EJB
    OrderService orderService;

    public boolean alreadyApplied(UUID eventId) {
        return processed.seen(GROUP, eventId);
    }

    /** @return false if the event had been applied before (nothing done) */
    public boolean record(EventEnvelope orderCreated, ChargeResult result, BigDecimal amount, String method) {
        if (!processed.claim(GROUP, orderCreated.eventId())) {
            return false;
        }
        UUID orderId = orderCreated.aggregateId();
        Order order = orders.find(Order.class, orderId, LockModeType.PESSIMISTIC_WRITE);
        if (order == null) {
            throw new OrderNotFound(orderId);
        }
        boolean approved = result.outcome() == ChargeResult.Outcome.APPROVED;
        boolean refund = approved && order.status() == OrderStatus.CANCELLED;
        String status = refund ? "refunded" : approved ? "succeeded" : "failed";
        orders.createNativeQuery("""
                INSERT INTO payments (id, order_id, amount, method, status, failure_reason)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (order_id) DO NOTHING
                """).setParameter(1, result.paymentId()).setParameter(2, orderId).setParameter(3, amount)
                .setParameter(4, method).setParameter(5, status).setParameter(6, result.reason()).executeUpdate();
        String cid = orderCreated.correlationId();
        var payload = JsonFactory.object().add("paymentId", result.paymentId().toString())
                .add("orderId", orderId.toString()).add("amount", amount).add("method", method);
        outbox.append("order", orderId, "payment.initiated", payload.build(), cid);
        payload = JsonFactory.object().add("paymentId", result.paymentId().toString())
                .add("orderId", orderId.toString()).add("amount", amount).add("method", method);
        if (approved) {
            outbox.append("order", orderId, "payment.succeeded", payload.build(), cid);
        } else {
            outbox.append("order", orderId, "payment.failed", payload.add("reason", result.reason()).build(), cid);
        }
        order.recordPayment(result.paymentId());
        if (refund) {
            outbox.append("order", orderId, "payment.refunded",
                    JsonFactory.object().add("paymentId", result.paymentId().toString())
                            .add("orderId", orderId.toString()).add("amount", amount)
                            .add("reason", "order " + order.status().externalName()).build(),
                    cid);
        } else if (approved && order.status() == OrderStatus.PENDING) {
            orderService.move(orderId, OrderStatus.CONFIRMED, ACTOR, cid);
        } else if (!approved && order.status().canMoveTo(OrderStatus.CANCELLED)) {
            orderService.move(orderId, OrderStatus.CANCELLED, ACTOR, cid); // unpaid: even if an admin confirmed it
        } else if (!approved) {
            LOG.warning(() -> "payment failed for order " + orderId + ", already " + order.status().externalName()
                    + ": needs an operator");
        }
        return true;
    }
}
