package dev.orderflow.order.application;

import dev.orderflow.platform.id.Uuids;
import dev.orderflow.customer.application.AddressNotFound;
import dev.orderflow.catalog.application.InventoryService;
import dev.orderflow.customer.domain.PostalAddress;
import dev.orderflow.order.domain.Order;
import dev.orderflow.order.domain.OrderLineDraft;
import dev.orderflow.order.domain.ShippingAddress;
import dev.orderflow.order.infrastructure.IdempotencyKeys;
import dev.orderflow.order.history.OrderHistory;
import dev.orderflow.order.infrastructure.Outbox;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
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
        PostalAddress postal = command.shipTo();
        if (postal == null) {
            throw new AddressNotFound(command.shippingAddressId()); // after the claim, like the empty cart
        }
        var products = inventory.productsForSale(command.quantities().keySet());
        var lines = products.values().stream()
                .map(p -> new OrderLineDraft(p.id(), p.sku(), p.name(), p.price(), command.quantities().get(p.id())))
                .toList();
        Order order = Order.place(orderId, command.customerId(), command.shippingAddressId(),
                new ShippingAddress(postal.street(), postal.city(), postal.state(), postal.zipCode(), postal.country()),
                lines, PaymentMethods.orDefault(command.paymentMethod()), "customer:" + command.customerId());
        orders.persist(order);
        outbox.append(order, command.correlationId());
        orders.flush(); // everything of orders_db written before the stock rows are locked
        // stock last: from the row locks to the commit only the stock statements and one outbox row remain, which is
        // what bounds the orders per second of one product
        var taken = inventory.takeStock(orderId, command.quantities(), products);
        outbox.appendInventoryReserved(order, taken, command.correlationId());
        return new PlacedOrder(OrderView.of(order), false);
    }
}
