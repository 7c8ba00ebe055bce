package dev.orderflow.catalog.rest;

import dev.orderflow.catalog.application.ProductQuery;
import dev.orderflow.catalog.application.ProductQuery.Sort;
import dev.orderflow.platform.rest.InvalidRequest;
import dev.orderflow.platform.rest.Problem;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** Turns raw search query parameters into a {@link ProductQuery}, naming the parameter that is wrong. */
final class SearchParameters {

    private static final int MAX_TEXT = 100;
    private static final BigDecimal MAX_PRICE = new BigDecimal("99999999.99");

    private SearchParameters() {
    }

    static ProductQuery parse(String text, String category, String minPrice, String maxPrice, String sort) {
        if (text != null && text.length() > MAX_TEXT) {
            throw invalid("q", "must be at most " + MAX_TEXT + " characters");
        }
        BigDecimal min = price("minPrice", minPrice);
        BigDecimal max = price("maxPrice", maxPrice);
        if (min != null && max != null && min.compareTo(max) > 0) {
            throw invalid("minPrice", "must not be above maxPrice");
        }
        return new ProductQuery(text, categoryId(category), min, max, sort(sort));
    }

    private static UUID categoryId(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(raw.strip());
        } catch (IllegalArgumentException e) {
            throw invalid("category", "must be a category id");
        }
    }

    private static BigDecimal price(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            var price = new BigDecimal(raw.strip());
            if (price.signum() < 0 || price.compareTo(MAX_PRICE) > 0 || price.scale() > 2) {
                throw invalid(name, "must be an amount from 0 to " + MAX_PRICE + " with at most 2 decimals");
            }
            return price;
        } catch (NumberFormatException e) {
            throw invalid(name, "must be a decimal amount");
        }
    }

    private static Sort sort(String raw) {
        if (raw == null || raw.isBlank()) {
            return Sort.NAME;
        }
        return switch (raw.strip()) {
        case "name" -> Sort.NAME;
        case "price" -> Sort.PRICE_ASC;
        case "-price" -> Sort.PRICE_DESC;
        case "newest" -> Sort.NEWEST;
        default -> throw invalid("sort", "must be name, price, -price or newest");
        };
    }

    private static InvalidRequest invalid(String field, String message) {
        return new InvalidRequest(List.of(new Problem.FieldError(field, message)));
    }
}
