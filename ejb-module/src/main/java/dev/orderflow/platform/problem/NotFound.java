package dev.orderflow.platform.problem;

import jakarta.ejb.ApplicationException;

/** Something the caller asked for does not exist, or is not theirs to see (answered as 404). */
@ApplicationException(rollback = true, inherited = true)
public abstract class NotFound extends RuntimeException {

    private static final long serialVersionUID = 1L;

    protected NotFound(String message) {
        super(message);
    }
}
