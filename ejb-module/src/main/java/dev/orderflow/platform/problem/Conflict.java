package dev.orderflow.platform.problem;

import jakarta.ejb.ApplicationException;

/** The request is valid but contradicts the current state (answered as 409); nothing was changed. */
@ApplicationException(rollback = true, inherited = true)
public abstract class Conflict extends RuntimeException {

    private static final long serialVersionUID = 1L;

    protected Conflict(String message) {
        super(message);
    }

    /** A short, stable name of the rule that was broken, for the problem type. */
    public abstract String rule();
}
