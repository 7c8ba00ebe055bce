package dev.orderflow.catalog.rest;

import dev.orderflow.catalog.domain.ProductDetails;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.UUID;

/** A product as an admin creates or changes it; the SKU is only read on creation. */
public record ProductRequest(
        @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,99}", message = "must be 1 to 100 letters, digits, '.', '_' or '-'") String sku,
        @NotBlank @Size(max = 255) String name, @Size(max = 10_000) String description,
        @NotNull @DecimalMin("0.00") @DecimalMax("99999999.99") @Digits(integer = 8, fraction = 2) BigDecimal price,
        UUID categoryId,
        @Size(max = 500) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String imageUrl) {

    ProductDetails details() {
        return new ProductDetails(name, description, price, categoryId, imageUrl);
    }
}
