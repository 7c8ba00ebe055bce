package dev.orderflow.platform.operations;

import dev.orderflow.platform.problem.DependencyUnavailable;

/** An operator paused order intake on this node (answered as 503 with Retry-After, like any unavailability). */
public class IntakePaused extends DependencyUnavailable {

    private static final long serialVersionUID = 1L;

    public IntakePaused() {
        super("order intake (paused by an operator)", null);
    }
}
