package dev.orderflow.cart.rest;

import dev.orderflow.cart.application.CartService;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;

/**
 * The quantity is read as a decimal and range-checked before it becomes an int: JSON-B would silently wrap 4294967297
 * to 1.
 */
public record CartItemRequest(
        @NotNull @Digits(integer = 2, fraction = 0, message = "must be a whole number from 1 to 99") @DecimalMin("1") @DecimalMax(""
                + CartService.MAX_QUANTITY) BigDecimal quantity) {

    public int quantityValue() {
        return quantity.intValueExact();
    }
}
