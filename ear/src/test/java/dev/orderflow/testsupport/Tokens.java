package dev.orderflow.testsupport;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Builds JWTs for security tests: valid ones, and the hostile kinds a server must refuse. */
public final class Tokens {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    public static final String ISSUER = "https://orderflow.dev";

    private Tokens() {
    }

    /** The stack's real signing key (bin/stack generates it; the server verifies with its public half). */
    public static PrivateKey stackKey() {
        String location = TestServices.env("JWT_SIGNING_KEY_LOCATION", "../.stack/secrets/jwt-private.pem");
        try {
            String pem = Files.readString(Path.of(location));
            byte[] der = Base64.getDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static PrivateKey otherKey() {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair().getPrivate();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static JsonObject claims(UUID subject, String group, Instant issuedAt, Instant expiresAt) {
        return Json.createObjectBuilder().add("iss", ISSUER).add("sub", subject.toString())
                .add("upn", subject + "@example.com").add("groups", Json.createArrayBuilder().add(group))
                .add("iat", issuedAt.getEpochSecond()).add("exp", expiresAt.getEpochSecond())
                .add("jti", UUID.randomUUID().toString()).build();
    }

    public static String rs256(JsonObject claims, PrivateKey key) {
        String input = encode("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "." + encode(claims.toString());
        try {
            var signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + B64.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The claims with one of them removed or replaced. */
    public static JsonObject without(JsonObject claims, String name) {
        return Json.createObjectBuilder(claims).remove(name).build();
    }

    public static JsonObject with(JsonObject claims, String name, String value) {
        return Json.createObjectBuilder(claims).add(name, value).build();
    }

    public static JsonObject with(JsonObject claims, String name, long value) {
        return Json.createObjectBuilder(claims).add(name, value).build();
    }

    /**
     * The algorithm-confusion attack: HS256 with the server's public key file as the HMAC secret, which a verifier that
     * takes the algorithm from the token would accept.
     */
    public static String hs256WithPublicKey(JsonObject claims) {
        String location = TestServices.env("JWT_SIGNING_KEY_LOCATION", "../.stack/secrets/jwt-private.pem")
                .replace("jwt-private.pem", "jwt-public.pem");
        String input = encode("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + encode(claims.toString());
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Files.readAllBytes(Path.of(location)), "HmacSHA256"));
            return input + "." + B64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An unsigned token claiming {@code alg: none}. */
    public static String unsigned(JsonObject claims) {
        return encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + encode(claims.toString()) + ".";
    }

    /** The token with its claims replaced but its original signature kept. */
    public static String withClaims(String token, JsonObject claims) {
        String[] parts = token.split("\\.");
        return parts[0] + "." + encode(claims.toString()) + "." + parts[2];
    }

    private static String encode(String json) {
        return B64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
