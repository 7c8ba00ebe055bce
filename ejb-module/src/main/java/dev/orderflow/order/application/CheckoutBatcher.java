package dev.orderflow.order.application;

import dev.orderflow.customer.application.AddressBook;
import dev.orderflow.customer.application.AddressBook.AddressOf;
import dev.orderflow.customer.domain.PostalAddress;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Timer;

/**
 * Group commit for checkout: orders that arrive while others are being written are placed together, in one transaction
 * ({@link CheckoutService#placeTogether}), instead of one transaction each.
 * <p>
 * A request hands its order to a queue and waits. A few worker threads each take whatever is queued (up to
 * {@code checkout.batch.max-size}) and place it in one transaction: one key claim, one product read, one stock lock and
 * one two-phase commit for all of them. Nothing waits for a batch to fill: under light load a batch is one order, and
 * batches grow only while the workers are busy, which is exactly when the per-transaction cost matters. The stock rows
 * of a popular product are then locked once per batch, not once per order (docs/performance.md, "The hot item").
 * <p>
 * What the batch does not place cleanly (a key seen before, a reused key, an empty cart, a product not for sale, stock
 * short, an order too large) is left out of it and placed alone by the request's own thread with
 * {@link CheckoutService#placeOrder}, which gives it the same answer it always had. If the combined transaction fails
 * as a whole, nothing of it is committed and every order in it is placed alone. The idempotency key makes every one of
 * these paths safe to repeat: an order is never placed twice.
 */
@ApplicationScoped
public class CheckoutBatcher {

    private static final Logger LOG = Logger.getLogger(CheckoutBatcher.class.getName());

    @EJB
    CheckoutService checkout;

    @EJB
    AddressBook addresses;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    MetricRegistry metrics;

    @Inject
    @ConfigProperty(name = "checkout.batch.enabled", defaultValue = "true")
    boolean enabled;

    /**
     * Workers placing batches; 0 (the default) means one per processor of the node. Checkout is CPU-bound here, so more
     * workers than cores only split the queue into smaller batches, each with its own two-phase commit: on this 2-core
     * machine 2 workers placed 869-919 orders/s at 0.80 ms of WildFly CPU per order where 4 placed 802-806 at 0.99
     * (docs/performance.md).
     */
    @Inject
    @ConfigProperty(name = "checkout.batch.workers", defaultValue = "0")
    int workers;

    @Inject
    @ConfigProperty(name = "checkout.batch.max-size", defaultValue = "32")
    int maxSize;

    /** How long a request waits for its batch before placing its order alone (the key keeps that safe). */
    @Inject
    @ConfigProperty(name = "checkout.batch.wait-ms", defaultValue = "30000")
    long waitMillis;

    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final List<Thread> loops = new ArrayList<>();
    private volatile boolean running;
    private Counter requests;
    private Timer duration;
    private Counter batches;
    private Counter batched;

    @PostConstruct
    void start() {
        // the same metrics as CheckoutService#placeOrder's annotations, with the same metadata
        requests = metrics
                .counter(Metadata.builder().withName("checkout.requests").withDescription("Checkout attempts").build());
        duration = metrics.timer(
                Metadata.builder().withName("checkout.duration").withDescription("Time to place an order").build());
        batches = metrics.counter(Metadata.builder().withName("checkout.batches")
                .withDescription("Transactions that placed several orders together").build());
        batched = metrics.counter(Metadata.builder().withName("checkout.batched.orders")
                .withDescription("Orders placed in a transaction together with others").build());
        if (!enabled) {
            return;
        }
        running = true;
        int count = workers > 0 ? workers : Runtime.getRuntime().availableProcessors();
        for (int i = 0; i < count; i++) {
            Thread loop = threads.newThread(this::run);
            loop.setName("checkout-batch-" + (i + 1));
            loop.start();
            loops.add(loop);
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        loops.forEach(Thread::interrupt);
        for (Thread loop : loops) {
            try {
                loop.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        // anything still queued is placed alone by its request (or fails there if the application is gone)
        for (Pending pending; (pending = queue.poll()) != null;) {
            pending.result.complete(null);
        }
    }

    /**
     * Places the order, combined with others when several are waiting; the same answers as placing it alone. The
     * command's postal address is read here (a batch's in one query), outside the order's transaction.
     */
    public PlacedOrder place(PlaceOrder command) {
        if (!running) {
            return checkout.placeOrder(withAddress(command));
        }
        long started = System.nanoTime();
        var pending = new Pending(command, new CompletableFuture<>());
        queue.add(pending);
        PlacedOrder placed = null;
        try {
            placed = pending.result.get(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.log(Level.WARNING, "no answer from the order's batch within " + waitMillis + " ms; placing it alone",
                    e);
        }
        if (placed == null) {
            return checkout.placeOrder(withAddress(command)); // counted and timed by its own annotations
        }
        requests.inc();
        duration.update(Duration.ofNanos(System.nanoTime() - started));
        return placed;
    }

    private void run() {
        var batch = new ArrayList<Pending>(maxSize);
        while (running) {
            try {
                Pending first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxSize - 1);
                placeTogether(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } finally {
                batch.forEach(p -> p.result.complete(null)); // those not answered are placed alone
                batch.clear();
            }
        }
    }

    private PlaceOrder withAddress(PlaceOrder command) {
        return command
                .shippingTo(addresses.shippingAddress(command.customerId(), command.shippingAddressId()).orElse(null));
    }

    private void placeTogether(List<Pending> batch) {
        List<PlacedOrder> placed;
        try {
            Map<AddressOf, PostalAddress> postal = addresses.shippingAddresses(batch.stream()
                    .map(p -> new AddressOf(p.command().customerId(), p.command().shippingAddressId())).toList());
            placed = checkout.placeTogether(batch.stream().map(Pending::command)
                    .map(c -> c.shippingTo(postal.get(new AddressOf(c.customerId(), c.shippingAddressId())))).toList());
        } catch (RuntimeException e) {
            // nothing of the batch committed: each order is placed alone
            LOG.log(Level.WARNING, "a combined checkout of " + batch.size() + " orders failed; placing them alone", e);
            return;
        }
        batches.inc();
        int count = 0;
        for (int i = 0; i < batch.size(); i++) {
            if (placed.get(i) != null) {
                count++;
                batch.get(i).result.complete(placed.get(i));
            }
        }
        batched.inc(count);
    }

    private record Pending(PlaceOrder command, CompletableFuture<PlacedOrder> result) {
    }
}
