package dev.orderflow.payment;

import dev.orderflow.platform.problem.DependencyUnavailable;
import dev.orderflow.platform.redis.RedisConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.redisson.client.codec.StringCodec;

/**
 * How the simulated payment gateway behaves: its mode and latency, from configuration ({@code payment.gateway.mode},
 * {@code payment.gateway.latency-ms}) unless an admin changed them at run time (kept in Redis under
 * {@code payment-gateway:settings} so every node sees the change; without Redis, configuration applies).
 */
@ApplicationScoped
public class GatewaySettings {

    private static final Logger LOG = Logger.getLogger(GatewaySettings.class.getName());
    static final String KEY = "payment-gateway:settings";

    /** approve: charges succeed; decline: the card is refused; error: the gateway fails; timeout: it never answers. */
    public enum Mode {
        APPROVE, DECLINE, ERROR, TIMEOUT;

        public String externalName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Mode parse(String text) {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        }
    }

    public record Settings(Mode mode, int latencyMillis) {
        String encode() {
            return mode.externalName() + ":" + latencyMillis;
        }

        static Settings decode(String text) {
            String[] parts = text.split(":");
            return new Settings(Mode.parse(parts[0]), Integer.parseInt(parts[1]));
        }
    }

    @Inject
    RedisConnection redis;

    @Inject
    @ConfigProperty(name = "payment.gateway.mode")
    String configuredMode;

    @Inject
    @ConfigProperty(name = "payment.gateway.latency-ms")
    int configuredLatency;

    public Settings current() {
        try {
            String stored = redis.call("payment_settings.read",
                    client -> client.<String> getBucket(KEY, StringCodec.INSTANCE).get());
            if (stored != null) {
                return Settings.decode(stored);
            }
        } catch (RuntimeException e) {
            LOG.fine(() -> "payment gateway settings from configuration, Redis unavailable: " + e);
        }
        return new Settings(Mode.parse(configuredMode), configuredLatency);
    }

    /** Changes the settings for every node. */
    public Settings change(Settings settings) {
        try {
            redis.call("payment_settings.write", client -> {
                client.<String> getBucket(KEY, StringCodec.INSTANCE).set(settings.encode());
                return null;
            });
            return settings;
        } catch (RuntimeException e) {
            throw new DependencyUnavailable("redis", e);
        }
    }

    /** Back to the configuration. */
    public Settings reset() {
        try {
            redis.call("payment_settings.reset", client -> client.getBucket(KEY).delete());
        } catch (RuntimeException e) {
            throw new DependencyUnavailable("redis", e);
        }
        return current();
    }
}
