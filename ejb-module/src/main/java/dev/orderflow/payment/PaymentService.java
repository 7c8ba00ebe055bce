package dev.orderflow.payment;

import dev.orderflow.platform.json.JsonFactory;
import dev.orderflow.platform.sql.MultiRowInsert;
import dev.orderflow.platform.sql.Placeholders;
import dev.orderflow.events.ProcessedEvents;
import dev.orderflow.messaging.ConsumerGroup;
import dev.orderflow.messaging.EventEnvelope;
import dev.orderflow.order.application.OrderNotFound;
import dev.orderflow.order.application.OrderService;
import dev.orderflow.order.domain.Order;
import dev.orderflow.order.domain.OrderStatus;
import dev.orderflow.order.infrastructure.OrderRows;
import dev.orderflow.order.infrastructure.Outbox;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
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
    private static final MultiRowInsert PAYMENTS = MultiRowInsert.into("payments",
            "id uuid, order_id uuid, amount numeric, method text, status text, failure_reason text",
            " ON CONFLICT (order_id) DO NOTHING");

    @PersistenceContext(unitName = "order")
    EntityManager orders;

    @Inject
    ProcessedEvents processed;

    @Inject
    Outbox outbox;

    @Inject
    OrderRows orderRows;

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
     * transition. The common one, a pending order paid and confirmed, is written for the whole batch at once (one
     * INSERT of its outbox rows, one UPDATE of the orders, one INSERT of their status changes); the others (a failure
     * that cancels, a refund) go through {@link OrderService} one by one afterwards. A charge whose event was applied
     * before is skipped. If any order is missing, nothing is recorded.
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
        var confirming = new HashSet<UUID>();
        for (Charge charge : fresh) {
            Order order = locked.get(charge.orderId());
            if (order == null) {
                throw new OrderNotFound(charge.orderId());
            }
            boolean approved = charge.result().outcome() == ChargeResult.Outcome.APPROVED;
            boolean refund = approved && order.status() == OrderStatus.CANCELLED;
            // an order is confirmed once (two charges of one order in a batch do not happen: one order.created each)
            boolean confirms = approved && order.status() == OrderStatus.PENDING && confirming.add(order.id());
            outcomes.add(new Outcome(charge, order, approved, refund, confirms));
        }
        insertPayments(outcomes);
        // the confirmations first, written together and their orders detached, before anything below could flush them
        var pending = outbox.pending();
        var confirmed = new ArrayList<OrderRows.Moved>();
        for (Outcome outcome : outcomes) {
            if (outcome.confirms()) {
                Order order = outcome.order();
                appendPaymentEvents(pending::append, outcome);
                order.recordPayment(outcome.charge().result().paymentId());
                confirmed.add(new OrderRows.Moved(order, order.moveTo(OrderStatus.CONFIRMED, ACTOR)));
                pending.append(order, outcome.charge().orderCreated().correlationId());
            }
        }
        pending.write();
        orderRows.updateAll(confirmed);
        outcomes.stream().filter(outcome -> !outcome.confirms()).forEach(this::apply);
        return fresh.size();
    }

    /**
     * What a charge does to its order, decided when the order is locked: refunded (paid after it was cancelled),
     * confirmed (paid while pending), or neither.
     */
    private record Outcome(Charge charge, Order order, boolean approved, boolean refund, boolean confirms) {

        String paymentStatus() {
            return refund ? "refunded" : approved ? "succeeded" : "failed";
        }
    }

    /** Where an event goes: the outbox at once, or rows gathered to be written together. */
    @FunctionalInterface
    private interface Events {
        void append(String aggregateType, UUID aggregateId, String type, JsonObject payload, String correlationId);
    }

    /** Locks the orders (SELECT ... FOR UPDATE in id order, so that batches never wait for each other in a cycle). */
    private Map<UUID, Order> lock(List<UUID> sortedIds) {
        var locked = new HashMap<UUID, Order>();
        List<Order> rows = orders
                .createNativeQuery("SELECT * FROM orders WHERE id IN (SELECT unnest(cast(?1 AS uuid[]))) "
                        + "ORDER BY id FOR UPDATE", Order.class)
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
        PAYMENTS.insert(orders, values);
    }

    /** payment.initiated, then payment.succeeded or payment.failed. */
    private static void appendPaymentEvents(Events events, Outcome outcome) {
        Charge charge = outcome.charge();
        String orderId = charge.orderId().toString();
        String paymentId = charge.result().paymentId().toString();
        String cid = charge.orderCreated().correlationId();
        events.append(
                "order", charge.orderId(), "payment.initiated", JsonFactory.object().add("paymentId", paymentId)
                        .add("orderId", orderId).add("amount", charge.amount()).add("method", charge.method()).build(),
                cid);
        var payload = JsonFactory.object().add("paymentId", paymentId).add("orderId", orderId)
                .add("amount", charge.amount()).add("method", charge.method());
        if (outcome.approved()) {
            events.append("order", charge.orderId(), "payment.succeeded", payload.build(), cid);
        } else {
            events.append("order", charge.orderId(), "payment.failed",
                    payload.add("reason", charge.result().reason()).build(), cid);
        }
    }

    /** A charge that does not simply confirm its order: a refund, a cancellation, or something for an operator. */
    private void apply(Outcome outcome) {
        Charge charge = outcome.charge();
        Order order = outcome.order();
        UUID orderId = charge.orderId();
        String cid = charge.orderCreated().correlationId();
        appendPaymentEvents(outbox::append, outcome);
        order.recordPayment(charge.result().paymentId());
        if (outcome.refund()) {
            outbox.append("order", orderId, "payment.refunded",
                    JsonFactory.object().add("paymentId", charge.result().paymentId().toString())
                            .add("orderId", orderId.toString()).add("amount", charge.amount())
                            .add("reason", "order " + order.status().externalName()).build(),
                    cid);
        } else if (!outcome.approved() && order.status().canMoveTo(OrderStatus.CANCELLED)) {
            orderService.moveQuietly(orderId, OrderStatus.CANCELLED, ACTOR, cid); // unpaid: even if an admin confirmed
                                                                                  // it
        } else if (!outcome.approved()) {
            LOG.warning(() -> "payment failed for order " + orderId + ", already " + order.status().externalName()
                    + ": needs an operator");
        }
    }
}
