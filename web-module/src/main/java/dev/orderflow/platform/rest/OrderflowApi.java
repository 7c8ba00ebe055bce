package dev.orderflow.platform.rest;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The public REST API, served under /api; callers authenticate with RS256 bearer tokens, verified by the server's
 * Elytron BEARER_TOKEN mechanism and token realm (web.xml, jboss-web.xml, server-config's security.cli).
 */
@ApplicationPath("/api")
@DeclareRoles({ Roles.CUSTOMER, Roles.ADMIN })
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
@OpenAPIDefinition(info = @Info(title = "Orderflow API", version = "0.1.0", description = "Order-processing backend: catalog, carts, checkout and order life cycle."))
public class OrderflowApi extends Application {
}
