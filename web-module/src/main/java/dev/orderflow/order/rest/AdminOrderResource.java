package dev.orderflow.order.rest;

import dev.orderflow.order.application.OrderService;
import dev.orderflow.order.application.OrderView;
import dev.orderflow.order.domain.OrderStatus;
import dev.orderflow.platform.rest.RequestValidator;
import dev.orderflow.platform.rest.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.Context;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Fulfilment: admins see any order and move it through its life cycle. */
@ApplicationScoped
@Path("/admin/orders")
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = "bearer")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AdminOrderResource {

    @Inject
    OrderService orders;

    @Inject
    RequestValidator validator;

    @GET
    @Path("/{id}")
    public OrderView get(@PathParam("id") UUID id) {
        return orders.any(id);
    }

    @POST
    @Path("/{id}/status")
    @Operation(summary = "Move an order to its next status; an invalid transition is 409 and changes nothing")
    public OrderView move(@PathParam("id") UUID id, StatusChangeRequest request, @Context SecurityContext security,
            @HeaderParam("X-Correlation-Id") String cid) {
        var target = OrderStatus.fromExternalName(validator.valid(request).status());
        return orders.move(id, target, "admin:" + security.getUserPrincipal().getName(), cid);
    }
}
