package dev.orderflow.platform.metrics;

import io.smallrye.metrics.MetricsRequestHandler;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;

/**
 * Application metrics (MicroProfile Metrics, SmallRye) in Prometheus text at /ops/metrics. An operations endpoint:
 * nginx does not proxy /ops, so only Prometheus and operators reaching the node directly see it.
 */
@WebServlet("/ops/metrics/*")
public class MetricsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    MetricsRequestHandler handler;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = "/metrics" + (request.getPathInfo() == null ? "" : request.getPathInfo());
        handler.handleRequest(path, "/metrics", request.getMethod(),
                Collections.list(request.getHeaders("Accept")).stream(), request.getParameterMap(),
                (status, message, headers) -> {
                    headers.forEach(response::addHeader);
                    response.setStatus(status);
                    if (message != null) {
                        response.getOutputStream().write(message.getBytes(StandardCharsets.UTF_8));
                    }
                });
    }
}
