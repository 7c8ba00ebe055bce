package dev.orderflow.payment;

import dev.orderflow.platform.json.JsonFactory;
import dev.orderflow.platform.sql.Placeholders;
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
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Records a charge's outcome (or a batch of them) in one XA transaction: the event id as processed by the payment
 * group, the payment row, payment.initiated and payment.succeeded or payment.failed in the outbox, and the order
 * confirmed (success, if still pending) or cancelled with its stock released (failure, if still pending or confirmed).
 * A success for an order cancelled meanwhile is refunded (payment.refunded) and the order stays cancelled; a failure
 * for an order already in fulfilment is logged for an operator.
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

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean alreadyApplied(UUID eventId) {
        return processed.seen(GROUP, eventId);
    }

    /** The ids among {@code eventIds} this group has applied (one query, no transaction of its own). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Set<UUID> appliedAmong(Collection<UUID> eventIds) {
        return processed.seenAmong(GROUP, eventIds);
    }

    /** A charge to record: the order.created event it was made for, the gateway's answer, what and how it charged. */
    public record Charge(EventEnvelope orderCreated, ChargeResult result, BigDecimal amount, String method) {

        UUID orderId() {
            return orderCreated.aggregateId();
        }
    }

    /** @return false if the event had been applied before (nothing done) */
    public boolean record(EventEnvelope orderCreated, ChargeResult result, BigDecimal amount, String method) {
        return recordAll(List.of(new Charge(orderCreated, result, amount, method))) == 1;
    }

    /**
     * Records several charges in one transaction (a batch of the payment consumer): the events claimed in one
     * statement, their orders locked in one (in id order), the payment rows inserted in one, then each order's
     * transition. A charge whose event was applied before is skipped. If any order is missing, nothing is recorded.
     *
     * @return how many charges were recorded
     */
    public int recordAll(List<Charge> charges) {
        Set<UUID> claimed = new HashSet<>(
                processed.claimAll(GROUP, charges.stream().map(c -> c.orderCreated().eventId()).toList()));
        List<Charge> fresh = charges.stream().filter(c -> claimed.remove(c.orderCreated().eventId())).toList();
        if (fresh.isEmpty()) {
            return 0;
        }
        Map<UUID, Order> locked = lock(fresh.stream().map(Charge::orderId).distinct().sorted().toList());
        var outcomes = new ArrayList<Outcome>(fresh.size());
        for (Charge charge : fresh) {
            Order order = locked.get(charge.orderId());
            if (order == null) {
                throw new OrderNotFound(charge.orderId());
            }
            boolean approved = charge.result().outcome() == ChargeResult.Outcome.APPROVED;
            boolean refund = approved && order.status() == OrderStatus.CANCELLED;
            outcomes.add(new Outcome(charge, order, approved, refund));
        }
        insertPayments(outcomes);
        outcomes.forEach(this::apply);
        return fresh.size();
    }

    /** What a charge does to its order. */
    private record Outcome(Charge charge, Order order, boolean approved, boolean refund) {

        String paymentStatus() {
            return refund ? "refunded" : approved ? "succeeded" : "failed";
        }
    }

    /** Locks the orders (SELECT ... FOR UPDATE in id order, so that batches never wait for each other in a cycle). */
    private Map<UUID, Order> lock(List<UUID> sortedIds) {
        var locked = new HashMap<UUID, Order>();
        List<Order> rows = orders
                .createNativeQuery("SELECT * FROM orders WHERE id = ANY(cast(?1 AS uuid[])) ORDER BY id FOR UPDATE",
                        Order.class)
                .setParameter(1, Placeholders.uuidArray(sortedIds)).getResultList();
        rows.forEach(order -> locked.put(order.id(), order));
        return locked;
    }

    private void insertPayments(List<Outcome> outcomes) {
        var values = new ArrayList<Object>(outcomes.size() * 6);
        for (Outcome outcome : outcomes) {
            Charge charge = outcome.charge();
            values.addAll(Arrays.asList(charge.result().paymentId(), charge.orderId(), charge.amount(), charge.method(),
                    outcome.paymentStatus(), charge.result().reason())); // the reason is null for an approval
        }
        Placeholders.bind(
                orders.createNativeQuery(
                        "INSERT INTO payments (id, order_id, amount, method, status, " + "failure_reason) VALUES "
                                + Placeholders.rows(outcomes.size(), 6) + " ON CONFLICT (order_id) DO NOTHING"),
                1, values).executeUpdate();
    }

    private void apply(Outcome outcome) {
        Charge charge = outcome.charge();
        Order order = outcome.order();
        UUID orderId = charge.orderId();
        BigDecimal amount = charge.amount();
        String method = charge.method();
        String paymentId = charge.result().paymentId().toString();
        String cid = charge.orderCreated().correlationId();
        outbox.append("order", orderId, "payment.initiated", JsonFactory.object().add("paymentId", paymentId)
                .add("orderId", orderId.toString()).add("amount", amount).add("method", method).build(), cid);
        var payload = JsonFactory.object().add("paymentId", paymentId).add("orderId", orderId.toString())
                .add("amount", amount).add("method", method);
        if (outcome.approved()) {
            outbox.append("order", orderId, "payment.succeeded", payload.build(), cid);
        } else {
            outbox.append("order", orderId, "payment.failed", payload.add("reason", charge.result().reason()).build(),
                    cid);
        }
        order.recordPayment(charge.result().paymentId());
        if (outcome.refund()) {
            outbox.append("order", orderId, "payment.refunded",
                    JsonFactory.object().add("paymentId", paymentId).add("orderId", orderId.toString())
                            .add("amount", amount).add("reason", "order " + order.status().externalName()).build(),
                    cid);
        } else if (outcome.approved() && order.status() == OrderStatus.PENDING) {
            orderService.moveQuietly(orderId, OrderStatus.CONFIRMED, ACTOR, cid);
        } else if (!outcome.approved() && order.status().canMoveTo(OrderStatus.CANCELLED)) {
            orderService.moveQuietly(orderId, OrderStatus.CANCELLED, ACTOR, cid); // unpaid: even if an admin confirmed
                                                                                  // it
        } else if (!outcome.approved()) {
            LOG.warning(() -> "payment failed for order " + orderId + ", already " + order.status().externalName()
                    + ": needs an operator");
        }
    }
}
