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
