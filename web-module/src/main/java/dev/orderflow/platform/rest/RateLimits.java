package dev.orderflow.platform.rest;

import dev.orderflow.platform.redis.RateLimiter;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.time.Duration;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Distributed rate limits (Redis, one-minute windows): authenticated callers per customer, anonymous callers per client
 * IP, and logins per client IP and e-mail address. Health checks are never limited.
 * <p>
 * The client IP is nginx's X-Real-IP: the node must only be reachable through nginx.
 */
@Provider
@ApplicationScoped
@Priority(Priorities.AUTHORIZATION + 10)
public class RateLimits implements ContainerRequestFilter {

    private static final Duration WINDOW = Duration.ofMinutes(1);

    @Inject
    RateLimiter limiter;

    @Inject
    @ConfigProperty(name = "rate-limit.anonymous-per-ip")
    int anonymousPerIp;

    @Inject
    @ConfigProperty(name = "rate-limit.per-customer")
    int perCustomer;

    @Inject
    @ConfigProperty(name = "rate-limit.login-per-ip-and-email")
    int loginPerIpAndEmail;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getUriInfo().getPath().startsWith("/health")) {
            return;
        }
        var principal = request.getSecurityContext().getUserPrincipal();
        if (principal != null) {
            enforce("customer:" + principal.getName() + ":api", perCustomer);
        } else {
            enforce("ip:" + clientIp(request.getHeaderString("X-Real-IP")) + ":api", anonymousPerIp);
        }
    }

    /** A stricter limit on login attempts for one account from one address, counted in Redis on every attempt. */
    public void enforceLogin(String realIpHeader, String email) {
        var decision = limiter.hitExactly(
                "ip:" + clientIp(realIpHeader) + ":login:" + email.strip().toLowerCase(Locale.ROOT), loginPerIpAndEmail,
                WINDOW);
        if (!decision.allowed()) {
            throw new TooManyRequests(decision.retryAfterSeconds());
        }
    }

    /** The client address nginx passes in X-Real-IP ("direct" when a request bypassed nginx). */
    public static String clientIp(String realIpHeader) {
        return realIpHeader == null || realIpHeader.isBlank() ? "direct" : realIpHeader.strip();
    }

    private void enforce(String key, int limit) {
        var decision = limiter.hit(key, limit, WINDOW);
        if (!decision.allowed()) {
            throw new TooManyRequests(decision.retryAfterSeconds());
        }
    }
}
