package dev.orderflow.order.history;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.MongoException;
import com.mongodb.ReadConcern;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import dev.orderflow.order.application.OrderView;
import dev.orderflow.order.domain.Order;
import dev.orderflow.order.domain.ShippingAddress;
import dev.orderflow.platform.mongo.MongoConnection;
import dev.orderflow.platform.problem.DependencyUnavailable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import org.bson.Document;
import org.bson.types.Decimal128;

/**
 * The order history in MongoDB ({@code order_history}, the seeds' document: order_id, user_id, total_amount, status,
 * items, created_at, completed_at, metadata), one document per archived order with the order id as its id.
 */
@ApplicationScoped
public class OrderHistory {

    public static final String COLLECTION = "order_history";
    private static final Logger LOG = Logger.getLogger(OrderHistory.class.getName());

    @Inject
    MongoConnection mongo;

    private volatile boolean indexed;

    /** Writes (or overwrites) the order's document, acknowledged by a majority, journaled; safe to repeat. */
    public void store(Order order) {
        collection().withWriteConcern(WriteConcern.MAJORITY.withJournal(true))
                .replaceOne(eq("_id", order.id().toString()), toDocument(order), new ReplaceOptions().upsert(true));
    }

    /** True if the stored document says exactly what the order says (id, customer, status, total, lines). */
    public boolean matches(Order order) {
        Document stored = collection().withReadConcern(ReadConcern.MAJORITY).find(eq("_id", order.id().toString()))
                .first();
        if (stored == null) {
            return false;
        }
        OrderView view = toView(stored);
        OrderView expected = OrderView.of(order);
        return view.customerId().equals(expected.customerId()) && view.status().equals(expected.status())
                && view.total().compareTo(expected.total()) == 0 && lines(view).equals(lines(expected))
                && view.history().size() == expected.history().size();
    }

    /** Lines as product, quantity and price (scale-free), in product order. */
    private static List<String> lines(OrderView order) {
        return order.lines().stream()
                .map(l -> l.productId() + "x" + l.quantity() + "@" + l.unitPrice().stripTrailingZeros().toPlainString())
                .sorted().toList();
    }

    public Optional<OrderView> find(UUID orderId) {
        try {
            return Optional.ofNullable(collection().find(eq("_id", orderId.toString())).first())
                    .map(OrderHistory::toView);
        } catch (MongoException e) {
            throw new DependencyUnavailable("mongodb", e);
        }
    }

    /** The customer's first {@code limit} archived orders, newest first. */
    public List<OrderView> ofCustomer(UUID customer, int limit) {
        try {
            var views = new ArrayList<OrderView>();
            collection().find(eq("user_id", customer.toString())).sort(Sorts.descending("created_at")).limit(limit)
                    .forEach(d -> views.add(toView(d)));
            return views;
        } catch (MongoException e) {
            throw new DependencyUnavailable("mongodb", e);
        }
    }

    public long countOfCustomer(UUID customer) {
        try {
            return collection().countDocuments(eq("user_id", customer.toString()));
        } catch (MongoException e) {
            throw new DependencyUnavailable("mongodb", e);
        }
    }

    public long count() {
        try {
            return collection().countDocuments();
        } catch (MongoException e) {
            throw new DependencyUnavailable("mongodb", e);
        }
    }

    private MongoCollection<Document> collection() {
        MongoCollection<Document> collection = mongo.database().getCollection(COLLECTION);
        if (!indexed) {
            try {
                collection.createIndex(
                        Indexes.compoundIndex(Indexes.ascending("user_id"), Indexes.descending("created_at")),
                        new IndexOptions().name("user_created"));
            } catch (MongoException e) {
                LOG.fine(() -> "order_history index not created: " + e);
            }
            indexed = true;
        }
        return collection;
    }

    static Document toDocument(Order order) {
        var items = new ArrayList<Document>();
        order.lines()
                .forEach(l -> items.add(new Document("product_id", l.productId().toString()).append("sku", l.sku())
                        .append("name", l.productName()).append("quantity", l.quantity())
                        .append("price", new Decimal128(l.priceAtPurchase()))));
        var history = new ArrayList<Document>();
        order.history().forEach(c -> history.add(new Document("from", c.from() == null ? null : c.from().externalName())
                .append("to", c.to().externalName()).append("by", c.changedBy()).append("at", date(c.changedAt()))));
        ShippingAddress a = order.shippingAddress();
        Document address = a == null ? null : new Document("street", a.street()).append("city", a.city())
                .append("state", a.state()).append("zip_code", a.zipCode()).append("country", a.country());
        return new Document("_id", order.id().toString()).append("order_id", order.id().toString())
                .append("user_id", order.customerId().toString()).append("total_amount", new Decimal128(order.total()))
                .append("status", order.status().externalName()).append("items", items)
                .append("created_at", date(order.createdAt())).append("completed_at", date(order.updatedAt()))
                .append("shipping_address", address).append("history", history)
                .append("metadata",
                        new Document("payment_method", order.paymentMethod()).append("payment_id",
                                order.paymentId() == null ? null : order.paymentId().toString()))
                .append("archived_at", new Date());
    }

    static OrderView toView(Document d) {
        var lines = new ArrayList<OrderView.Line>();
        for (Document item : d.getList("items", Document.class)) {
            lines.add(new OrderView.Line(UUID.fromString(item.getString("product_id")), item.getString("sku"),
                    item.getString("name"), item.getInteger("quantity"), decimal(item.get("price"))));
        }
        var history = new ArrayList<OrderView.Change>();
        for (Document c : d.getList("history", Document.class, List.of())) {
            history.add(new OrderView.Change(c.getString("from"), c.getString("to"), c.getString("by"),
                    offset(c.getDate("at"))));
        }
        Document a = d.get("shipping_address", Document.class);
        ShippingAddress address = a == null ? null : new ShippingAddress(a.getString("street"), a.getString("city"),
                a.getString("state"), a.getString("zip_code"), a.getString("country"));
        Document metadata = d.get("metadata", Document.class);
        String paymentId = metadata == null ? null : metadata.getString("payment_id");
        return new OrderView(UUID.fromString(d.getString("order_id")), UUID.fromString(d.getString("user_id")),
                d.getString("status"), decimal(d.get("total_amount")), address, lines, history,
                offset(d.getDate("created_at")), metadata == null ? null : metadata.getString("payment_method"),
                paymentId == null ? null : UUID.fromString(paymentId), true);
    }

    private static BigDecimal decimal(Object value) {
        return value instanceof Decimal128 d ? d.bigDecimalValue() : new BigDecimal(value.toString());
    }

    private static Date date(OffsetDateTime at) {
        return Date.from(at.toInstant());
    }

    private static OffsetDateTime offset(Date date) {
        return date.toInstant().atOffset(ZoneOffset.UTC);
    }
}
