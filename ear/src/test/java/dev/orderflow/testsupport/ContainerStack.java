package dev.orderflow.testsupport;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.testcontainers.containers.FixedHostPortGenericContainer;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.MountableFile;

/**
 * The services in containers (same images as docker/compose.yaml), bound to the local stack's ports on loopback so the
 * WildFly under test reaches them with its default configuration. Needs a Docker engine; none runs on the project's
 * build machines, where {@link LocalStack} is used instead.
 */
@SuppressWarnings({ "deprecation", "resource" })
final class ContainerStack implements TestServices {

    private final Map<Service, GenericContainer<?>> containers = new EnumMap<>(Service.class);

    ContainerStack() {
        var repo = Path.of(System.getProperty("orderflow.repo", ".."));
        containers.put(Service.POSTGRES,
                fixed("postgres:15", 5432, TestServices.env("DB_PORT", "5433")).withEnv("POSTGRES_USER", dbUser())
                        .withEnv("POSTGRES_PASSWORD", dbPassword())
                        .withCopyFileToContainer(MountableFile.forHostPath(repo.resolve("docker/postgres/init.sql")),
                                "/docker-entrypoint-initdb.d/init.sql")
                        .withCommand("postgres", "-c", "max_prepared_transactions=400", "-c", "max_connections=400")
                        .waitingFor(Wait.forLogMessage(".*ready to accept connections.*\\n", 2)));
        containers.put(Service.REDIS, fixed("redis:7", 6379, "6379"));
        containers.put(Service.KAFKA, fixed("apache/kafka:4.1.0", 9092, "9092"));
        containers.put(Service.MONGO, fixed("mongo:7", 27017, "27017"));
        containers.put(Service.NGINX,
                fixed("nginx:1.27", 8100, TestServices.env("NGINX_IT_PORT", "8100"))
                        .withExtraHost("host.docker.internal", "host-gateway")
                        .withCopyFileToContainer(MountableFile.forHostPath(repo.resolve("docker/nginx/nginx-it.conf")),
                                "/etc/nginx/nginx.conf"));
    }

    private static FixedHostPortGenericContainer<?> fixed(String image, int containerPort, String hostPort) {
        var container = new FixedHostPortGenericContainer<>(image);
        container.withFixedExposedPort(Integer.parseInt(hostPort), containerPort);
        return container;
    }

    @Override
    public void ensureRunning() {
        for (var container : List.copyOf(containers.values())) {
            if (!container.isRunning()) {
                container.start();
            }
        }
    }

    /** Not available with containers: the second node is the local stack's WildFly. */
    @Override
    public boolean ensureSecondNode() {
        throw new org.opentest4j.TestAbortedException("a second node needs the local stack");
    }

    @Override
    public void stopSecondNode() {
        // never started
    }

    @Override
    public void stop(Service service) {
        var container = containers.get(service);
        container.getDockerClient().stopContainerCmd(container.getContainerId()).exec();
    }

    @Override
    public void start(Service service) {
        var container = containers.get(service);
        container.getDockerClient().startContainerCmd(container.getContainerId()).exec();
    }
}
