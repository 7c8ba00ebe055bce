package dev.orderflow.platform.concurrent;

import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

/**
 * A task repeated on a managed thread of its own, with a pause after each run, until stopped. A thread of its own
 * rather than the managed scheduler: the scheduler refuses (and logs an ERROR for) every run while the server is
 * suspended for a graceful shutdown, which is when these tasks (lag, view counts, rate-limit counts) still matter. A
 * run that throws is logged and the next one follows.
 */
public final class PeriodicTask {

    private static final Logger LOG = Logger.getLogger(PeriodicTask.class.getName());

    private final Thread thread;
    private volatile boolean running = true;

    private PeriodicTask(ManagedThreadFactory threads, String name, LongSupplier pauseMillis, Runnable task) {
        thread = threads.newThread(() -> {
            while (running) {
                try {
                    Thread.sleep(pauseMillis.getAsLong());
                } catch (InterruptedException e) {
                    return;
                }
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.fine(() -> name + ": run failed, next in " + pauseMillis.getAsLong() + " ms: " + e);
                }
            }
        });
        thread.setName(name);
        thread.setDaemon(true);
    }

    /** Starts running {@code task} every {@code pauseMillis} (read before each pause). */
    public static PeriodicTask start(ManagedThreadFactory threads, String name, LongSupplier pauseMillis,
            Runnable task) {
        var periodic = new PeriodicTask(threads, name, pauseMillis, task);
        periodic.thread.start();
        return periodic;
    }

    /** No run starts after this; a pause in progress ends at once. */
    public void stop() {
        running = false;
        thread.interrupt();
    }
}
