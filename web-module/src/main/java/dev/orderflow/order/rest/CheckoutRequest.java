package dev.orderflow.order.rest;

import dev.orderflow.cart.application.CartService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import dev.orderflow.platform.rest.InvalidRequest;
import dev.orderflow.platform.rest.Problem;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A checkout: where to ship, and optionally the lines; without lines, the caller's cart is ordered.
 */
public record CheckoutRequest(@NotNull UUID shippingAddressId,
        @Size(min = 1, max = CartService.MAX_LINES) List<@NotNull @Valid Item> items) {

    /** Product id to quantity, or null to order the cart. */
    public Map<UUID, Integer> quantities() {
        if (items == null) {
            return null;
        }
        var quantities = new TreeMap<UUID, Integer>();
        for (Item item : items) {
            if (quantities.put(item.productId(), item.quantity()) != null) {
                throw new InvalidRequest(List
                        .of(new Problem.FieldError("items", "lists product " + item.productId() + " more than once")));
            }
        }
        return quantities;
    }

    /** SHA-256 of the request's meaning, so a retry with the same Idempotency-Key can be told apart. */
    public String fingerprint() {
        String lines = items == null ? "cart" : new TreeMap<>(quantities()).entrySet().stream()
                .map(e -> e.getKey() + "*" + e.getValue()).collect(Collectors.joining(","));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((shippingAddressId + "|" + lines).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public record Item(@NotNull UUID productId, @NotNull @Min(1) @Max(CartService.MAX_QUANTITY) Integer quantity) {
    }
}
