package dev.orderflow.order.rest;

import dev.orderflow.order.application.CheckoutFromCart;
import dev.orderflow.order.application.OrderOutcomes;
import dev.orderflow.order.application.OrderService;
import dev.orderflow.order.application.OrderView;
import dev.orderflow.order.application.PlacedOrder;
import dev.orderflow.platform.paging.PageRequest;
import dev.orderflow.platform.rest.CurrentCustomer;
import dev.orderflow.platform.rest.InvalidRequest;
import dev.orderflow.platform.rest.PageResponse;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The caller's orders: checkout, list, detail, cancel. */
@ApplicationScoped
@Path("/orders")
@RolesAllowed({ Roles.CUSTOMER, Roles.ADMIN })
@SecurityRequirement(name = "bearer")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class OrderResource {

    @Inject
    CheckoutFromCart checkout;

    @Inject
    OrderService orders;

    @Inject
    RequestValidator validator;

    @Inject
    CurrentCustomer caller;

    @Inject
    OrderOutcomes outcomes;

    @POST
    @Operation(summary = "Place an order exactly once per Idempotency-Key (from the cart unless lines are sent)")
    public Response place(@HeaderParam("Idempotency-Key") String key, @HeaderParam("X-Correlation-Id") String cid,
            CheckoutRequest request, @Context UriInfo uri) {
        PlacedOrder placed;
        try {
            var valid = validator.valid(request);
            placed = checkout.place(caller.id(), IdempotencyKey.require(key), valid.fingerprint(),
                    valid.shippingAddressId(), valid.quantities(), valid.paymentMethod(), cid);
        } catch (InvalidRequest e) {
            outcomes.rejected(OrderOutcomes.INVALID_REQUEST);
            throw e;
        } catch (RuntimeException e) {
            outcomes.rejected(e);
            throw e;
        }
        if (!placed.replayed()) {
            outcomes.placed(placed.order().paymentMethod());
        }
        var status = placed.replayed() ? Response.status(Response.Status.OK)
                : Response.created(uri.getAbsolutePathBuilder().path(placed.order().id().toString()).build());
        return status.header("Idempotent-Replayed", placed.replayed()).entity(placed.order()).build();
    }

    @GET
    public PageResponse<OrderView> list(@QueryParam("page") String page, @QueryParam("size") String size) {
        return PageResponse.of(orders.listOfCustomer(caller.id(), PageRequest.parse(page, size)));
    }

    @GET
    @Path("/{id}")
    public OrderView get(@PathParam("id") UUID id) {
        return orders.ofCustomer(caller.id(), id);
    }

    @POST
    @Path("/{id}/cancel")
    @Operation(summary = "Cancel an own order while pending or confirmed; its stock is given back")
    public OrderView cancel(@PathParam("id") UUID id, @HeaderParam("X-Correlation-Id") String cid) {
        return orders.cancelByCustomer(caller.id(), id, cid);
    }
}
