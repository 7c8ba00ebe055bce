package dev.orderflow.platform.rest;

import dev.orderflow.platform.json.JsonFactory;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Errors raised before JAX-RS sees the request (a rejected bearer token, a body over the size limit) get the same
 * problem+json body as the API's own errors. Mapped as error page in web.xml.
 */
@WebServlet("/error-page")
public class ErrorPageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer value ? value : response.getStatus();
        String title = switch (status) {
        case 401 -> "Unauthorized";
        case 403 -> "Forbidden";
        case 404 -> "Not Found";
        case 405 -> "Method Not Allowed";
        case 413 -> "Content Too Large";
        default -> status >= 500 ? "Internal Server Error" : "Bad Request";
        };
        String slug = title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
        response.setStatus(status);
        response.setContentType(Problem.MEDIA_TYPE);
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        response.getWriter().write(JsonFactory.object().add("type", Problem.TYPE_BASE + slug).add("title", title)
                .add("status", status).build().toString());
    }
}
