package dev.orderflow.payment;

import dev.orderflow.messaging.EventEnvelope;
import dev.orderflow.messaging.EventHandler;
import dev.orderflow.messaging.RetryLater;
import dev.orderflow.order.application.PaymentMethods;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * The payment service (consumer group {@code payment} on order-events): charges each new order paid by card or wallet.
 * The gateway call runs outside any transaction; its outcome is recorded by {@link PaymentService} in one. A gateway
 * that failed to answer is a failed attempt (retried, then dead-lettered); an open circuit breaker is an outage
 * ({@link RetryLater}): the event waits for the gateway without spending attempts. The events of one poll are charged
 * and recorded together ({@link #handleAll}).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PaymentEventHandler implements EventHandler {

    private static final String ORDER_CREATED = "order.created";

    @Inject
    PaymentGateway gateway;

    @EJB
    PaymentService payments;

    /** Only order.created: the rest of order-events (payments, confirmations, ...) is not this group's business. */
    @Override
    public boolean reads(String type) {
        return ORDER_CREATED.equals(type);
    }

    @Override
    public void handle(EventEnvelope event) {
        if (!charged(event) || payments.alreadyApplied(event.eventId())) {
            return;
        }
        ChargeResult result = charge(event);
        if (result.outcome() == ChargeResult.Outcome.UNAVAILABLE) {
            throw new PaymentGateway.GatewayError(result.reason() + " for order " + event.aggregateId());
        }
        payments.record(event, result, amount(event), method(event));
    }

    /**
     * A poll's events at once: the new orders to charge are looked up as applied or not in one query, charged one after
     * the other (the gateway answers again with its first answer for an order charged before), and recorded in one
     * transaction. A gateway that did not answer one of them makes this return false with nothing recorded: each event
     * is then handled alone, with its own attempts.
     */
    @Override
    public boolean handleAll(List<EventEnvelope> events) {
        List<EventEnvelope> toCharge = events.stream().filter(PaymentEventHandler::charged).toList();
        if (toCharge.isEmpty()) {
            return true;
        }
        Set<UUID> applied = payments.appliedAmong(toCharge.stream().map(EventEnvelope::eventId).toList());
        var charges = new ArrayList<PaymentService.Charge>(toCharge.size());
        for (EventEnvelope event : toCharge) {
            if (applied.contains(event.eventId())) {
                continue;
            }
            ChargeResult result = charge(event);
            if (result.outcome() == ChargeResult.Outcome.UNAVAILABLE) {
                return false;
            }
            charges.add(new PaymentService.Charge(event, result, amount(event), method(event)));
        }
        if (!charges.isEmpty()) {
            payments.recordAll(charges);
        }
        return true;
    }

    /** An order.created event of an order paid by card or wallet. */
    private static boolean charged(EventEnvelope event) {
        return ORDER_CREATED.equals(event.type()) && PaymentMethods.chargedByGateway(method(event));
    }

    private static String method(EventEnvelope event) {
        return event.payload().getString("paymentMethod", PaymentMethods.INVOICE);
    }

    private static BigDecimal amount(EventEnvelope event) {
        return event.payload().getJsonNumber("total").bigDecimalValue();
    }

    private ChargeResult charge(EventEnvelope event) {
        try {
            return gateway.charge(event.aggregateId(), amount(event), method(event));
        } catch (CircuitBreakerOpenException e) {
            // calls are not even tried while the circuit is open: an outage to wait out, not the event's failure
            throw new RetryLater("payment gateway (circuit breaker open)", e);
        }
    }
}
