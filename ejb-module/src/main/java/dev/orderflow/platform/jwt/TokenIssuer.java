package dev.orderflow.platform.jwt;

import dev.orderflow.platform.id.Uuids;
import dev.orderflow.platform.json.JsonFactory;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Issues RS256-signed JWTs that the server's Elytron token realm verifies with the matching public key (env
 * {@code JWT_VERIFY_PUBLIC_KEY}, server-config's security.cli). The private key is a PKCS#8 PEM file outside the
 * repository.
 */
@ApplicationScoped
public class TokenIssuer {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    @Inject
    @ConfigProperty(name = "jwt.issuer")
    String issuer;

    @Inject
    @ConfigProperty(name = "jwt.signing-key.location")
    String signingKeyLocation;

    @Inject
    @ConfigProperty(name = "jwt.lifetime")
    Duration lifetime;

    private PrivateKey signingKey;

    /** A signed token and when it stops being accepted. */
    public record IssuedToken(String token, Instant expiresAt) {
    }

    @PostConstruct
    void loadKey() {
        try {
            String pem = Files.readString(Path.of(signingKeyLocation.replaceFirst("^file:", "")));
            String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            signingKey = KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot read the JWT signing key at " + signingKeyLocation, e);
        }
    }

    /** A token naming the subject (its id), its login name and its groups (roles). */
    public IssuedToken issue(UUID subject, String loginName, Collection<String> groups) {
        Instant now = Instant.now();
        Instant expiresAt = now.plus(lifetime);
        String header = JsonFactory.object().add("alg", "RS256").add("typ", "JWT").build().toString();
        String claims = JsonFactory.object().add("iss", issuer).add("sub", subject.toString()).add("upn", loginName)
                .add("groups", JsonFactory.array(groups)).add("iat", now.getEpochSecond())
                .add("exp", expiresAt.getEpochSecond()).add("jti", Uuids.next().toString()).build().toString();
        String signingInput = encode(header) + "." + encode(claims);
        return new IssuedToken(signingInput + "." + BASE64URL.encodeToString(sign(signingInput)), expiresAt);
    }

    private byte[] sign(String signingInput) {
        try {
            var signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(signingKey);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
    }

    private static String encode(String json) {
        return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
