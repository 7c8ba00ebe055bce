package dev.orderflow.platform.operations;

/**
 * The node's operations view over JMX ({@code dev.orderflow:type=Operations}): order intake, the outbox relay and the
 * consumers, and the switch that pauses order intake on this node.
 */
public interface OperationsMXBean {

    boolean isIntakePaused();

    /** Checkouts running on this node right now. */
    int getCheckoutsInFlight();

    long getOutboxBacklog();

    double getOutboxOldestAgeSeconds();

    long getOutboxParked();

    /** Consumer lag per group, as last measured. */
    java.util.Map<String, Long> getConsumerLag();

    /** New checkouts on this node get 503 until {@link #resumeIntake()}; checkouts already running complete. */
    void pauseIntake();

    void resumeIntake();

    /**
     * Deletes the relayed outbox rows that occurred more than {@code olderThanMinutes} ago now, as the minutely purge
     * does with {@code outbox.retention-minutes}; returns how many.
     */
    long purgeRelayedEvents(int olderThanMinutes);
}
