package dev.orderflow.platform.rest;

/** The caller exceeded a rate limit; answered as 429 with Retry-After. */
public class TooManyRequests extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long retryAfterSeconds;

    public TooManyRequests(long retryAfterSeconds) {
        super("rate limit exceeded");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
