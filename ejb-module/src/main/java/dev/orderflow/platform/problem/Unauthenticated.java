package dev.orderflow.platform.problem;

import jakarta.ejb.ApplicationException;

/** The caller could not be authenticated (answered as 401). */
@ApplicationException(rollback = true, inherited = true)
public abstract class Unauthenticated extends RuntimeException {

    private static final long serialVersionUID = 1L;

    protected Unauthenticated(String message) {
        super(message);
    }
}
