package dev.orderflow.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.wildfly.security.auth.realm.token.TokenValidator;
import org.wildfly.security.auth.server.RealmUnavailableException;
import org.wildfly.security.authz.Attributes;
import org.wildfly.security.authz.MapAttributes;
import org.wildfly.security.evidence.BearerTokenEvidence;

/**
 * A {@link TokenValidator} that remembers the tokens another validator accepted, so that a client's token is verified
 * once instead of on every request: each checkout request verified the same RS256 signature and parsed the same JSON
 * again, a tenth of the node's CPU under checkout load (docs/performance.md).
 * <p>
 * Safe because of what the key is and how long an answer is kept:
 * <ul>
 * <li>the key is the whole token, signature included, compared as a string: only a byte-for-byte copy of a token that
 * was verified finds its answer; any other token, however similar, and any token for the same subject, is verified in
 * full (a cache keyed by the subject, as Elytron's caching realm is, would let a forged token ride on a real one);</li>
 * <li>an answer lives until the token's {@code exp} and never longer than {@code maxAgeMillis}; a token without a
 * numeric {@code exp} is not remembered at all. What the delegate checks once stays true until then: the signature and
 * issuer do not change, and a token valid after its {@code nbf} stays valid;</li>
 * <li>refusals are not remembered, so a refused token costs a full verification every time, as before.</li>
 * </ul>
 * At most {@code capacity} tokens are kept; when full, expired entries are dropped and, if that frees nothing, all of
 * them (the next requests verify again). Tokens are not revocable in this application (they are short-lived and
 * stateless), so nothing else can make a remembered answer wrong before it expires; a changed key reloads the realm and
 * starts an empty cache.
 */
public final class VerifiedTokens implements TokenValidator {

    private record Verified(Attributes claims, long expiresAtMillis) {
    }

    private final TokenValidator delegate;
    private final int capacity;
    private final long maxAgeMillis;
    private final LongSupplier clock;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    public VerifiedTokens(TokenValidator delegate, int capacity, long maxAgeMillis) {
        this(delegate, capacity, maxAgeMillis, System::currentTimeMillis);
    }

    VerifiedTokens(TokenValidator delegate, int capacity, long maxAgeMillis, LongSupplier clock) {
        if (capacity < 1 || maxAgeMillis < 1) {
            throw new IllegalArgumentException("capacity and maximum age must be positive");
        }
        this.delegate = delegate;
        this.capacity = capacity;
        this.maxAgeMillis = maxAgeMillis;
        this.clock = clock;
    }

    @Override
    public Attributes validate(BearerTokenEvidence evidence) throws RealmUnavailableException {
        String token = evidence.getToken();
        long now = clock.getAsLong();
        Verified known = verified.get(token);
        if (known != null) {
            if (now < known.expiresAtMillis()) {
                return known.claims();
            }
            verified.remove(token, known);
        }
        Attributes claims = delegate.validate(evidence);
        if (claims != null) {
            remember(token, claims, now);
        }
        return claims;
    }

    /** How many tokens are remembered now. */
    int size() {
        return verified.size();
    }

    private void remember(String token, Attributes claims, long now) {
        long expiry = expiryMillis(claims);
        if (expiry <= now) {
            return;
        }
        if (verified.size() >= capacity) {
            verified.values().removeIf(entry -> entry.expiresAtMillis() <= now);
            if (verified.size() >= capacity) {
                verified.clear();
            }
        }
        verified.put(token, new Verified(new MapAttributes(claims).asReadOnly(), Math.min(expiry, now + maxAgeMillis)));
    }

    /** The token's {@code exp} (seconds since the epoch) in milliseconds, or 0 when it has none that is a number. */
    private static long expiryMillis(Attributes claims) {
        String exp = claims.getFirst("exp");
        if (exp == null) {
            return 0;
        }
        try {
            return Math.multiplyExact(Long.parseLong(exp.trim()), 1000L);
        } catch (NumberFormatException | ArithmeticException e) {
            return 0;
        }
    }
}
