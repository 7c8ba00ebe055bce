package dev.orderflow.platform.operations;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Whether this node takes new orders. Paused by an operator (JMX), new checkouts are refused with 503 before they
 * start; checkouts already running finish normally, so nothing accepted is lost.
 */
@ApplicationScoped
public class OrderIntake {

    private static final Logger LOG = Logger.getLogger(OrderIntake.class.getName());

    private volatile boolean paused;
    private final AtomicInteger inFlight = new AtomicInteger();

    public <T> T admit(Supplier<T> checkout) {
        if (paused) {
            throw new IntakePaused();
        }
        inFlight.incrementAndGet();
        try {
            return checkout.get();
        } finally {
            inFlight.decrementAndGet();
        }
    }

    public void pause() {
        paused = true;
        LOG.warning("order intake paused by an operator");
    }

    public void resume() {
        paused = false;
        LOG.warning("order intake resumed by an operator");
    }

    public boolean paused() {
        return paused;
    }

    public int inFlight() {
        return inFlight.get();
    }
}
