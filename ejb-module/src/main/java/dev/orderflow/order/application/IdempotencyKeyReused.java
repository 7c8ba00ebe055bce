package dev.orderflow.order.application;

import dev.orderflow.platform.problem.Conflict;

/** The Idempotency-Key was already used for a different request. */
public class IdempotencyKeyReused extends Conflict {

    private static final long serialVersionUID = 1L;

    public IdempotencyKeyReused(String key) {
        super("Idempotency-Key '" + key + "' was already used with a different request.");
    }

    @Override
    public String rule() {
        return "idempotency-key-reused";
    }
}
