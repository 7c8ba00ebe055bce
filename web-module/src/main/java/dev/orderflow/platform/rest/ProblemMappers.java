package dev.orderflow.platform.rest;

import dev.orderflow.messaging.DeadLetters;
import dev.orderflow.platform.paging.InvalidPageRequest;
import dev.orderflow.platform.problem.Conflict;
import dev.orderflow.platform.problem.DependencyUnavailable;
import dev.orderflow.platform.problem.NotFound;
import dev.orderflow.platform.problem.Unauthenticated;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Turns exceptions into application/problem+json responses, in one place. */
public final class ProblemMappers {

    private ProblemMappers() {
    }

    @Provider
    public static class InvalidPage implements ExceptionMapper<InvalidPageRequest> {
        @Override
        public Response toResponse(InvalidPageRequest e) {
            return Problem.invalidField(e.parameter(), e.getMessage()).toResponse();
        }
    }

    @Provider
    public static class Invalid implements ExceptionMapper<InvalidRequest> {
        @Override
        public Response toResponse(InvalidRequest e) {
            return new Problem(Problem.TYPE_BASE + "invalid-request", "Bad Request", 400,
                    "The request has invalid fields.", e.errors()).toResponse();
        }
    }

    @Provider
    public static class Missing implements ExceptionMapper<NotFound> {
        @Override
        public Response toResponse(NotFound e) {
            return Problem.of(Response.Status.NOT_FOUND, "not-found", e.getMessage()).toResponse();
        }
    }

    @Provider
    public static class RuleBroken implements ExceptionMapper<Conflict> {
        @Override
        public Response toResponse(Conflict e) {
            return Problem.of(Response.Status.CONFLICT, e.rule(), e.getMessage()).toResponse();
        }
    }

    @Provider
    public static class NotAuthenticated implements ExceptionMapper<Unauthenticated> {
        @Override
        public Response toResponse(Unauthenticated e) {
            return Problem.unauthorized(e.getMessage());
        }
    }

    @Provider
    public static class Throttled implements ExceptionMapper<TooManyRequests> {
        @Override
        public Response toResponse(TooManyRequests e) {
            return Response
                    .fromResponse(Problem.of(Response.Status.TOO_MANY_REQUESTS, "rate-limited",
                            "Too many requests; retry after " + e.retryAfterSeconds() + " s.").toResponse())
                    .header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds()).build();
        }
    }

    /** A dependency is down: the client may retry shortly. */
    @Provider
    public static class Unavailable implements ExceptionMapper<DependencyUnavailable> {
        private static final Logger LOG = Logger.getLogger(Unavailable.class.getName());

        @Override
        public Response toResponse(DependencyUnavailable e) {
            LOG.warning(() -> e.getMessage() + ": " + e.getCause());
            return Response.fromResponse(Problem
                    .of(Response.Status.SERVICE_UNAVAILABLE, "dependency-unavailable",
                            "A service this request needs (" + e.dependency() + ") is unavailable; retry shortly.")
                    .toResponse()).header(HttpHeaders.RETRY_AFTER, 5).build();
        }
    }

    /** Kafka did not answer an operator's request (dead letters). */
    @Provider
    public static class KafkaUnavailable implements ExceptionMapper<DeadLetters.KafkaUnavailable> {
        @Override
        public Response toResponse(DeadLetters.KafkaUnavailable e) {
            return new Unavailable().toResponse(new DependencyUnavailable("kafka", e));
        }
    }

    @Provider
    public static class AlreadyRedriven implements ExceptionMapper<DeadLetters.AlreadyRedriven> {
        @Override
        public Response toResponse(DeadLetters.AlreadyRedriven e) {
            return Problem.of(Response.Status.CONFLICT, "already-redriven", e.getMessage()).toResponse();
        }
    }

    /** A body that is not JSON, or not of the expected shape. */
    @Provider
    public static class Unreadable implements ExceptionMapper<ProcessingException> {
        @Override
        public Response toResponse(ProcessingException e) {
            return unreadable();
        }

        static Response unreadable() {
            return Problem.of(Response.Status.BAD_REQUEST, "malformed-body",
                    "The body is not valid JSON of the expected shape.").toResponse();
        }
    }

    @Provider
    public static class UnreadableJson implements ExceptionMapper<JsonbException> {
        @Override
        public Response toResponse(JsonbException e) {
            return Unreadable.unreadable();
        }
    }

    /**
     * 404, 405, 406, 415 and the other errors JAX-RS raises itself keep their status, except that a role check failing
     * for a caller with no token at all is 401, not 403.
     */
    @Provider
    public static class WebApplication implements ExceptionMapper<WebApplicationException> {
        @Context
        SecurityContext security;

        @Override
        public Response toResponse(WebApplicationException e) {
            var status = Response.Status.fromStatusCode(e.getResponse().getStatus());
            if (status == Response.Status.FORBIDDEN && security.getUserPrincipal() == null) {
                return Problem.unauthorized("A bearer token is required.");
            }
            if (status == null || status.getFamily() == Response.Status.Family.SERVER_ERROR) {
                return Unexpected.problem(e);
            }
            if (e.getCause() instanceof JsonbException || e.getCause() instanceof ProcessingException) {
                return Unreadable.unreadable();
            }
            return Problem.of(status, slug(status), e.getMessage()).toResponse();
        }

        private static String slug(Response.Status status) {
            return status.getReasonPhrase().toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
        }
    }

    /** Anything unforeseen: 500 with no internals in the body, the details in the log. */
    @Provider
    public static class Unexpected implements ExceptionMapper<Throwable> {
        private static final Logger LOG = Logger.getLogger(Unexpected.class.getName());

        @Override
        public Response toResponse(Throwable e) {
            return problem(e);
        }

        static Response problem(Throwable e) {
            LOG.log(Level.SEVERE, "Unexpected error", e);
            return Problem.of(Response.Status.INTERNAL_SERVER_ERROR, "internal-error",
                    "The server could not complete the request.").toResponse();
        }
    }
}
