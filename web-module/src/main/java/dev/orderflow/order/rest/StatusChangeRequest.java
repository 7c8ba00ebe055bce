package dev.orderflow.order.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

public record StatusChangeRequest(
        @NotNull @Pattern(regexp = "confirmed|processing|shipped|delivered|cancelled", message = "must be one of confirmed, processing, shipped, delivered, cancelled") String status) {
}
