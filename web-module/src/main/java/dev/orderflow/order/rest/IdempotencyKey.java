package dev.orderflow.order.rest;

import dev.orderflow.platform.rest.InvalidRequest;
import dev.orderflow.platform.rest.Problem;
import java.util.List;
import java.util.regex.Pattern;

/** The Idempotency-Key header a checkout must carry: 1 to 100 letters, digits and - _ : . */
final class IdempotencyKey {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_.:-]{1,100}");

    private IdempotencyKey() {
    }

    static String require(String header) {
        if (header == null || !VALID.matcher(header).matches()) {
            throw new InvalidRequest(List.of(new Problem.FieldError("Idempotency-Key",
                    header == null ? "header is required" : "must be 1 to 100 letters, digits, '-', '_', ':' or '.'")));
        }
        return header;
    }
}
