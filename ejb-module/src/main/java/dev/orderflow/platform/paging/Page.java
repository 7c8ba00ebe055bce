package dev.orderflow.platform.paging;

import java.util.List;

/** One page of a list, with what a client needs to fetch the next one. */
public record Page<T>(List<T> items, int page, int size, long totalItems) {

    public Page {
        items = List.copyOf(items);
    }

    public long totalPages() {
        return (totalItems + size - 1) / size;
    }
}
