package dev.orderflow.platform.health;

import dev.orderflow.platform.json.JsonFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.health.Startup;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The application's MicroProfile Health checks on the public port (for nginx and load balancers), in the MicroProfile
 * Health JSON format: 200 when every check is UP, 503 otherwise. The server also serves them, with its own checks, at
 * /health on the management port.
 */
@ApplicationScoped
@Path("/health")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

    @Inject
    @Readiness
    Instance<HealthCheck> readiness;

    @Inject
    @Liveness
    Instance<HealthCheck> liveness;

    @Inject
    @Startup
    Instance<HealthCheck> startup;

    @GET
    @Path("/ready")
    @Operation(summary = "Readiness: every dependency (databases, Redis, Kafka, MongoDB) reported separately")
    public Response ready() {
        return report(readiness);
    }

    @GET
    @Path("/live")
    @Operation(summary = "Liveness of this node")
    public Response live() {
        return report(liveness);
    }

    @GET
    @Path("/started")
    @Operation(summary = "Start-up: schema migrations done")
    public Response started() {
        return report(startup);
    }

    private static Response report(Instance<HealthCheck> checks) {
        var array = JsonFactory.array();
        boolean up = true;
        for (HealthCheck check : checks) {
            HealthCheckResponse response = check.call();
            up &= response.getStatus() == HealthCheckResponse.Status.UP;
            array.add(toJson(response));
        }
        JsonObject body = JsonFactory.object().add("status", up ? "UP" : "DOWN").add("checks", array).build();
        var noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.status(up ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE).cacheControl(noStore)
                .entity(body).build();
    }

    private static JsonObject toJson(HealthCheckResponse response) {
        return JsonFactory.object().add("name", response.getName()).add("status", response.getStatus().name()).build();
    }
}
