package dev.orderflow.order.application;

import dev.orderflow.platform.id.Uuids;
import dev.orderflow.customer.application.AddressNotFound;
import dev.orderflow.catalog.application.InventoryService;
import dev.orderflow.customer.domain.PostalAddress;
import dev.orderflow.order.domain.Order;
import dev.orderflow.order.domain.OrderLineDraft;
import dev.orderflow.order.domain.ShippingAddress;
import dev.orderflow.order.infrastructure.IdempotencyKeys;
import dev.orderflow.order.infrastructure.OrderRows;
import dev.orderflow.order.history.OrderHistory;
import dev.orderflow.order.infrastructure.Outbox;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import dev.orderflow.catalog.application.ProductForSale;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.metrics.annotation.Counted;
import org.eclipse.microprofile.metrics.annotation.Timed;

/** Takes orders. */
@Stateless
public class CheckoutService {

    @PersistenceContext(unitName = "order")
    EntityManager orders;

    @EJB
    InventoryService inventory;

    @Inject
    IdempotencyKeys idempotencyKeys;

    @Inject
    Outbox outbox;

    @Inject
    OrderHistory history;

    @Inject
    OrderRows orderRows;

    /**
     * Places an order exactly once per idempotency key, in ONE JTA transaction across orders_db (key, order, lines,
     * status history, outbox rows for {@code order.created} and {@code inventory.reserved}) and products_db (stock
     * taken under row locks); the shipping address comes with the command, read before. Nothing slow or remote runs
     * inside it. The stock is taken last, so its row locks (the limit for one popular product) are held only for the
     * stock statements, one outbox row and the two-phase commit (docs/performance.md, "Hot item").
     * <p>
     * A request repeating an earlier key with the same request hash returns the order it placed, marked as replayed;
     * concurrent requests with one key wait for each other on the key's index.
     *
     * @throws IdempotencyKeyReused
     *             when the key was used for a different request
     * @throws dev.orderflow.catalog.application.InsufficientStock
     *             when a product lacks stock; nothing changes
     */
    @Timed(name = "checkout.duration", absolute = true, description = "Time to place an order")
    @Counted(name = "checkout.requests", absolute = true, description = "Checkout attempts")
    public PlacedOrder placeOrder(PlaceOrder command) {
        UUID orderId = Uuids.next();
        Optional<UUID> earlier = idempotencyKeys.claimOrFind(command.customerId(), command.idempotencyKey(),
                command.requestHash(), orderId);
        if (earlier.isPresent()) {
            Order placed = orders.find(Order.class, earlier.get());
            // a key outlives its order's move to the history: replay from there
            return new PlacedOrder(placed != null ? OrderView.of(placed)
                    : history.find(earlier.get()).orElseThrow(() -> new OrderNotFound(earlier.get())), true);
        }
        if (command.quantities().isEmpty()) {
            throw new EmptyCart(); // after the claim: a retry of an order placed from a now-empty cart replays
        }
        if (command.shipTo() == null) {
            throw new AddressNotFound(command.shippingAddressId()); // after the claim, like the empty cart
        }
        var products = inventory.productsForSale(command.quantities().keySet());
        Order order = draft(orderId, command, products);
        orders.persist(order);
        outbox.append(order, command.correlationId());
        orders.flush(); // everything of orders_db written before the stock rows are locked
        // stock last: from the row locks to the commit only the stock statements and one outbox row remain, which is
        // what bounds the orders per second of one product
        var taken = inventory.takeStock(orderId, command.quantities(), products);
        outbox.appendInventoryReserved(order, taken, command.correlationId());
        return new PlacedOrder(OrderView.of(order), false);
    }

