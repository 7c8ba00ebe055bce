package dev.orderflow.platform.rest;

import dev.orderflow.platform.paging.Page;
import java.util.List;

/** One page of a list as the API returns it. */
public record PageResponse<T>(List<T> items, int page, int size, long totalItems, long totalPages) {

    public static <T> PageResponse<T> of(Page<T> page) {
        return new PageResponse<>(page.items(), page.page(), page.size(), page.totalItems(), page.totalPages());
    }
}
