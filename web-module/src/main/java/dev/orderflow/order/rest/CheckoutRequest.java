package dev.orderflow.order.rest;

import dev.orderflow.cart.application.CartService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import dev.orderflow.order.application.PaymentMethods;
import jakarta.validation.constraints.Size;
import dev.orderflow.platform.rest.InvalidRequest;
import dev.orderflow.platform.rest.Problem;
import java.math.BigDecimal;
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
 * A checkout: where to ship, optionally the lines (without lines, the caller's cart is ordered) and how it is paid
 * ({@code card} or {@code wallet}: charged by the payment service; {@code invoice} or none: confirmed by an admin).
 */
public record CheckoutRequest(@NotNull UUID shippingAddressId,
        @Size(min = 1, max = CartService.MAX_LINES) List<@NotNull @Valid Item> items,
        @Pattern(regexp = PaymentMethods.PATTERN, message = "must be one of "
                + PaymentMethods.PATTERN) String paymentMethod) {

    /** Product id to quantity, or null to order the cart. */
    public Map<UUID, Integer> quantities() {
        if (items == null) {
            return null;
        }
        var quantities = new TreeMap<UUID, Integer>();
        for (Item item : items) {
            if (quantities.put(item.productId(), item.quantity().intValueExact()) != null) {
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
                    .digest((shippingAddressId + "|" + lines + "|" + PaymentMethods.orDefault(paymentMethod))
                            .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The quantity is read as a decimal and range-checked first: JSON-B would wrap 4294967297 to 1. */
    public record Item(@NotNull UUID productId,
            @NotNull @Digits(integer = 2, fraction = 0, message = "must be a whole number from 1 to 99") @DecimalMin("1") @DecimalMax(""
                    + CartService.MAX_QUANTITY) BigDecimal quantity) {
    }
}
