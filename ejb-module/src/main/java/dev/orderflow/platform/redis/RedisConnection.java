package dev.orderflow.platform.redis;

import dev.orderflow.observability.DependencyCalls;
import dev.orderflow.platform.problem.Conflict;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.api.redisnode.RedisNodes;
import org.redisson.config.Config;

/**
 * The node's one Redisson client, created on first use so that the application starts (and reports Redis DOWN) while
 * Redis is unreachable. Once created, Redisson reconnects by itself.
 */
@ApplicationScoped
public class RedisConnection {

    @Inject
    @ConfigProperty(name = "redis.address")
    String address;

    @Inject
    @ConfigProperty(name = "redis.timeout-ms")
    int timeoutMillis;

    @Inject
    DependencyCalls calls;

    private volatile RedissonClient client;

    /**
     * One Redis call through the shared client, timed and counted as {@code dependency.calls{dependency="redis",
     * operation}} (failures: {@code dependency.failures}); a business rule broken inside the call is not a failure.
     */
    public <T> T call(String operation, Function<RedissonClient, T> call) {
        return calls.call(DependencyCalls.REDIS, operation, Conflict.class::isInstance, () -> call.apply(client()));
    }

    /** The shared client; throws when Redis cannot be reached and no client exists yet. */
    public RedissonClient client() {
        RedissonClient created = client;
        return created != null ? created : create();
    }

    private synchronized RedissonClient create() {
        if (client == null) {
            var config = new Config();
            config.useSingleServer().setAddress(address).setConnectTimeout(timeoutMillis).setTimeout(timeoutMillis)
                    .setRetryAttempts(1).setConnectionMinimumIdleSize(2).setConnectionPoolSize(32);
            client = Redisson.create(config);
        }
        return client;
    }

    /** True when the Redis server answers a PING within the configured timeout. */
    public boolean ping() {
        return client().getRedisNodes(RedisNodes.SINGLE).pingAll(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    public String address() {
        return address;
    }

    @PreDestroy
    synchronized void close() {
        if (client != null) {
            client.shutdown();
            client = null;
        }
    }
}
