package dev.orderflow.platform.metrics;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * Rate, latency and errors per endpoint: the timer {@code http.server.requests} (Prometheus
 * {@code http_server_requests_seconds_bucket{le}}, {@code _count}, {@code _sum}, {@code _max}) tagged with the
 * {@code method}, the {@code route} (the resource method's path template, for example {@code /api/orders/{id}};
 * {@code UNMATCHED} when no resource method took the request, so ids never become tag values) and the response
 * {@code status} (its code). The error rate is the share of {@code status=~"5.."}. Requests refused before JAX-RS (the
 * token realm's 401 for a bad token, nginx's own answers) are not in it.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 200)
public class RequestMetrics implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String STARTED = RequestMetrics.class.getName() + ".started";
    private static final Metadata REQUESTS = Metadata.builder().withName("http.server.requests")
            .withDescription("REST requests by method, route and status").build();
    private static final Map<Method, String> ROUTES = new ConcurrentHashMap<>();
    /** Any other method a client sends is tagged OTHER, so clients cannot add tag values. */
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

    /** One timer per (method, route, status), all bounded sets; looked up in the registry once. */
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    @Inject
    MetricRegistry metrics;

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object started = request.getProperty(STARTED);
        if (!(started instanceof Long nanos)) {
            return;
        }
        Method method = resource == null ? null : resource.getResourceMethod();
        String route = method == null ? "UNMATCHED"
                : ROUTES.computeIfAbsent(method, m -> route(resource.getResourceClass(), m));
        String httpMethod = METHODS.contains(request.getMethod()) ? request.getMethod() : "OTHER";
        int status = response.getStatus();
        timers.computeIfAbsent(httpMethod + ' ' + route + ' ' + status,
                key -> metrics.timer(REQUESTS, new Tag("method", httpMethod), new Tag("route", route),
                        new Tag("status", Integer.toString(status))))
                .update(Duration.ofNanos(System.nanoTime() - nanos));
    }

    /** {@code /api} + the class's and the method's {@code @Path}, as declared (templates, not values). */
    static String route(Class<?> resourceClass, Method method) {
        var route = new StringBuilder("/api");
        Class<?> declaring = resourceClass;
        while (declaring != null && !declaring.isAnnotationPresent(Path.class)) {
            declaring = declaring.getSuperclass(); // a proxy of the resource
        }
        append(route, declaring == null ? null : declaring.getAnnotation(Path.class));
        append(route, method.getAnnotation(Path.class));
        return route.toString();
    }

    private static void append(StringBuilder route, Path path) {
        if (path == null || path.value().isEmpty() || "/".equals(path.value())) {
            return;
        }
        String value = path.value();
        route.append(value.startsWith("/") ? "" : "/")
                .append(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
    }
}
