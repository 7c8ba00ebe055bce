package dev.orderflow.analytics;

import static com.mongodb.client.model.Accumulators.first;
import static com.mongodb.client.model.Accumulators.last;
import static com.mongodb.client.model.Accumulators.sum;
import static com.mongodb.client.model.Aggregates.group;
import static com.mongodb.client.model.Aggregates.limit;
import static com.mongodb.client.model.Aggregates.match;
import static com.mongodb.client.model.Aggregates.sort;
import static com.mongodb.client.model.Aggregates.unwind;
import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Sorts.ascending;
import static com.mongodb.client.model.Sorts.descending;
import static com.mongodb.client.model.Sorts.orderBy;

import com.mongodb.MongoException;
import dev.orderflow.platform.mongo.MongoConnection;
import dev.orderflow.platform.problem.DependencyUnavailable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Decimal128;

/**
 * Sales analytics, aggregated by MongoDB from the order facts the analytics consumer keeps. Days are UTC days of the
 * order's placement; an order counts under its latest known status.
 */
@ApplicationScoped
public class AnalyticsService {

    @Inject
    MongoConnection mongo;

    public record StatusCount(String day, String status, long orders, BigDecimal amount) {
    }

    public record DayRevenue(String day, long orders, BigDecimal revenue) {
    }

    public record TopProduct(String productId, String sku, long quantity, BigDecimal revenue) {
    }

    public record ViewedProduct(String productId, long views) {
    }

    public record SalesReport(LocalDate from, LocalDate to, List<StatusCount> ordersByDayAndStatus,
            List<DayRevenue> revenueByDay, List<TopProduct> topProducts, List<ViewedProduct> mostViewed) {
    }

    public SalesReport sales(LocalDate from, LocalDate to, int top) {
        try {
            var facts = mongo.database().getCollection(AnalyticsEventHandler.COLLECTION);
            List<Bson> latestPerOrder = List.of(sort(ascending("occurredAt")),
                    group("$orderId", first("day", "$day"), last("status", "$status"), first("total", "$total")),
                    match(and(gte("day", from.toString()), lte("day", to.toString()))));

            var byStatus = new ArrayList<StatusCount>();
            var pipeline = new ArrayList<>(latestPerOrder);
            pipeline.add(group(new Document("day", "$day").append("status", "$status"), sum("orders", 1),
                    sum("amount", "$total")));
            pipeline.add(sort(orderBy(ascending("_id.day"), ascending("_id.status"))));
            for (Document d : facts.aggregate(pipeline)) {
                Document id = d.get("_id", Document.class);
                byStatus.add(new StatusCount(id.getString("day"), id.getString("status"), count(d.get("orders")),
                        money(d.get("amount"))));
            }

            var revenue = new ArrayList<DayRevenue>();
            pipeline = new ArrayList<>(latestPerOrder);
            pipeline.add(match(ne("status", "cancelled")));
            pipeline.add(group("$day", sum("orders", 1), sum("revenue", "$total")));
            pipeline.add(sort(ascending("_id")));
            for (Document d : facts.aggregate(pipeline)) {
                revenue.add(new DayRevenue(d.getString("_id"), count(d.get("orders")), money(d.get("revenue"))));
            }

            var products = new ArrayList<TopProduct>();
            for (Document d : facts.aggregate(List.of(
                    match(and(eq("type", "order.created"), gte("day", from.toString()), lte("day", to.toString()))),
                    unwind("$lines"),
                    group("$lines.productId", first("sku", "$lines.sku"), sum("quantity", "$lines.quantity"),
                            sum("revenue", "$lines.revenue")),
                    sort(orderBy(descending("quantity"), ascending("_id"))), limit(top)))) {
                products.add(new TopProduct(d.getString("_id"), d.getString("sku"), count(d.get("quantity")),
                        money(d.get("revenue"))));
            }
            var viewed = new ArrayList<ViewedProduct>();
            for (Document d : mongo.database().getCollection(AnalyticsEventHandler.VIEWS)
                    .aggregate(List.of(match(and(gte("day", from.toString()), lte("day", to.toString()))),
                            group("$productId", sum("views", new Document("$ifNull", List.of("$views", 1)))),
                            sort(orderBy(descending("views"), ascending("_id"))), limit(top)))) {
                viewed.add(new ViewedProduct(d.getString("_id"), count(d.get("views"))));
            }
            return new SalesReport(from, to, byStatus, revenue, products, viewed);
        } catch (MongoException e) {
            throw new DependencyUnavailable("mongodb", e);
        }
    }

    private static long count(Object value) {
        return ((Number) value).longValue();
    }

    private static BigDecimal money(Object value) {
        BigDecimal amount = value instanceof Decimal128 d ? d.bigDecimalValue()
                : value instanceof Number n ? new BigDecimal(n.toString()) : BigDecimal.ZERO;
        return amount.setScale(2, RoundingMode.HALF_UP);
    }
}
