package dev.orderflow.events.rest;

import dev.orderflow.payment.GatewaySettings;
import dev.orderflow.platform.rest.InvalidRequest;
import dev.orderflow.platform.rest.Problem;
import dev.orderflow.platform.rest.RequestValidator;
import dev.orderflow.platform.rest.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The simulated payment gateway's failure mode and latency, for every node (drills and tests). */
@ApplicationScoped
@Path("/admin/payment-gateway")
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = "bearer")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class PaymentGatewayResource {

    @Inject
    GatewaySettings settings;

    @Inject
    RequestValidator validator;

    public record GatewayState(String mode, int latencyMs) {
        static GatewayState of(GatewaySettings.Settings s) {
            return new GatewayState(s.mode().externalName(), s.latencyMillis());
        }
    }

    public record GatewayChange(
            @NotNull @Pattern(regexp = "approve|decline|error|timeout", message = "must be approve, decline, error or timeout") String mode,
            @Min(0) @Max(10_000) Integer latencyMs) {
    }

    @GET
    public GatewayState get() {
        return GatewayState.of(settings.current());
    }

    @PUT
    @Operation(summary = "Set the gateway's mode (approve, decline, error, timeout) and latency for every node")
    public GatewayState change(GatewayChange change) {
        if (change == null) {
            throw new InvalidRequest(List.of(new Problem.FieldError("mode", "must not be null")));
        }
        var valid = validator.valid(change);
        int latency = valid.latencyMs() == null ? settings.current().latencyMillis() : valid.latencyMs();
        return GatewayState
                .of(settings.change(new GatewaySettings.Settings(GatewaySettings.Mode.parse(valid.mode()), latency)));
    }

    @DELETE
    @Operation(summary = "Back to the configured mode and latency")
    public GatewayState reset() {
        return GatewayState.of(settings.reset());
    }
}
