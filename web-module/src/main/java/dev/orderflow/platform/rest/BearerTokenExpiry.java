package dev.orderflow.platform.rest;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import org.wildfly.security.auth.server.SecurityDomain;

/**
 * Refuses a bearer token without an expiry. The server's token realm checks signature, issuer, {@code exp} and
 * {@code nbf} when they are present, but accepts a well-signed token that has no {@code exp} at all, which would never
 * expire (MicroProfile JWT refused it). The token's claims are the attributes of the Elytron identity the realm built.
 */
@Provider
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION)
public class BearerTokenExpiry implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getSecurityContext().getUserPrincipal() == null) {
            return;
        }
        SecurityDomain domain = SecurityDomain.getCurrent();
        if (domain == null || domain.getCurrentSecurityIdentity().getAttributes().getFirst("exp") == null) {
            request.abortWith(Problem.unauthorized("The bearer token has no expiry."));
        }
    }
}
