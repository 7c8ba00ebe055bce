package dev.orderflow.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.wildfly.security.auth.realm.token.TokenValidator;
import org.wildfly.security.auth.realm.token.validator.JwtValidator;
import org.wildfly.security.auth.server.RealmIdentity;
import org.wildfly.security.authz.Attributes;
import org.wildfly.security.authz.MapAttributes;
import org.wildfly.security.evidence.BearerTokenEvidence;

/** The token cache with Elytron's real JWT validator and real RS256 signatures, and alone with a counting delegate. */
class VerifiedTokensTest {

    private static final String ISSUER = "https://orderflow.dev";
    private static final KeyPair KEYS = keyPair();
    private static final KeyPair OTHER_KEYS = keyPair();

    private final AtomicInteger verifications = new AtomicInteger();

    @Test
    void verifiesATokenOnceAndAnswersItsCopiesFromMemory() throws Exception {
        var tokens = new VerifiedTokens(counting(jwtValidator()), 100, 300_000);
        String token = token(KEYS.getPrivate(), "customer-1", nowSeconds() + 600);

        for (int i = 0; i < 3; i++) {
            Attributes claims = tokens.validate(new BearerTokenEvidence(new String(token.toCharArray())));
            assertNotNull(claims);
            assertEquals("customer-1", claims.getFirst("sub"));
        }
        assertEquals(1, verifications.get());
    }

    @Test
    void verifiesInFullAnyTokenThatIsNotAByteForByteCopy() throws Exception {
        var tokens = new VerifiedTokens(counting(jwtValidator()), 100, 300_000);
        long exp = nowSeconds() + 600;
        String real = token(KEYS.getPrivate(), "customer-1", exp);
        assertNotNull(tokens.validate(new BearerTokenEvidence(real)));

        String otherSignature = real.substring(0, real.length() - 2) + (real.endsWith("AA") ? "BB" : "AA");
        String[] parts = real.split("\\.");
        String otherClaims = parts[0] + "."
                + encode("{\"sub\":\"admin\",\"iss\":\"" + ISSUER + "\",\"exp\":" + exp + ",\"groups\":[\"admin\"]}")
                + "." + parts[2];
        String foreignKey = token(OTHER_KEYS.getPrivate(), "customer-1", exp);

        assertNull(tokens.validate(new BearerTokenEvidence(otherSignature)), "signature changed");
        assertNull(tokens.validate(new BearerTokenEvidence(otherClaims)), "claims changed, signature kept");
        assertNull(tokens.validate(new BearerTokenEvidence(foreignKey)), "same subject, another key");
        assertNull(tokens.validate(new BearerTokenEvidence(otherSignature)), "a refusal is not remembered");
        assertEquals(5, verifications.get());
        assertEquals(1, tokens.size());
    }

    @Test
    void neverAnswersFromMemoryAfterTheTokensExpiry() throws Exception {
        assertEquals(1, verificationsAt(60, 300_000, 59_999), "a millisecond before exp: from memory");
        verifications.set(0);
        assertEquals(2, verificationsAt(60, 300_000, 60_000), "at exp the delegate decides again");
    }

    @Test
    void keepsAnAnswerNoLongerThanTheMaximumAge() throws Exception {
        assertEquals(1, verificationsAt(86_400, 1_000, 999));
        verifications.set(0);
        assertEquals(2, verificationsAt(86_400, 1_000, 1_000));
    }

    /**
     * Verifications for a token expiring {@code expSeconds} from now, validated now and again {@code laterMillis}
     * later, with answers kept at most {@code maxAgeMillis}.
     */
    private int verificationsAt(long expSeconds, long maxAgeMillis, long laterMillis) throws Exception {
        var clock = new AtomicLong(1_000_000_000_000L);
        long exp = clock.get() / 1000 + expSeconds;
        var tokens = new VerifiedTokens(counting(claimsWithExp(String.valueOf(exp))), 100, maxAgeMillis, clock::get);
        var evidence = new BearerTokenEvidence("a.b.c");
        tokens.validate(evidence);
        clock.addAndGet(laterMillis);
        tokens.validate(evidence);
        return verifications.get();
    }

    @Test
    void remembersNothingForATokenWithoutANumericExpiry() throws Exception {
        for (String exp : new String[] { null, "soon", "99999999999999999999" }) {
            verifications.set(0);
            var tokens = new VerifiedTokens(counting(claimsWithExp(exp)), 100, 300_000);
            tokens.validate(new BearerTokenEvidence("a.b.c"));
            tokens.validate(new BearerTokenEvidence("a.b.c"));
            assertEquals(2, verifications.get(), "exp " + exp);
            assertEquals(0, tokens.size());
        }
    }

    @Test
    void staysWithinItsCapacity() throws Exception {
        long exp = nowSeconds() + 600;
        var tokens = new VerifiedTokens(counting(claimsWithExp(String.valueOf(exp))), 2, 300_000);
        for (int i = 0; i < 5; i++) {
            tokens.validate(new BearerTokenEvidence("token-" + i));
            assertTrue(tokens.size() <= 2);
        }
    }

    @Test
    void theRealmNamesTheSubjectAndRefusesAForgery() throws Exception {
        var realm = new BearerTokenRealm();
        realm.initialize(Map.of("public-key", pem(), "issuer", ISSUER, "cache-size", "10"));
        String token = token(KEYS.getPrivate(), "customer-7", nowSeconds() + 600);

        for (int i = 0; i < 2; i++) {
            var evidence = new BearerTokenEvidence(token);
            RealmIdentity identity = realm.getRealmIdentity(evidence);
            assertTrue(identity.verifyEvidence(evidence));
            assertEquals("customer-7", identity.getRealmIdentityPrincipal().getName());
            assertEquals("customer", identity.getAuthorizationIdentity().getAttributes().getFirst("groups"));
        }
        var forged = new BearerTokenEvidence(token(OTHER_KEYS.getPrivate(), "customer-7", nowSeconds() + 600));
        assertFalse(realm.getRealmIdentity(forged).verifyEvidence(forged));
        var expired = new BearerTokenEvidence(token(KEYS.getPrivate(), "customer-7", nowSeconds() - 10));
        assertFalse(realm.getRealmIdentity(expired).verifyEvidence(expired));
    }

    private TokenValidator counting(TokenValidator delegate) {
        return evidence -> {
            verifications.incrementAndGet();
            return delegate.validate(evidence);
        };
    }

    private static TokenValidator claimsWithExp(String exp) {
        return evidence -> {
            var claims = new MapAttributes();
            claims.addFirst("sub", "someone");
            if (exp != null) {
                claims.addFirst("exp", exp);
            }
            return claims;
        };
    }

    private static JwtValidator jwtValidator() {
        return JwtValidator.builder().issuer(ISSUER).publicKey(KEYS.getPublic()).build();
    }

    private static long nowSeconds() {
        return System.currentTimeMillis() / 1000;
    }

    private static String token(PrivateKey key, String subject, long exp) throws GeneralSecurityException {
        String signed = encode("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "." + encode("{\"sub\":\"" + subject
                + "\",\"iss\":\"" + ISSUER + "\",\"exp\":" + exp + ",\"groups\":[\"customer\"]}");
        var signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(key);
        signature.update(signed.getBytes(StandardCharsets.US_ASCII));
        return signed + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** The public key as the stack passes it: PEM on one line. */
    private static String pem() {
        return "-----BEGIN PUBLIC KEY-----" + Base64.getEncoder().encodeToString(KEYS.getPublic().getEncoded())
                + "-----END PUBLIC KEY-----";
    }

    private static KeyPair keyPair() {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
