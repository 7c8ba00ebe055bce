package dev.orderflow.messaging;

/**
 * A consumer's effect (the port the Kafka side calls; implemented in the order domain). An implementation applies an
 * event at most once in effect: it records the event id together with its effect (same transaction or same document
 * write) and does nothing for an id it has recorded. It throws when the effect could not be applied; the caller retries
 * a bounded number of times, then dead-letters the message.
 */
public interface EventHandler {

    void handle(EventEnvelope event);
}
