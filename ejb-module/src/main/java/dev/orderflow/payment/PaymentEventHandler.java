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
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * The payment service (consumer group {@code payment} on order-events): charges each new order paid by card or wallet.
 * The gateway call runs outside any transaction; its outcome is recorded by {@link PaymentService} in one. A gateway
 * that failed to answer is a failed attempt (retried, then dead-lettered); an open circuit breaker is an outage
 * ({@link RetryLater}): the event waits for the gateway without spending attempts.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PaymentEventHandler implements EventHandler {

    @Inject
    PaymentGateway gateway;

    @EJB
    PaymentService payments;

    @Override
    public void handle(EventEnvelope event) {
        if (!"order.created".equals(event.type())) {
            return;
        }
        String method = event.payload().getString("paymentMethod", PaymentMethods.INVOICE);
        if (!PaymentMethods.chargedByGateway(method) || payments.alreadyApplied(event.eventId())) {
            return;
        }
        BigDecimal amount = event.payload().getJsonNumber("total").bigDecimalValue();
        ChargeResult result;
        try {
            result = gateway.charge(event.aggregateId(), amount, method);
        } catch (CircuitBreakerOpenException e) {
            // calls are not even tried while the circuit is open: an outage to wait out, not the event's failure
            throw new RetryLater("payment gateway (circuit breaker open)", e);
        }
        if (result.outcome() == ChargeResult.Outcome.UNAVAILABLE) {
            throw new PaymentGateway.GatewayError(result.reason() + " for order " + event.aggregateId());
        }
        payments.record(event, result, amount, method);
    }
}
