package dev.orderflow.platform.redis;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;
import org.redisson.api.RScript;
import org.redisson.client.codec.LongCodec;

/**
 * Fixed-window request counters in Redis ({@code rate_limit:{subject}:{scope}}, expiring with the window), shared by
 * every node. When Redis is unreachable requests are let through: rate limiting protects the service, it must not take
 * it down.
 */
@ApplicationScoped
public class RateLimiter {

    private static final Logger LOG = Logger.getLogger(RateLimiter.class.getName());
    private static final String COUNT = """
            local count = redis.call('INCR', KEYS[1])
            if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
            return {count, redis.call('PTTL', KEYS[1])}
            """;

    @Inject
    RedisConnection redis;

    /** The verdict on one request: allowed, or refused until {@code retryAfterSeconds} have passed. */
    public record Decision(boolean allowed, long retryAfterSeconds) {
    }

    public Decision hit(String key, int limit, Duration window) {
        try {
            List<Long> result = redis.call("rate_limit",
                    client -> client.getScript(LongCodec.INSTANCE).<List<Long>> eval(RScript.Mode.READ_WRITE, COUNT,
                            RScript.ReturnType.MULTI, List.of("rate_limit:" + key), window.toMillis()));
            long count = result.get(0);
            long millisLeft = Math.max(result.get(1), 0);
            return new Decision(count <= limit, Math.max(1, (millisLeft + 999) / 1000));
        } catch (RuntimeException e) {
            LOG.fine(() -> "rate limit not checked, Redis unavailable: " + e);
            return new Decision(true, 0);
        }
    }
}
