package dev.orderflow.platform.rest;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * An RFC 9457 problem detail, the body of every error response.
 *
 * @param errors
 *            field-level details for validation errors; empty otherwise
 */
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    static final String TYPE_BASE = "https://orderflow.dev/problems/";

    /** One rejected input field. */
    public record FieldError(String field, String message) {
    }

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static Problem of(Response.Status status, String slug, String detail) {
        return new Problem(TYPE_BASE + slug, status.getReasonPhrase(), status.getStatusCode(), detail, List.of());
    }

    public static Problem invalidField(String field, String message) {
        return new Problem(TYPE_BASE + "invalid-request", "Bad Request", 400, "The request has invalid fields.",
                List.of(new FieldError(field, message)));
    }

    /** 401 with the bearer challenge, for a request without a usable token. */
    public static Response unauthorized(String detail) {
        return Response.fromResponse(of(Response.Status.UNAUTHORIZED, "unauthorized", detail).toResponse())
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    public Response toResponse() {
        return Response.status(status).type(MediaType.valueOf(MEDIA_TYPE)).entity(this).build();
    }
}
