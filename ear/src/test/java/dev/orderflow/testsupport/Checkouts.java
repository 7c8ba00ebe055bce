package dev.orderflow.testsupport;

import jakarta.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

/** Checkout requests as a shop front end sends them. */
public final class Checkouts {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Checkouts() {
    }

    public static String body(UUID addressId, UUID product, int quantity) {
        return Json.createObjectBuilder().add("shippingAddressId", addressId.toString())
                .add("items", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("productId", product.toString()).add("quantity", quantity)))
                .build().toString();
    }

    /** One line, paid by {@code paymentMethod} (card and wallet are charged by the payment service). */
    public static String body(UUID addressId, UUID product, int quantity, String paymentMethod) {
        return Json.createObjectBuilder().add("shippingAddressId", addressId.toString())
                .add("items", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("productId", product.toString()).add("quantity", quantity)))
                .add("paymentMethod", paymentMethod).build().toString();
    }

    public static HttpResponse<String> place(TestServices services, String token, String idempotencyKey, String body) {
        return place(services.publicUrl(), token, idempotencyKey, body);
    }

    /** The same through a given public URL (one node's nginx listener). */
    public static HttpResponse<String> place(String publicUrl, String token, String idempotencyKey, String body) {
        return place(publicUrl, token, idempotencyKey, body, null);
    }

    /** The same with an X-Correlation-Id header when {@code correlationId} is not null. */
    public static HttpResponse<String> place(String publicUrl, String token, String idempotencyKey, String body,
            String correlationId) {
        var builder = HttpRequest.newBuilder(URI.create(publicUrl + "/api/orders")).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            builder.header("Idempotency-Key", idempotencyKey);
        }
        if (correlationId != null) {
            builder.header("X-Correlation-Id", correlationId);
        }
        try {
            return CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("checkout failed to send", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
