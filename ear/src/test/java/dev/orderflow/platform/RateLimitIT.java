package dev.orderflow.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orderflow.testsupport.Customers;
import dev.orderflow.testsupport.Deployments;
import dev.orderflow.testsupport.Http;
import dev.orderflow.testsupport.TestServices;
import jakarta.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Distributed rate limits: a burst over the limit gets 429 with Retry-After. Limits here are the IT node's: anonymous
 * per IP from RATE_LIMIT_ANONYMOUS_PER_IP (ear/pom.xml), the others the defaults.
 */
@ExtendWith(ArquillianExtension.class)
class RateLimitIT {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private final TestServices services = TestServices.get();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.orderflowEar();
    }

    @Test
    void limitsLoginAttemptsForOneAccountFromOneAddress() {
        var customer = Customers.registerAndLogin(services); // one login used
        String wrong = Json.createObjectBuilder().add("email", customer.email()).add("password", "wrong password")
                .build().toString();
        for (int attempt = 2; attempt <= 10; attempt++) {
            assertEquals(401, Http.send("POST", services.publicUrl() + "/api/auth/login", wrong, null).statusCode());
        }

        var limited = Http.send("POST", services.publicUrl() + "/api/auth/login", wrong, null);

        assertRateLimited(limited);
    }

    @Test
    void limitsOneCustomerWithoutLimitingAnother() {
        var greedy = Customers.registerAndLogin(services);
        var other = Customers.registerAndLogin(services);
        int limit = 300;
        for (int i = 0; i < limit - 2; i++) { // registration and login were anonymous: not counted here
            Http.send("GET", services.publicUrl() + "/api/customers/me", null, greedy.token());
        }
        int allowed = 0;
        HttpResponse<String> last = null;
        for (int i = 0; i < 5; i++) {
            last = Http.send("GET", services.publicUrl() + "/api/customers/me", null, greedy.token());
            if (last.statusCode() == 200) {
                allowed++;
            }
        }

        assertEquals(2, allowed, "exactly " + limit + " requests a minute pass");
        assertRateLimited(last);
        assertEquals(200,
                Http.send("GET", services.publicUrl() + "/api/customers/me", null, other.token()).statusCode());
    }

    @Test
    void limitsAnonymousCallersPerClientAddress() throws Exception {
        int limit = Integer.parseInt(TestServices.env("RATE_LIMIT_ANONYMOUS_PER_IP", "1000"));
        String address = "198.51.100." + (1 + (int) (Math.random() * 250)) + "-" + UUID.randomUUID();
        for (int i = 0; i < limit; i++) {
            assertEquals(200, anonymousFrom(address).statusCode(), "request " + (i + 1) + " is within the limit");
        }

        assertRateLimited(anonymousFrom(address));
        assertEquals(200, anonymousFrom("203.0.113.9-" + UUID.randomUUID()).statusCode(), "another address");
        assertEquals(200, Http.get(services.nodeUrl() + "/api/health/ready").statusCode(), "health is never limited");
    }

    /** Straight to the node, as nginx would send it, with the client address in X-Real-IP. */
    private HttpResponse<String> anonymousFrom(String address) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(services.nodeUrl() + "/api/products?size=1"))
                .header("X-Real-IP", address).GET().build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static void assertRateLimited(HttpResponse<String> response) {
        assertEquals(429, response.statusCode(), response.body());
        assertEquals("application/problem+json", Http.contentType(response));
        long retryAfter = Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
    }
}
