package dev.orderflow.payment;

import dev.orderflow.platform.id.Uuids;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * A simulated card/wallet payment gateway, called through MicroProfile Fault Tolerance: each call times out after 2 s,
 * is retried twice on errors and time-outs, counts towards a circuit breaker (opens at half of 10 calls failing,
 * half-opens after {@code delay}), and falls back to "unavailable", which the payment consumer treats as a failed
 * attempt (retried, then dead-lettered). An open circuit is not a failed call: {@link CircuitBreakerOpenException}
 * skips the fallback and reaches the consumer, which waits the outage out without spending the event's attempts.
 * Declines are answers, not failures. Every value can be overridden by MP Config
 * ({@code dev.orderflow.payment.PaymentGateway/charge/CircuitBreaker/delay=...}).
 * <p>
 * Like a real gateway it is idempotent per order: charging an order again returns the first charge's answer.
 * <p>
 * A change of the simulated mode or latency (an admin's switch, seen by every node through Redis) resets this node's
 * circuit breaker at its next charge: the calls counted before were answered by a gateway that no longer exists, and
 * their outcomes must not decide whether the new one is called (otherwise whether a failing gateway's first events are
 * dead-lettered or held as an outage would depend on how many payments a node happened to approve before).
 */
@ApplicationScoped
public class PaymentGateway {

    /** The circuit breaker's name ({@link GatewayCircuitMetrics}). */
    public static final String CIRCUIT = "payment-gateway";

    @Inject
    GatewaySettings settings;

    @Inject
    CircuitBreakerMaintenance circuits;

    /** The settings of this node's previous charge. */
    private volatile GatewaySettings.Settings lastSettings;

    /** The answers given, per order (the most recent 10,000: a simulation's memory, per node). */
    private final Map<UUID, ChargeResult> charges = java.util.Collections
            .synchronizedMap(new java.util.LinkedHashMap<>(1024, 0.75f, false) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<UUID, ChargeResult> eldest) {
                    return size() > 10_000;
                }
            });

    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100, jitter = 50, retryOn = { GatewayError.class,
            org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException.class })
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 3, delayUnit = ChronoUnit.SECONDS, successThreshold = 1)
    @CircuitBreakerName(CIRCUIT)
    @Fallback(fallbackMethod = "unavailable", skipOn = CircuitBreakerOpenException.class)
    public ChargeResult charge(UUID orderId, BigDecimal amount, String method) {
        ChargeResult earlier = charges.get(orderId);
        if (earlier != null) {
            return earlier;
        }
        GatewaySettings.Settings now = settings.current();
        GatewaySettings.Settings before = lastSettings;
        if (!now.equals(before)) {
            lastSettings = now;
            if (before != null) {
                circuits.reset(CIRCUIT);
            }
        }
        pause(now.mode() == GatewaySettings.Mode.TIMEOUT ? 60_000 : now.latencyMillis());
        ChargeResult result = switch (now.mode()) {
        case APPROVE -> ChargeResult.approved(Uuids.next());
        case DECLINE -> ChargeResult.declined(Uuids.next(), "card declined (simulated)");
        case ERROR -> throw new GatewayError("gateway error (simulated) charging " + amount + " by " + method);
        case TIMEOUT -> throw new IllegalStateException("unreachable");
        };
        ChargeResult first = charges.putIfAbsent(orderId, result);
        return first != null ? first : result;
    }

    ChargeResult unavailable(UUID orderId, BigDecimal amount, String method) {
        return ChargeResult.unavailable("payment gateway unavailable");
    }

    private static void pause(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayError("interrupted (timed out)");
        }
    }

    /** The gateway failed to answer properly. */
    public static class GatewayError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public GatewayError(String message) {
            super(message);
        }
    }
}
