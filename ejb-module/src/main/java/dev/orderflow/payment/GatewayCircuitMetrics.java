package dev.orderflow.payment;

import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The payment gateway's circuit breaker (MicroProfile Fault Tolerance, named {@value PaymentGateway#CIRCUIT}) as the
 * gauge {@code payment.gateway.circuit.state{state}}: 1 for the state it is in (closed, open, half_open), 0 for the
 * others (it stays open for the breaker's delay, 3 s, then lets a trial call through half-open), and the counter
 * {@code payment.gateway.circuit.opened} of the times it opened. Every change is logged.
 */
@ApplicationScoped
public class GatewayCircuitMetrics {

    private static final Logger LOG = Logger.getLogger(GatewayCircuitMetrics.class.getName());
    private static final Metadata STATE = Metadata.builder().withName("payment.gateway.circuit.state")
            .withDescription("Circuit breaker of the payment gateway: 1 for the current state").build();
    private static final Metadata OPENED = Metadata.builder().withName("payment.gateway.circuit.opened")
            .withDescription("Times the payment gateway's circuit breaker opened").build();

    @Inject
    MetricRegistry metrics;

    @Inject
    CircuitBreakerMaintenance circuits;

    void register(@Observes Startup startup) {
        for (CircuitBreakerState state : CircuitBreakerState.values()) {
            metrics.gauge(STATE, circuits, c -> c.currentState(PaymentGateway.CIRCUIT) == state ? 1 : 0,
                    new Tag("state", state.name().toLowerCase(Locale.ROOT)));
        }
        Counter opened = metrics.counter(OPENED);
        circuits.onStateChange(PaymentGateway.CIRCUIT, state -> {
            if (state == CircuitBreakerState.OPEN) {
                opened.inc();
            }
            LOG.warning(() -> "payment gateway circuit breaker now " + state);
        });
    }
}
