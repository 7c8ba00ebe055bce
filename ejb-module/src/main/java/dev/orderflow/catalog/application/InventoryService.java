package dev.orderflow.catalog.application;

import dev.orderflow.platform.id.Uuids;
import dev.orderflow.platform.sql.MultiRowInsert;
import dev.orderflow.platform.sql.MultiRowUpdate;
import dev.orderflow.platform.sql.Placeholders;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Takes and gives back stock (products_db) inside the caller's JTA transaction.
 * <p>
 * Correctness rests on the database alone: the inventory rows of every product of an order are locked (SELECT ... FOR
 * UPDATE) in one fixed order, product id then warehouse id, so concurrent checkouts queue instead of overselling and
 * cannot deadlock; CHECK constraints refuse negative stock as a last line. Every change is recorded in stock_movements,
 * which is what a cancellation gives back.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class InventoryService {

    private static final MultiRowUpdate TAKE = MultiRowUpdate.of(
            "inventory i SET quantity = i.quantity - v.quantity, updated_at = now()",
            "product_id uuid, warehouse_id uuid, quantity integer",
            "i.product_id = v.product_id AND i.warehouse_id = v.warehouse_id");
    private static final MultiRowInsert MOVEMENTS = MultiRowInsert.into("stock_movements",
            "id uuid, order_id uuid, product_id uuid, warehouse_id uuid, delta integer, reason text");

    @PersistenceContext(unitName = "catalog")
    EntityManager catalog;

    @Inject
    Event<StockChanged> stockChanges;

    /**
     * The products an order buys, as they are sold now. Their rows stay share-locked until the caller's transaction
     * ends, so a price change or a deactivation waits for the order instead of slipping in between.
     *
     * @throws ProductNotAvailable
     *             if a product does not exist or is inactive
     */
    public SortedMap<UUID, ProductForSale> productsForSale(Set<UUID> ids) {
        SortedMap<UUID, ProductForSale> forSale = forSale(ids);
        ids.stream().filter(id -> !forSale.containsKey(id)).sorted().findFirst().ifPresent(id -> {
            throw new ProductNotAvailable(id);
        });
        return forSale;
    }

    /**
     * The products among {@code ids} that are for sale now, share-locked like {@link #productsForSale}; one missing
     * from the answer is unknown or inactive.
     */
    public SortedMap<UUID, ProductForSale> forSale(Set<UUID> ids) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = catalog
                .createNativeQuery(
                        """
                                SELECT id, sku, name, active, price FROM products WHERE id IN (SELECT unnest(cast(?1 AS uuid[]))) ORDER BY id FOR SHARE
                                """)
                .setParameter(1, Placeholders.uuidArray(ids)).getResultList();
        var forSale = new TreeMap<UUID, ProductForSale>();
        rows.stream().filter(row -> (Boolean) row[3]).forEach(row -> forSale.put((UUID) row[0],
                new ProductForSale((UUID) row[0], (String) row[1], (String) row[2], (BigDecimal) row[4])));
        return forSale;
    }

    /**
     * Takes {@code quantities} (product id to quantity) of the {@code products} read by {@link #productsForSale} for an
     * order, from the warehouses with the most available stock first. Call it last in the transaction: its row locks
     * are held until the commit, and every statement before it is time other orders of the same product do not wait.
     *
     * @throws InsufficientStock
     *             if a product's available stock, all warehouses together, is too low
     */
    public List<StockTaken> takeStock(UUID orderId, Map<UUID, Integer> quantities, Map<UUID, ProductForSale> products) {
        SortedMap<UUID, Integer> ordered = new TreeMap<>(quantities);
        Map<UUID, List<Object[]>> stock = lockInventory(ordered.keySet());
        var taken = new ArrayList<StockTaken>();
        for (var line : ordered.entrySet()) {
            ProductForSale product = products.get(line.getKey());
            if (product == null) {
                throw new ProductNotAvailable(line.getKey());
            }
            long left = allocate(orderId, line.getKey(), line.getValue(), stock.getOrDefault(line.getKey(), List.of()));
            taken.add(new StockTaken(line.getKey(), product.sku(), product.name(), product.price(), line.getValue(),
                    left));
        }
        stockChanges.fire(new StockChanged(Set.copyOf(ordered.keySet())));
        return taken;
    }

    /**
     * Takes the stock of several orders at once, for orders combined into one transaction (see
     * {@code CheckoutBatcher}): the inventory rows of all their products are locked once, in the same fixed order as
     * {@link #takeStock}, the orders are served one after another in the given order from what the rows hold, and the
     * stock leaves with one statement per warehouse row and one for all the movements. An order whose stock does not
     * suffice takes nothing and is missing from the answer; nothing is taken for it.
     *
     * @param orders
     *            each order's id and quantities by product, in the order they are to be served
     * @param products
     *            the products, as {@link #forSale} returned them; every ordered product must be among them
     *
     * @return the stock taken for each order that got all of its lines
     */
    public Map<UUID, List<StockTaken>> takeStockTogether(Map<UUID, Map<UUID, Integer>> orders,
            Map<UUID, ProductForSale> products) {
        var productIds = new java.util.TreeSet<UUID>();
        orders.values().forEach(quantities -> productIds.addAll(quantities.keySet()));
        Map<UUID, List<Object[]>> stock = productIds.isEmpty() ? Map.of() : lockInventory(productIds);
        // what each locked row still holds while the orders are served, by product then warehouse
        var left = new TreeMap<UUID, java.util.LinkedHashMap<UUID, Long>>();
        stock.forEach((product, rows) -> {
            var byWarehouse = new java.util.LinkedHashMap<UUID, Long>();
            rows.forEach(row -> byWarehouse.put((UUID) row[0], ((Number) row[1]).longValue()));
            left.put(product, byWarehouse);
        });
        var taken = new java.util.LinkedHashMap<UUID, List<StockTaken>>();
        var movements = new ArrayList<Object[]>(); // order, product, warehouse, quantity
        for (var order : orders.entrySet()) {
            var lines = new TreeMap<>(order.getValue());
            boolean enough = lines.entrySet().stream()
                    .allMatch(line -> available(left.get(line.getKey())) >= line.getValue());
            if (!enough) {
                continue;
            }
            var orderTaken = new ArrayList<StockTaken>();
            for (var line : lines.entrySet()) {
                var warehouses = left.get(line.getKey());
                for (var take : split(warehouses, line.getValue()).entrySet()) {
                    warehouses.merge(take.getKey(), (long) -take.getValue(), Long::sum);
                    movements.add(new Object[] { order.getKey(), line.getKey(), take.getKey(), take.getValue() });
                }
                ProductForSale product = products.get(line.getKey());
                orderTaken.add(new StockTaken(line.getKey(), product.sku(), product.name(), product.price(),
                        line.getValue(), available(warehouses)));
            }
            taken.put(order.getKey(), orderTaken);
        }
        if (!movements.isEmpty()) {
            takeAll(movements);
            stockChanges.fire(new StockChanged(Set.copyOf(productIds)));
        }
        return taken;
    }

    private static long available(Map<UUID, Long> warehouses) {
        return warehouses == null ? 0 : warehouses.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The movements' stock leaves in two statements: the rows' quantities, then every movement. */
    private void takeAll(List<Object[]> movements) {
        var byRow = new TreeMap<String, Object[]>(); // product/warehouse -> product, warehouse, total
        for (Object[] m : movements) {
            byRow.merge(m[1] + "/" + m[2], new Object[] { m[1], m[2], m[3] },
                    (a, b) -> new Object[] { a[0], a[1], (Integer) a[2] + (Integer) b[2] });
        }
        var values = new ArrayList<Object>(byRow.size() * 3);
        byRow.values().forEach(row -> values.addAll(List.of(row)));
        TAKE.update(catalog, values);
        values.clear();
        for (Object[] m : movements) {
            values.addAll(List.of(Uuids.next(), m[0], m[1], m[2], -(Integer) m[3], "order"));
        }
        MOVEMENTS.insert(catalog, values);
    }

    /** Gives back exactly what {@link #takeStock} took for the order; a second call gives nothing. */
    public void releaseStock(UUID orderId) {
        // lock in the same fixed order as takeStock, so releases and checkouts cannot deadlock
        @SuppressWarnings("unchecked")
        List<UUID> locked = catalog.createNativeQuery("""
                SELECT i.product_id FROM inventory i
                WHERE (i.product_id, i.warehouse_id) IN
                      (SELECT product_id, warehouse_id FROM stock_movements WHERE order_id = ?1)
                ORDER BY i.product_id, i.warehouse_id FOR UPDATE
                """).setParameter(1, orderId).getResultList();
        catalog.createNativeQuery("""
                WITH taken AS (
                    SELECT product_id, warehouse_id, -delta AS quantity FROM stock_movements
                    WHERE order_id = ?1 AND reason = 'order'
                      AND NOT EXISTS (SELECT 1 FROM stock_movements c
                                      WHERE c.order_id = ?1 AND c.reason = 'cancellation')
                    ORDER BY product_id, warehouse_id
                ), restored AS (
                    UPDATE inventory i SET quantity = i.quantity + t.quantity, updated_at = now()
                    FROM taken t WHERE i.product_id = t.product_id AND i.warehouse_id = t.warehouse_id
                    RETURNING i.product_id, i.warehouse_id, t.quantity
                )
                INSERT INTO stock_movements (id, order_id, product_id, warehouse_id, delta, reason)
                SELECT gen_random_uuid(), ?1, product_id, warehouse_id, quantity, 'cancellation' FROM restored
                """).setParameter(1, orderId).executeUpdate();
        stockChanges.fire(new StockChanged(Set.copyOf(locked)));
    }

    /** Takes the quantity and returns the product's available stock left. */
    private long allocate(UUID orderId, UUID productId, int quantity, List<Object[]> warehouses) {
        var byWarehouse = new java.util.LinkedHashMap<UUID, Long>();
        warehouses.forEach(w -> byWarehouse.put((UUID) w[0], ((Number) w[1]).longValue()));
        long available = available(byWarehouse);
        if (available < quantity) {
            throw new InsufficientStock(productId, quantity, available);
        }
        split(byWarehouse, quantity).forEach((warehouse, take) -> take(orderId, productId, warehouse, take));
        return available - quantity;
    }

    /**
     * How a quantity is taken from a product's warehouses (which must hold enough): from the one holding most first,
     * then the next, so an order touches as few warehouse rows as it can.
     */
    private static Map<UUID, Integer> split(Map<UUID, Long> warehouses, int quantity) {
        var byMostAvailable = new ArrayList<>(warehouses.entrySet());
        byMostAvailable.sort((a, b) -> Long.compare(b.getValue(), a.getValue()));
        var takes = new java.util.LinkedHashMap<UUID, Integer>();
        int remaining = quantity;
        for (var warehouse : byMostAvailable) {
            if (remaining == 0) {
                break;
            }
            int take = (int) Math.min(remaining, warehouse.getValue());
            if (take > 0) {
                takes.put(warehouse.getKey(), take);
                remaining -= take;
            }
        }
        return takes;
    }

    private void take(UUID orderId, UUID productId, UUID warehouseId, int quantity) {
        // one round trip while the row is locked: the update and its movement in one statement
        catalog.createNativeQuery("""
                WITH taken AS (
                    UPDATE inventory SET quantity = quantity - ?5, updated_at = now()
                    WHERE product_id = ?3 AND warehouse_id = ?4
                    RETURNING product_id, warehouse_id
                )
                INSERT INTO stock_movements (id, order_id, product_id, warehouse_id, delta, reason)
                SELECT ?1, ?2, product_id, warehouse_id, -cast(?5 AS integer), 'order' FROM taken
                """).setParameter(1, Uuids.next()).setParameter(2, orderId).setParameter(3, productId)
                .setParameter(4, warehouseId).setParameter(5, quantity).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    private Map<UUID, List<Object[]>> lockInventory(java.util.Set<UUID> ids) {
        List<Object[]> rows = catalog.createNativeQuery("""
                SELECT product_id, warehouse_id, quantity - reserved_quantity FROM inventory
                WHERE product_id IN (SELECT unnest(cast(?1 AS uuid[]))) ORDER BY product_id, warehouse_id FOR UPDATE
                """).setParameter(1, Placeholders.uuidArray(ids)).getResultList();
        var byProduct = new TreeMap<UUID, List<Object[]>>();
        rows.forEach(row -> byProduct.computeIfAbsent((UUID) row[0], k -> new ArrayList<>())
                .add(new Object[] { row[1], row[2] }));
        return byProduct;
    }
}
