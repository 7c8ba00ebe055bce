package dev.orderflow.security;

import java.nio.charset.StandardCharsets;
import java.security.spec.AlgorithmParameterSpec;
import java.util.Map;
import org.wildfly.extension.elytron.Configurable;
import org.wildfly.security.auth.SupportLevel;
import org.wildfly.security.auth.realm.token.TokenSecurityRealm;
import org.wildfly.security.auth.realm.token.validator.JwtValidator;
import org.wildfly.security.auth.server.RealmIdentity;
import org.wildfly.security.auth.server.RealmUnavailableException;
import org.wildfly.security.auth.server.SecurityRealm;
import org.wildfly.security.credential.Credential;
import org.wildfly.security.evidence.Evidence;

/**
 * The realm of the application's bearer tokens (RS256 JWTs the application issues), installed as Elytron's custom realm
 * {@code orderflow-jwt} (server-config's security.cli). It is Elytron's own token realm with Elytron's own JWT
 * validator, configured as the built-in {@code token-realm} was (signature against the public key, issuer, {@code exp}
 * and {@code nbf}; the subject is the principal), with the validator's answers remembered per token by
 * {@link VerifiedTokens}. The built-in resource has no way to put anything between the realm and its validator.
 * <p>
 * Configuration (expressions allowed): {@code public-key} (PEM), {@code issuer}, and optionally {@code cache-size}
 * (tokens remembered, default 10,000) and {@code cache-max-age-seconds} (default 300).
 */
public final class BearerTokenRealm implements SecurityRealm, Configurable {

    private volatile SecurityRealm realm;

    @Override
    public void initialize(Map<String, String> configuration) {
        String publicKey = required(configuration, "public-key");
        String issuer = required(configuration, "issuer");
        int capacity = Integer.parseInt(configuration.getOrDefault("cache-size", "10000").trim());
        long maxAgeSeconds = Long.parseLong(configuration.getOrDefault("cache-max-age-seconds", "300").trim());
        JwtValidator jwt = JwtValidator.builder().issuer(issuer).publicKey(publicKey.getBytes(StandardCharsets.UTF_8))
                .build();
        realm = TokenSecurityRealm.builder().principalClaimName("sub")
                .validator(new VerifiedTokens(jwt, capacity, maxAgeSeconds * 1000)).build();
    }

    private static String required(Map<String, String> configuration, String name) {
        String value = configuration.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the bearer token realm needs its " + name);
        }
        return value.trim();
    }

    private SecurityRealm realm() {
        SecurityRealm initialized = realm;
        if (initialized == null) {
            throw new IllegalStateException("the bearer token realm has no configuration");
        }
        return initialized;
    }

    @Override
    public RealmIdentity getRealmIdentity(Evidence evidence) throws RealmUnavailableException {
        return realm().getRealmIdentity(evidence);
    }

    @Override
    public SupportLevel getCredentialAcquireSupport(Class<? extends Credential> credentialType, String algorithmName,
            AlgorithmParameterSpec parameterSpec) throws RealmUnavailableException {
        return realm().getCredentialAcquireSupport(credentialType, algorithmName, parameterSpec);
    }

    @Override
    public SupportLevel getEvidenceVerifySupport(Class<? extends Evidence> evidenceType, String algorithmName)
            throws RealmUnavailableException {
        return realm().getEvidenceVerifySupport(evidenceType, algorithmName);
    }
}
