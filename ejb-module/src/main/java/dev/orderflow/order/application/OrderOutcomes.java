package dev.orderflow.order.application;

import dev.orderflow.platform.operations.IntakePaused;
import dev.orderflow.platform.problem.Conflict;
import dev.orderflow.platform.problem.DependencyUnavailable;
import dev.orderflow.platform.problem.NotFound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Orders placed and refused, as counters: {@code orders.placed{payment_method}} (new orders only; replays of an
 * Idempotency-Key are not counted again) and {@code orders.rejected{reason}} with a short stable reason:
 * {@code invalid_request}, the broken rule of a 409 ({@code insufficient_stock}, {@code empty_cart},
 * {@code idempotency_key_reused}, {@code product_not_available}, ...), {@code not_found} (address or product),
 * {@code intake_paused}, {@code dependency_unavailable}, or {@code error}.
 */
@ApplicationScoped
public class OrderOutcomes {

    public static final String INVALID_REQUEST = "invalid_request";

    private static final Metadata PLACED = Metadata.builder().withName("orders.placed")
            .withDescription("Orders placed (new orders, not replays)").build();
    private static final Metadata REJECTED = Metadata.builder().withName("orders.rejected")
            .withDescription("Checkouts refused, by reason").build();

    @Inject
    MetricRegistry metrics;

    /** One counter per tag value (bounded sets), looked up in the registry once rather than per checkout. */
    private final Map<String, Counter> placed = new ConcurrentHashMap<>();
    private final Map<String, Counter> rejected = new ConcurrentHashMap<>();

    public void placed(String paymentMethod) {
        placed.computeIfAbsent(PaymentMethods.orDefault(paymentMethod),
                method -> metrics.counter(PLACED, new Tag("payment_method", method))).inc();
    }

    public void rejected(String reason) {
        rejected.computeIfAbsent(reason, r -> metrics.counter(REJECTED, new Tag("reason", r))).inc();
    }

    public void rejected(RuntimeException e) {
        rejected(reasonOf(e));
    }

    /** The reason tag for a checkout that ended with this exception. */
    static String reasonOf(RuntimeException e) {
        if (e instanceof Conflict conflict) {
            return conflict.rule().toLowerCase(Locale.ROOT).replace('-', '_');
        }
        if (e instanceof NotFound) {
            return "not_found";
        }
        if (e instanceof IntakePaused) {
            return "intake_paused";
        }
        if (e instanceof DependencyUnavailable) {
            return "dependency_unavailable";
        }
        return "error";
    }
}
