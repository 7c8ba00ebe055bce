package dev.orderflow.platform.problem;

import jakarta.ejb.ApplicationException;

/** A service this request needs is down or too slow (answered as 503 with Retry-After). */
@ApplicationException(rollback = true, inherited = true)
public class DependencyUnavailable extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String dependency;

    public DependencyUnavailable(String dependency, Throwable cause) {
        super(dependency + " is unavailable", cause);
        this.dependency = dependency;
    }

    public String dependency() {
        return dependency;
    }
}
