package dev.orderflow.analytics.rest;

import dev.orderflow.analytics.AnalyticsService;
import dev.orderflow.analytics.AnalyticsService.SalesReport;
import dev.orderflow.order.history.ArchiveSchedule;
import dev.orderflow.order.history.OrderArchiver;
import dev.orderflow.order.history.OrderHistory;
import dev.orderflow.platform.rest.InvalidRequest;
import dev.orderflow.platform.rest.Problem;
import dev.orderflow.platform.rest.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Sales analytics (MongoDB aggregation) and the order archive. */
@ApplicationScoped
@Path("/admin")
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class AdminAnalyticsResource {

    static final int MAX_RANGE_DAYS = 366;

    @Inject
    AnalyticsService analytics;

    @EJB
    ArchiveSchedule archive;

    @EJB
    OrderArchiver archiver;

    @Inject
    OrderHistory history;

    @GET
    @Path("/analytics/sales")
    @Operation(summary = "Orders and revenue per day and status, and the top products, for a range of UTC days")
    public SalesReport sales(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("top") String top) {
        var errors = new ArrayList<Problem.FieldError>();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate end = date("to", to, today, errors);
        LocalDate start = date("from", from, end.minusDays(29), errors);
        int topN = number("top", top, 10, 1, 100, errors);
        if (errors.isEmpty() && (start.isAfter(end) || start.plusDays(MAX_RANGE_DAYS).isBefore(end))) {
            errors.add(new Problem.FieldError("from",
                    "must be on or before 'to' and at most " + MAX_RANGE_DAYS + " days before it"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
        }
        return analytics.sales(start, end, topN);
    }

    public record ArchiveState(long activeOrders, long archivedOrders, int archiveAfterDays) {
    }

    public record ArchiveRun(int archived, long activeOrders, long archivedOrders) {
    }

    @GET
    @Path("/order-archive")
    @Operation(summary = "Orders in orders_db and in the MongoDB order history")
    public ArchiveState archiveState() {
        return new ArchiveState(archiver.activeOrders(), history.count(), archive.afterDays());
    }

    @POST
    @Path("/order-archive/runs")
    @Operation(summary = "Archive finished orders older than olderThanDays (default: the configured age) now")
    public ArchiveRun runArchive(@QueryParam("olderThanDays") String olderThanDays) {
        var errors = new ArrayList<Problem.FieldError>();
        int days = number("olderThanDays", olderThanDays, archive.afterDays(), 0, 3650, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
        }
        int archived = archive.run(Duration.ofDays(days));
        return new ArchiveRun(archived, archiver.activeOrders(), history.count());
    }

    private static LocalDate date(String name, String value, LocalDate fallback, List<Problem.FieldError> errors) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new Problem.FieldError(name, "must be a date like 2026-11-22"));
            return fallback;
        }
    }

    private static int number(String name, String value, int fallback, int min, int max,
            List<Problem.FieldError> errors) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new Problem.FieldError(name, "must be a whole number from " + min + " to " + max));
        return fallback;
    }
}