    /**
     * Places several orders in ONE transaction (group commit; see {@link CheckoutBatcher}): one key claim, one product
     * read, one stock lock and take, one flush and one two-phase commit for all of them. Only orders that place cleanly
     * are placed here; any other (a key seen before, an empty cart, no address, a product not for sale, an order too
     * large, stock short) is left out, with no trace in this transaction, for {@link #placeOrder} to place or refuse on
     * its own, exactly as if it had come alone.
     *
     * @return for each command, in order, the order placed, or null where the command is to be placed alone
     */
    public List<PlacedOrder> placeTogether(List<PlaceOrder> commands) {
        var placed = new ArrayList<PlacedOrder>(java.util.Collections.nCopies(commands.size(), null));
        var ids = new ArrayList<UUID>(java.util.Collections.nCopies(commands.size(), null));
        var claims = new ArrayList<IdempotencyKeys.Claim>();
        var keys = new java.util.HashSet<String>();
        for (int i = 0; i < commands.size(); i++) {
            PlaceOrder command = commands.get(i);
            // a second command with the same key is left to replay after this transaction
            if (!command.quantities().isEmpty() && command.shipTo() != null
                    && keys.add(command.customerId() + "\n" + command.idempotencyKey())) {
                ids.set(i, Uuids.next());
                claims.add(new IdempotencyKeys.Claim(command.customerId(), command.idempotencyKey(),
                        command.requestHash(), ids.get(i)));
            }
        }
        var claimed = idempotencyKeys.claimAll(claims);
        var productIds = new java.util.TreeSet<UUID>();
        for (int i = 0; i < commands.size(); i++) {
            if (claimed.contains(ids.get(i))) {
                productIds.addAll(commands.get(i).quantities().keySet());
            }
        }
        var products = productIds.isEmpty() ? java.util.Map.<UUID, ProductForSale> of() : inventory.forSale(productIds);
        var drafts = new java.util.LinkedHashMap<UUID, Order>();
        var quantities = new java.util.LinkedHashMap<UUID, java.util.Map<UUID, Integer>>();
        for (int i = 0; i < commands.size(); i++) {
            PlaceOrder command = commands.get(i);
            if (claimed.contains(ids.get(i)) && products.keySet().containsAll(command.quantities().keySet())) {
                try {
                    drafts.put(ids.get(i), draft(ids.get(i), command, products));
                    quantities.put(ids.get(i), command.quantities());
                } catch (RuntimeException e) {
                    // refused by the order itself (too large, ...): placed alone, it gets its answer there
                }
            }
        }
        var taken = inventory.takeStockTogether(quantities, products);
        for (int i = 0; i < commands.size(); i++) {
            PlaceOrder command = commands.get(i);
            UUID id = ids.get(i);
            if (id == null || !claimed.contains(id)) {
                continue;
            }
            if (!drafts.containsKey(id) || !taken.containsKey(id)) {
                idempotencyKeys.release(new IdempotencyKeys.Claim(command.customerId(), command.idempotencyKey(),
                        command.requestHash(), id));
            }
        }
        // the orders, their lines, first statuses and events: one INSERT per table for the whole group
        var placedOrders = new ArrayList<Order>();
        var events = outbox.pending();
        for (int i = 0; i < commands.size(); i++) {
            PlaceOrder command = commands.get(i);
            UUID id = ids.get(i);
            Order order = id == null ? null : drafts.get(id);
            if (order == null || !taken.containsKey(id)) {
                continue;
            }
            placedOrders.add(order);
            events.append(order, command.correlationId());
            events.appendInventoryReserved(order, taken.get(id), command.correlationId());
            placed.set(i, new PlacedOrder(OrderView.of(order), false));
        }
        orderRows.insertAll(placedOrders);
        events.write();
        return placed;
    }

    private static Order draft(UUID orderId, PlaceOrder command, java.util.Map<UUID, ProductForSale> products) {
        PostalAddress postal = command.shipTo();
        var lines = command.quantities().keySet().stream().sorted().map(products::get)
                .map(p -> new OrderLineDraft(p.id(), p.sku(), p.name(), p.price(), command.quantities().get(p.id())))
                .toList();
        return Order.place(orderId, command.customerId(), command.shippingAddressId(),
                new ShippingAddress(postal.street(), postal.city(), postal.state(), postal.zipCode(), postal.country()),
                lines, PaymentMethods.orDefault(command.paymentMethod()), "customer:" + command.customerId());
    }
}
