package dev.orderflow.platform.paging;

/**
 * A validated request for one page of a list: pages are numbered from 1 and a page holds at most {@link #MAX_SIZE}
 * items, so no client can ask the database for an unbounded result.
 */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;
    /** Keeps OFFSET within what the database serves cheaply; deeper lists need filters. */
    public static final int MAX_PAGE = 10_000;

    public PageRequest {
        if (page < 1 || page > MAX_PAGE) {
            throw new InvalidPageRequest("page", "must be between 1 and " + MAX_PAGE);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidPageRequest("size", "must be between 1 and " + MAX_SIZE);
        }
    }

    /** Parses raw query parameters; absent values take the defaults (page 1, size 20). */
    public static PageRequest parse(String page, String size) {
        return new PageRequest(parseOrDefault("page", page, 1), parseOrDefault("size", size, DEFAULT_SIZE));
    }

    public int offset() {
        return (page - 1) * size;
    }

    private static int parseOrDefault(String name, String raw, int defaultValue) {
        if (raw == null || raw.isBlank()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            throw new InvalidPageRequest(name, "must be a whole number");
        }
    }
}
