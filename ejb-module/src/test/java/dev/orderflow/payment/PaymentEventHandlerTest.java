package dev.orderflow.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orderflow.messaging.EventEnvelope;
import dev.orderflow.messaging.RetryLater;
import dev.orderflow.platform.json.JsonFactory;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.junit.jupiter.api.Test;

/** What the payment consumer does with each answer of the gateway. */
class PaymentEventHandlerTest {

    private final List<ChargeResult> recorded = new ArrayList<>();

    @Test
    void anOpenCircuitIsAnOutageToWaitOutNotAFailedAttempt() {
        var handler = handler(() -> {
            throw new CircuitBreakerOpenException("payment-gateway");
        });
        var failure = assertThrows(RuntimeException.class, () -> handler.handle(cardOrder()));
        assertTrue(failure instanceof RetryLater, failure.toString());
        assertTrue(recorded.isEmpty());
    }

    @Test
    void aGatewayThatDidNotAnswerSpendsAnAttempt() {
        var handler = handler(() -> ChargeResult.unavailable("payment gateway unavailable"));
        var failure = assertThrows(RuntimeException.class, () -> handler.handle(cardOrder()));
        assertTrue(failure instanceof PaymentGateway.GatewayError, failure.toString());
        assertTrue(recorded.isEmpty());
    }

    @Test
    void approvalsAndDeclinesAreRecorded() {
        handler(() -> ChargeResult.approved(UUID.randomUUID())).handle(cardOrder());
        handler(() -> ChargeResult.declined(UUID.randomUUID(), "card declined")).handle(cardOrder());
        assertEquals(List.of(ChargeResult.Outcome.APPROVED, ChargeResult.Outcome.DECLINED),
                recorded.stream().map(ChargeResult::outcome).toList());
    }

    @Test
    void invoiceOrdersAreNotCharged() {
        handler(() -> {
            throw new AssertionError("an invoice order reached the gateway");
        }).handle(order("invoice"));
        assertTrue(recorded.isEmpty());
    }

    private PaymentEventHandler handler(Supplier<ChargeResult> answer) {
        var handler = new PaymentEventHandler();
        handler.gateway = new PaymentGateway() {
            @Override
            public ChargeResult charge(UUID orderId, BigDecimal amount, String method) {
                return answer.get();
            }
        };
        handler.payments = new PaymentService() {
            @Override
            public boolean alreadyApplied(UUID eventId) {
                return false;
            }

            @Override
            public boolean record(EventEnvelope orderCreated, ChargeResult result, BigDecimal amount, String method) {
                recorded.add(result);
                return true;
            }
        };
        return handler;
    }

    private static EventEnvelope cardOrder() {
        return order("card");
    }

    private static EventEnvelope order(String method) {
        return new EventEnvelope(UUID.randomUUID(), "order.created", 1, Instant.now(), "order", UUID.randomUUID(), null,
                JsonFactory.object().add("paymentMethod", method).add("total", new BigDecimal("12.50")).build());
    }
}
