package dev.orderflow.messaging;

import java.util.List;

/**
 * A consumer's effect (the port the Kafka side calls; implemented in the order domain). An implementation applies an
 * event at most once in effect: it records the event id together with its effect (same transaction or same document
 * write) and does nothing for an id it has recorded. It throws when the effect could not be applied; the caller retries
 * a bounded number of times, then dead-letters the message.
 */
public interface EventHandler {

    void handle(EventEnvelope event);

    /**
     * Whether the handler has anything to do with events of this type. The consumer does not even parse a record whose
     * {@code event-type} header names a type the handler does not read (it is acknowledged with its batch and counted
     * as skipped); a record without the header is parsed and handed over as before.
     */
    default boolean reads(String type) {
        return true;
    }

    /**
     * Applies several events of one poll at once, where the handler can do that in one write (MongoDB's insertMany);
     * each event still at most once in effect. Returns false, having applied nothing, for a handler that applies events
     * one at a time: the caller then calls {@link #handle} for each. When it throws, the caller applies each event
     * alone, with its attempts and dead-lettering (a dependency outage is waited out first).
     */
    default boolean handleAll(List<EventEnvelope> events) {
        return false;
    }
}
