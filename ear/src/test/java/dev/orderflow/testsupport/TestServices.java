package dev.orderflow.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.testcontainers.DockerClientFactory;

/**
 * The one place tests get their service endpoints from, and stop or start a service for outage tests.
 * <p>
 * With a Docker engine it runs the services in containers (the images of docker/compose.yaml) on the local stack's
 * ports, so the WildFly under test finds them at its defaults; without one it uses the local stack (bin/stack). Set
 * ORDERFLOW_TEST_SERVICES=local or =containers to choose.
 */
public interface TestServices {

    enum Service {
        POSTGRES, REDIS, KAFKA, MONGO, NGINX
    }

    /** Starts whatever is not running. */
    void ensureRunning();

    /**
     * Makes sure a second application node (the stack's own WildFly, with the EAR under test, behind nginx on
     * {@link #secondNodePublicUrl()}) is running beside the one Arquillian started.
     *
     * @return true when this call started it (and the caller should stop it)
     */
    boolean ensureSecondNode();

    void stopSecondNode();

    /** nginx in front of the second node. */
    default String secondNodePublicUrl() {
        return "http://127.0.0.1:" + env("NGINX_PORT", "8000");
    }

    /** nginx in front of both nodes (the second node and the one Arquillian started), routing by readiness. */
    default String pairPublicUrl() {
        return "http://127.0.0.1:" + env("NGINX_PAIR_PORT", "8001");
    }

    /** The address nginx forwards to for the node under test, as its access log names it. */
    default String nodeAddress() {
        return "127.0.0.1:" + env("IT_HTTP_PORT", "8180");
    }

    /** The same for the second node. */
    default String secondNodeAddress() {
        return "127.0.0.1:" + env("HTTP_PORT", "8080");
    }

    /** The management interface of the node under test (admin console, management HTTP API, CLI). */
    default String managementUrl() {
        return "http://127.0.0.1:" + env("IT_MANAGEMENT_PORT", "10090");
    }

    /** JMX of the second node, over its management port (local authentication). */
    default String secondNodeJmxUrl() {
        return "service:jmx:remote+http://127.0.0.1:" + env("MANAGEMENT_PORT", "9990");
    }

    /** nginx's access log (one line per request: upstream address, timing and correlation id). */
    default java.nio.file.Path nginxAccessLog() {
        String stackDir = System.getenv("STACK_DIR");
        return java.nio.file.Path.of(stackDir != null ? stackDir : System.getProperty("orderflow.repo") + "/.stack",
                "logs", "nginx-access.log");
    }

    void stop(Service service);

    void start(Service service);

    /** nginx in front of the WildFly node the integration tests run in. */
    default String publicUrl() {
        return "http://127.0.0.1:" + env("NGINX_IT_PORT", "8100");
    }

    /** The node itself, for operations endpoints nginx does not expose. */
    default String nodeUrl() {
        return "http://127.0.0.1:" + env("IT_HTTP_PORT", "8180");
    }

    /** The stack's Prometheus, which scrapes the node under test as node="it". */
    default String prometheusUrl() {
        return "http://127.0.0.1:" + env("PROMETHEUS_PORT", "9090");
    }

    /** JMX of the node under test, over its management port (local authentication). */
    default String jmxUrl() {
        return "service:jmx:remote+http://127.0.0.1:" + env("IT_MANAGEMENT_PORT", "10090");
    }

    default String jdbcUrl(String database) {
        return "jdbc:postgresql://" + env("DB_HOST", "127.0.0.1") + ":" + env("DB_PORT", "5433") + "/" + database;
    }

    default String dbUser() {
        return env("DB_USER", "orderflow");
    }

    default String dbPassword() {
        return env("DB_PASSWORD", "orderflow");
    }

    /** A direct connection to one of the databases, to set up and check data from outside the server. */
    default Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), dbUser(), dbPassword());
    }

    /** The single number a query returns (a count, a sum), with its parameters bound in order. */
    default long queryLong(String database, String sql, Object... parameters) throws SQLException {
        return Sql.queryLong(connect(database), sql, parameters);
    }

    static TestServices get() {
        return Holder.INSTANCE;
    }

    static String env(String name, String defaultValue) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? defaultValue : value;
    }

    final class Holder {
        static final TestServices INSTANCE = choose();

        private Holder() {
        }

        private static TestServices choose() {
            String choice = env("ORDERFLOW_TEST_SERVICES", "auto");
            boolean containers = switch (choice) {
            case "containers" -> true;
            case "local" -> false;
            default -> dockerAvailable();
            };
            return containers ? new ContainerStack() : new LocalStack();
        }

        private static boolean dockerAvailable() {
            try {
                return DockerClientFactory.instance().isDockerAvailable();
            } catch (RuntimeException | LinkageError e) {
                return false;
            }
        }
    }
}
