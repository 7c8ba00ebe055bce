package dev.orderflow.customer.rest;

import dev.orderflow.customer.application.AccountService;
import dev.orderflow.customer.application.CustomerProfile;
import dev.orderflow.platform.paging.PageRequest;
import dev.orderflow.platform.rest.PageResponse;
import dev.orderflow.platform.rest.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@ApplicationScoped
@Path("/admin/customers")
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class AdminCustomerResource {

    @Inject
    AccountService accounts;

    @GET
    public PageResponse<CustomerProfile> list(@QueryParam("page") String page, @QueryParam("size") String size) {
        return PageResponse.of(accounts.list(PageRequest.parse(page, size)));
    }
}
