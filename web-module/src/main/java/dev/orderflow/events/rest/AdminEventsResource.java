package dev.orderflow.events.rest;

import dev.orderflow.events.OutboxRelay;
import dev.orderflow.messaging.ConsumerGroup;
import dev.orderflow.messaging.ConsumerLag;
import dev.orderflow.messaging.DeadLetters;
import dev.orderflow.messaging.DeadLetters.DeadLetter;
import dev.orderflow.platform.rest.InvalidRequest;
import dev.orderflow.platform.rest.Problem;
import dev.orderflow.platform.rest.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Operators' view of the event pipeline: outbox backlog, consumer lag, dead letters and their re-drive. */
@ApplicationScoped
@Path("/admin")
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class AdminEventsResource {

    private static final String ID_PATTERN = "\\d{1,9}-\\d{1,19}";

    @EJB
    OutboxRelay relay;

    @Inject
    ConsumerLag lag;

    @Inject
    DeadLetters deadLetters;

    public record EventsStatus(long outboxBacklog, double outboxOldestAgeSeconds, long outboxParked,
            Map<String, Long> consumerLag) {
    }

    @GET
    @Path("/events")
    @Operation(summary = "Outbox backlog, age of its oldest row, parked rows; consumer lag per group")
    public EventsStatus status() {
        var backlog = relay.backlog();
        var lags = new LinkedHashMap<String, Long>();
        lag.all().forEach((group, value) -> lags.put(group.groupId(), value));
        for (ConsumerGroup group : ConsumerGroup.values()) {
            lags.putIfAbsent(group.groupId(), null);
        }
        return new EventsStatus(backlog.rows(), backlog.oldestAgeSeconds(), backlog.parked(), lags);
    }

    @GET
    @Path("/dead-letters")
    @Operation(summary = "Dead letters, newest first (pending=true: only those not re-driven yet)")
    public List<DeadLetter> deadLetters(@QueryParam("pending") boolean pending, @QueryParam("limit") String limit) {
        int max = 100;
        if (limit != null) {
            try {
                max = Integer.parseInt(limit);
            } catch (NumberFormatException e) {
                max = -1;
            }
            if (max < 1 || max > 1000) {
                throw new InvalidRequest(List.of(new Problem.FieldError("limit", "must be between 1 and 1000")));
            }
        }
        return deadLetters.list(max, pending);
    }

    @POST
    @Path("/dead-letters/{id}/redrive")
    @Operation(summary = "Send a dead letter back to its original topic; 409 if it was re-driven already")
    public DeadLetter redrive(@PathParam("id") String id, @Context SecurityContext security) {
        if (!id.matches(ID_PATTERN)) {
            throw new NotFoundException();
        }
        return deadLetters.redrive(id, "admin:" + security.getUserPrincipal().getName())
                .orElseThrow(NotFoundException::new);
    }
}
