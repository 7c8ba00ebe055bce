package dev.orderflow.testsupport;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/** The services of bin/stack, on this machine's loopback. */
final class LocalStack implements TestServices {

    private final Path script = Path.of(System.getProperty("orderflow.repo", "..")).resolve("bin/stack");

    @Override
    public void ensureRunning() {
        run("up");
    }

    @Override
    public boolean ensureSecondNode() {
        if (Http.get(secondNodePublicUrl() + "/api/health/started").statusCode() == 200) {
            return false;
        }
        run("start", "wildfly");
        var last = new java.util.concurrent.atomic.AtomicReference<String>("no answer yet");
        try {
            // a second node booting beside the test node on two cores can take minutes
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofMinutes(4))
                    .pollInterval(java.time.Duration.ofSeconds(1)).until(() -> {
                        try {
                            var ready = Http.get(secondNodePublicUrl() + "/api/health/ready");
                            last.set(ready.statusCode() + " " + ready.body());
                            return ready.statusCode() == 200;
                        } catch (IllegalStateException e) { // a connection reset ends one poll, not the wait
                            last.set(e.getMessage() + ": " + e.getCause());
                            return false;
                        }
                    });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new IllegalStateException("the stack's node (bin/stack start wildfly) was not ready through nginx at "
                    + secondNodePublicUrl() + " within 4 minutes; its last readiness answer: " + last.get()
                    + "; see .stack/wildfly/log/server.log", e);
        }
        return true;
    }

    @Override
    public void stopSecondNode() {
        run("stop", "wildfly");
    }

    @Override
    public void stop(Service service) {
        run("stop", service.name().toLowerCase(Locale.ROOT));
    }

    @Override
    public void start(Service service) {
        run("start", service.name().toLowerCase(Locale.ROOT));
    }

    private void run(String... args) {
        var command = new java.util.ArrayList<String>();
        command.add(script.toString());
        command.addAll(java.util.List.of(args));
        try {
            Process process = new ProcessBuilder(command).inheritIO().start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("timed out: " + command);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("failed (exit " + process.exitValue() + "): " + command);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + command, e);
        }
    }
}
