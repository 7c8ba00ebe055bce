package dev.orderflow.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orderflow.testsupport.Customers;
import dev.orderflow.testsupport.Deployments;
import dev.orderflow.testsupport.Http;
import dev.orderflow.testsupport.TestServices;
import dev.orderflow.testsupport.Tokens;
import jakarta.json.Json;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Registration, login, tokens and the ownership of addresses, through nginx. */
@ExtendWith(ArquillianExtension.class)
class CustomerIT {

    private final TestServices services = TestServices.get();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.orderflowEar();
    }

    @Test
    void registersLogsInAndReadsItsOwnProfile() {
        var customer = Customers.registerAndLogin(services);

        var me = Http.send("GET", services.publicUrl() + "/api/customers/me", null, customer.token());

        assertEquals(200, me.statusCode(), me.body());
        assertEquals(customer.email(), Http.json(me).getString("email"));
        assertEquals("customer", Http.json(me).getString("role"));
        assertTrue(!me.body().contains("password"), me.body());
    }

    @Test
    void refusesASecondAccountForTheSameEmailInAnyLetterCase() throws SQLException {
        var customer = Customers.registerAndLogin(services);

        var again = register(customer.email().toUpperCase(Locale.ROOT), Customers.PASSWORD, "Someone Else");

        assertEquals(409, again.statusCode(), again.body());
        assertEquals("application/problem+json", Http.contentType(again));
        assertEquals(1, accountsWithEmail(customer.email()));
    }

    /**
     * Password hashing is slow on purpose; it must not hold a users_db connection, or a burst of sign-ups exhausts the
     * pool and gets 500s (IJ000453) once the pool's blocking timeout passes.
     */
    @Test
    void registersABurstOfAHundredConcurrentSignUps() throws Exception {
        String batch = "burst-" + UUID.randomUUID();
        var start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(100);
        try {
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                String email = batch + "-" + i + "@example.com";
                futures.add(pool.submit(() -> {
                    start.await();
                    return register(email, Customers.PASSWORD, "Burst Customer");
                }));
            }
            start.countDown();
            for (var future : futures) {
                var response = future.get();
                assertEquals(201, response.statusCode(), response.body());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(100,
                services.queryLong("users_db", "SELECT count(*) FROM users WHERE email LIKE ?", batch + "-%"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "not-an-email|long enough pw|Ann|email",
            "'<script>alert(1)</script>@x'|long enough pw|Ann|email", "ok@example.com|short|Ann|password",
            "ok@example.com|long enough pw|' '|name" })
    void rejectsInvalidRegistrationsNamingTheFieldAndStoresNothing(String email, String password, String name,
            String field) throws SQLException {
        String unique = email.replace("ok@", "ok-" + UUID.randomUUID() + "@");

        var response = register(unique, password, name);

        assertEquals(400, response.statusCode(), response.body());
        assertEquals(field, Http.json(response).getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals(0, accountsWithEmail(unique));
    }

    @Test
    void refusesAWrongPasswordWithoutSayingWhichPartWasWrong() {
        var customer = Customers.registerAndLogin(services);
        var wrongPassword = login(customer.email(), "not the password");
        var unknownEmail = login("nobody-" + UUID.randomUUID() + "@example.com", Customers.PASSWORD);

        assertEquals(401, wrongPassword.statusCode());
        assertEquals(401, unknownEmail.statusCode());
        assertEquals(Http.json(wrongPassword).getString("detail"), Http.json(unknownEmail).getString("detail"));
    }

    @Test
    void refusesTamperedExpiredForeignAndUnsignedTokens() {
        var customer = Customers.registerAndLogin(services);
        Instant now = Instant.now();
        var valid = Tokens.claims(customer.id(), "customer", now, now.plus(Duration.ofHours(1)));
        var asAdmin = Tokens.claims(customer.id(), "admin", now, now.plus(Duration.ofHours(1)));
        var expired = Tokens.claims(customer.id(), "customer", now.minus(Duration.ofHours(3)),
                now.minus(Duration.ofHours(2)));

        assertEquals(200, me(Tokens.rs256(valid, Tokens.stackKey())), "control: a well-signed token works");
        assertEquals(401, me(Tokens.withClaims(customer.token(), asAdmin)), "tampered claims");
        assertEquals(401, me(Tokens.rs256(expired, Tokens.stackKey())), "expired");
        assertEquals(401, me(Tokens.rs256(valid, Tokens.otherKey())), "signed with another key");
        assertEquals(401, me(Tokens.unsigned(valid)), "alg=none");
        assertEquals(401, me("not.a.token"), "garbage");
        assertEquals(401, me(null), "no token");
        assertEquals(401, me(Tokens.rs256(Tokens.without(valid, "exp"), Tokens.stackKey())), "no expiry");
        assertEquals(401, me(Tokens.rs256(Tokens.with(valid, "iss", "https://elsewhere.example"), Tokens.stackKey())),
                "another issuer");
        assertEquals(401, me(Tokens.rs256(Tokens.with(valid, "nbf", now.plus(Duration.ofHours(1)).getEpochSecond()),
                Tokens.stackKey())), "not valid yet");
        assertEquals(401, me(Tokens.hs256WithPublicKey(valid)), "HS256 keyed with the public key");
    }

    @Test
    void keepsAdminEndpointsFromCustomers() throws Exception {
        var customer = Customers.registerAndLogin(services);
        String admin = Customers.adminToken(services);

        var asCustomer = Http.send("GET", services.publicUrl() + "/api/admin/customers", null, customer.token());
        var asAdmin = Http.send("GET", services.publicUrl() + "/api/admin/customers", null, admin);

        assertEquals(403, asCustomer.statusCode(), asCustomer.body());
        assertEquals("application/problem+json", Http.contentType(asCustomer));
        assertEquals(200, asAdmin.statusCode(), asAdmin.body());
    }

    @Test
    void hidesOneCustomersAddressFromAnother() {
        var ann = Customers.registerAndLogin(services);
        var bob = Customers.registerAndLogin(services);
        String address = Json.createObjectBuilder().add("street", "1 Main St").add("city", "Berlin")
                .add("zipCode", "10115").add("country", "DE").build().toString();
        var created = Http.send("POST", services.publicUrl() + "/api/customers/me/addresses", address, ann.token());
        assertEquals(201, created.statusCode(), created.body());
        String url = services.publicUrl() + "/api/customers/me/addresses/" + Http.json(created).getString("id");
        String changed = address.replace("Berlin", "Hamburg");

        assertEquals(404, Http.send("GET", url, null, bob.token()).statusCode());
        assertEquals(404, Http.send("PUT", url, changed, bob.token()).statusCode());
        assertEquals(404, Http.send("DELETE", url, null, bob.token()).statusCode());

        var stillAnns = Http.send("GET", url, null, ann.token());
        assertEquals(200, stillAnns.statusCode());
        assertEquals("Berlin", Http.json(stillAnns).getJsonObject("address").getString("city"));
    }

    private int me(String token) {
        return Http.send("GET", services.publicUrl() + "/api/customers/me", null, token).statusCode();
    }

    private java.net.http.HttpResponse<String> register(String email, String password, String name) {
        return Http.send("POST", services.publicUrl() + "/api/customers", Json.createObjectBuilder().add("email", email)
                .add("password", password).add("name", name).build().toString(), null);
    }

    private java.net.http.HttpResponse<String> login(String email, String password) {
        return Http.send("POST", services.publicUrl() + "/api/auth/login",
                Json.createObjectBuilder().add("email", email).add("password", password).build().toString(), null);
    }

    private long accountsWithEmail(String email) throws SQLException {
        return services.queryLong("users_db", "SELECT count(*) FROM users WHERE lower(email) = lower(?)", email);
    }
}
