package dev.orderflow.catalog.application;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A catalog search: free text (name or description), a category with all its sub-categories, a price range, and an
 * order. Every part is optional.
 */
public record ProductQuery(String text, UUID categoryId, BigDecimal minPrice, BigDecimal maxPrice, Sort sort) {

    public enum Sort {
        NAME("p.name, p.id"), PRICE_ASC("p.price, p.id"), PRICE_DESC("p.price desc, p.id"),
        NEWEST("p.createdAt desc, p.id");

        final String orderBy;

        Sort(String orderBy) {
            this.orderBy = orderBy;
        }
    }

    public ProductQuery {
        sort = sort == null ? Sort.NAME : sort;
        if (minPrice != null && maxPrice != null && minPrice.compareTo(maxPrice) > 0) {
            throw new IllegalArgumentException("minPrice is above maxPrice");
        }
    }

    /** The text as a LIKE pattern that matches it literally anywhere, case-insensitively. */
    String likePattern() {
        String escaped = text.strip().toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
