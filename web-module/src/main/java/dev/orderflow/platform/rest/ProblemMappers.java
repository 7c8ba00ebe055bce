package dev.orderflow.platform.rest;

import dev.orderflow.platform.paging.InvalidPageRequest;
import jakarta.ws.rs.WebApplicationException;
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

    /** 404, 405, 406, 415 and the other errors JAX-RS raises itself keep their status. */
    @Provider
    public static class WebApplication implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            var status = Response.Status.fromStatusCode(e.getResponse().getStatus());
            if (status == null || status.getFamily() == Response.Status.Family.SERVER_ERROR) {
                return Unexpected.problem(e);
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
