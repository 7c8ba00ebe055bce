package dev.orderflow.testsupport;

import jakarta.json.Json;
import java.util.UUID;

/** Registers and logs in customers through the public API, each with a fresh e-mail address. */
public final class Customers {

    public static final String PASSWORD = "correct horse battery";

    private Customers() {
    }

    /** A registered, logged-in customer. */
    public record Customer(UUID id, String email, String token) {
    }

    /** A registered, logged-in customer with one (default) shipping address. */
    public record Shopper(Customer customer, UUID addressId) {
        public String token() {
            return customer.token();
        }
    }

    public static Shopper shopper(TestServices services) {
        Customer customer = registerAndLogin(services);
        var response = Http.send("POST", services.publicUrl() + "/api/customers/me/addresses",
                Json.createObjectBuilder().add("street", "1 Test Street").add("city", "Berlin").add("zipCode", "10115")
                        .add("country", "DE").build().toString(),
                customer.token());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("address not created: " + response.body());
        }
        return new Shopper(customer, UUID.fromString(Http.json(response).getString("id")));
    }

    public static Customer registerAndLogin(TestServices services) {
        String email = "c-" + UUID.randomUUID() + "@example.com";
        var registered = Http.send("POST", services.publicUrl() + "/api/customers", Json.createObjectBuilder()
                .add("email", email).add("password", PASSWORD).add("name", "Test Customer").build().toString(), null);
        if (registered.statusCode() != 201) {
            throw new IllegalStateException("registration failed: " + registered.body());
        }
        UUID id = UUID.fromString(Http.json(registered).getString("id"));
        return new Customer(id, email, login(services, email, PASSWORD));
    }

    private static String adminToken;

    /**
     * A token of the admin the stack configures (ADMIN_BOOTSTRAP_EMAIL, password in a file), logged in once per test
     * run: logins are rate-limited per account.
     */
    public static synchronized String adminToken(TestServices services) {
        if (adminToken == null) {
            adminToken = loginAdmin(services);
        }
        return adminToken;
    }

    private static String loginAdmin(TestServices services) {
        try {
            String password = java.nio.file.Files
                    .readString(java.nio.file.Path.of(
                            TestServices.env("ADMIN_BOOTSTRAP_PASSWORD_FILE", "../.stack/secrets/app-admin.password")))
                    .strip();
            return login(services, TestServices.env("ADMIN_BOOTSTRAP_EMAIL", "admin@orderflow.local"), password);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static String login(TestServices services, String email, String password) {
        var response = Http.send("POST", services.publicUrl() + "/api/auth/login",
                Json.createObjectBuilder().add("email", email).add("password", password).build().toString(), null);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("login failed: " + response.body());
        }
        return Http.json(response).getString("token");
    }
}
