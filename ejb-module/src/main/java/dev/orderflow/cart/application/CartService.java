package dev.orderflow.cart.application;

import dev.orderflow.catalog.application.CatalogService;
import dev.orderflow.catalog.application.ProductAvailability;
import dev.orderflow.catalog.application.ProductNotAvailable;
import dev.orderflow.platform.problem.DependencyUnavailable;
import dev.orderflow.platform.redis.RedisConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import org.redisson.api.RMap;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * One cart per customer, kept in Redis ({@code cart:{customerId}}, a hash of product id to quantity) for 7 days after
 * its last change, so it survives application restarts and is shared by every node. Redis being down makes cart
 * requests fail fast with 503; checkout with explicit lines does not need it.
 */
@ApplicationScoped
public class CartService {

    public static final int MAX_LINES = 50;
    public static final int MAX_QUANTITY = 99;
    static final Duration TIME_TO_LIVE = Duration.ofDays(7);

    @Inject
    RedisConnection redis;

    @Inject
    CatalogService catalog;

    public CartView view(UUID customer) {
        return describe(quantities(customer));
    }

    /** Sets a product's quantity (1 to 99); the product must be on sale. */
    public CartView put(UUID customer, UUID productId, int quantity) {
        ProductAvailability product = catalog.availability(java.util.Set.of(productId)).get(productId);
        if (product == null || !product.active()) {
            throw new ProductNotAvailable(productId);
        }
        Map<UUID, Integer> lines = redis("cart.put", client -> {
            RMap<String, String> cart = cart(client, customer);
            if (!cart.containsKey(productId.toString()) && cart.size() >= MAX_LINES) {
                throw new CartLimitExceeded(MAX_LINES);
            }
            cart.fastPut(productId.toString(), Integer.toString(quantity));
            cart.expire(TIME_TO_LIVE);
            return read(cart);
        });
        return describe(lines);
    }

    public CartView remove(UUID customer, UUID productId) {
        return describe(redis("cart.remove", client -> {
            RMap<String, String> cart = cart(client, customer);
            cart.fastRemove(productId.toString());
            cart.expire(TIME_TO_LIVE);
            return read(cart);
        }));
    }

    public void clear(UUID customer) {
        redis("cart.clear", client -> cart(client, customer).delete());
    }

    /** Product id to quantity, for checkout. */
    public Map<UUID, Integer> quantities(UUID customer) {
        return redis("cart.read", client -> read(cart(client, customer)));
    }

    private CartView describe(Map<UUID, Integer> quantities) {
        Map<UUID, ProductAvailability> products = catalog.availability(quantities.keySet());
        var lines = quantities.entrySet().stream().map(entry -> {
            ProductAvailability p = products.get(entry.getKey());
            if (p == null) {
                return new CartView.Line(entry.getKey(), null, null, entry.getValue(), null, null, false);
            }
            BigDecimal subtotal = p.price().multiply(BigDecimal.valueOf(entry.getValue()));
            return new CartView.Line(p.id(), p.sku(), p.name(), entry.getValue(), p.price(), subtotal,
                    p.active() && p.available() >= entry.getValue());
        }).toList();
        BigDecimal total = lines.stream().map(CartView.Line::subtotal).filter(java.util.Objects::nonNull)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return new CartView(lines, total);
    }

    private static RMap<String, String> cart(RedissonClient client, UUID customer) {
        return client.getMap("cart:" + customer, StringCodec.INSTANCE);
    }

    private static Map<UUID, Integer> read(RMap<String, String> cart) {
        var lines = new TreeMap<UUID, Integer>();
        cart.readAllMap()
                .forEach((product, quantity) -> lines.put(UUID.fromString(product), Integer.valueOf(quantity)));
        return lines;
    }

    private <T> T redis(String operation, Function<RedissonClient, T> call) {
        try {
            return redis.call(operation, call);
        } catch (CartLimitExceeded e) {
            throw e;
        } catch (RuntimeException e) {
            throw new DependencyUnavailable("redis", e);
        }
    }
}
