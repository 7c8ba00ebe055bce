package dev.orderflow.platform.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** The public REST API, served under /api. */
@ApplicationPath("/api")
@OpenAPIDefinition(info = @Info(title = "Orderflow API", version = "0.1.0", description = "Order-processing backend: catalog, carts, checkout and order life cycle."))
public class OrderflowApi extends Application {
}
