package dev.orderflow.platform.health;

import java.util.concurrent.Callable;
import org.eclipse.microprofile.health.HealthCheckResponse;

/** Turns a probe of one dependency into a named health response, DOWN with the reason when it fails. */
public final class DependencyCheck {

    private DependencyCheck() {
    }

    /**
     * Runs {@code probe}; UP when it returns normally (its result describes the dependency), DOWN with the error
     * otherwise.
     */
    public static HealthCheckResponse probe(String name, Callable<String> probe) {
        var builder = HealthCheckResponse.named(name);
        try {
            String detail = probe.call();
            builder.up();
            if (detail != null) {
                builder.withData("detail", detail);
            }
        } catch (Exception e) {
            builder.down().withData("error", describe(e));
        }
        return builder.build();
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
