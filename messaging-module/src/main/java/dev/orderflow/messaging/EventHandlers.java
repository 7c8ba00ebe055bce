package dev.orderflow.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Where the order domain (an EJB subdeployment, which this library cannot see) registers the handler of each consumer
 * group at start-up. A message that arrives before its handler waits for it.
 */
@ApplicationScoped
public class EventHandlers {

    private final Map<ConsumerGroup, CompletableFuture<EventHandler>> handlers = new ConcurrentHashMap<>();
    private volatile boolean withdrawn;

    /** The application is stopping: its handlers must not be called any more. */
    public void withdraw() {
        withdrawn = true;
    }

    public boolean withdrawn() {
        return withdrawn;
    }

    public void register(ConsumerGroup group, EventHandler handler) {
        future(group).complete(handler);
    }

    /** The group's handler, waiting up to {@code patience} for the application to register it. */
    public EventHandler await(ConsumerGroup group, Duration patience) {
        try {
            return future(group).get(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("no handler registered for consumer group " + group.groupId());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for the handler of " + group.groupId());
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private CompletableFuture<EventHandler> future(ConsumerGroup group) {
        return handlers.computeIfAbsent(group, g -> new CompletableFuture<>());
    }
}
