package dev.orderflow.messaging;

/**
 * Thrown by a handler when a dependency it needs (a database, MongoDB) is unavailable: the event itself is fine, so the
 * consumer keeps retrying it with growing pauses (its partition waits, in order) instead of spending its attempts and
 * dead-lettering it.
 */
public class RetryLater extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RetryLater(String dependency, Throwable cause) {
        super(dependency + " is unavailable", cause);
    }
}
