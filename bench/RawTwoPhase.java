import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The raw limit of checkout's writes on this machine: what PostgreSQL alone allows for the same statements on the same
 * databases, committed the way the application must commit them, with nothing of the application in between.
 *
 * <pre>
 * java -cp postgresql.jar RawTwoPhase.java HOST:PORT USER PASSWORD CLIENTS SECONDS PRODUCTS LOGFILE [local]
 * </pre>
 *
 * Each client reads a shipping address from users_db (plain read, no branch), then per order opens a transaction in
 * products_db (lock the 1-3 inventory rows, take the stock, record the movements) and one in orders_db (idempotency
 * key, order, lines, status history, two outbox rows), prepares both ({@code PREPARE TRANSACTION}), appends the commit
 * decision to a coordinator log and forces it to disk, then {@code COMMIT PREPARED} both: two-phase commit as a
 * transaction manager does it. With {@code local} the same writes are two plain local commits instead (no prepare, no
 * log). The tables are copies of the application's ({@code LIKE ... INCLUDING ALL}) in a schema {@code bench}. Prints
 * one {@code RESULT} line (milliseconds).
 */
public class RawTwoPhase {

    public static void main(String[] args) throws Exception {
        String hostPort = args[0];
        String user = args[1];
        String password = args[2];
        int clients = Integer.parseInt(args[3]);
        int seconds = Integer.parseInt(args[4]);
        int productCount = Integer.parseInt(args[5]);
        Path log = Path.of(args[6]);
        boolean twoPhase = !(args.length > 7 && args[7].equals("local"));

        List<UUID> products = setUp(hostPort, user, password, productCount);
        UUID warehouse = UUID.nameUUIDFromBytes("bench".getBytes(StandardCharsets.UTF_8));
        var stop = new AtomicBoolean();
        var latencies = new ArrayList<long[]>();
        var threads = new ArrayList<Thread>();
        long[] errors = new long[clients];
        try (FileChannel coordinatorLog = FileChannel.open(log, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            for (int c = 0; c < clients; c++) {
                int client = c;
                long[] mine = new long[1 << 20];
                latencies.add(mine);
                var thread = new Thread(() -> {
                    try (Connection users = connect(hostPort, "users_db", user, password);
                            Connection catalog = connect(hostPort, "products_db", user, password);
                            Connection orders = connect(hostPort, "orders_db", user, password)) {
                        var order = new Order(users, catalog, orders, coordinatorLog, twoPhase);
                        int n = 0;
                        while (!stop.get()) {
                            long t0 = System.nanoTime();
                            try {
                                order.place(pick(products, productCount == 1 ? 1
                                        : 1 + ThreadLocalRandom.current().nextInt(3)), warehouse);
                                if (n < mine.length - 1) {
                                    mine[++n] = System.nanoTime() - t0;
                                }
                            } catch (SQLException | IOException e) {
                                errors[client]++;
                                if (errors[client] == 1) {
                                    System.err.println("[bench] raw 2PC error: " + e);
                                }
                                order.reset();
                            }
                        }
                        mine[0] = n;
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
                thread.start();
                threads.add(thread);
            }
            long start = System.nanoTime();
            Thread.sleep(seconds * 1000L);
            stop.set(true);
            for (var thread : threads) {
                thread.join();
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            long[] all = latencies.stream().flatMapToLong(l -> Arrays.stream(l, 1, (int) l[0] + 1)).sorted().toArray();
            System.out.printf("RESULT name=%s load=clients=%d requests=%d errors=%d seconds=%.1f throughput=%.1f "
                    + "p50=%.2f p95=%.2f p99=%.2f max=%.2f%n", twoPhase ? "raw_2pc" : "raw_local", clients, all.length,
                    Arrays.stream(errors).sum(), elapsed, all.length / elapsed, ms(all, .5), ms(all, .95), ms(all, .99),
                    ms(all, 1));
        }
    }

    /** One client's connections and statements. */
    static final class Order {
        private final Connection users;
        private final Connection catalog;
        private final Connection orders;
        private final FileChannel coordinatorLog;
        private final boolean twoPhase;
        private final PreparedStatement address;
        private final PreparedStatement lock;
        private final PreparedStatement take;
        private final PreparedStatement movement;
        private final PreparedStatement key;
        private final PreparedStatement order;
        private final PreparedStatement line;
        private final PreparedStatement history;
        private final PreparedStatement outbox;
        private final UUID customer = UUID.randomUUID();

        Order(Connection users, Connection catalog, Connection orders, FileChannel coordinatorLog, boolean twoPhase)
                throws SQLException {
            this.users = users;
            this.catalog = catalog;
            this.orders = orders;
            this.coordinatorLog = coordinatorLog;
            this.twoPhase = twoPhase;
            address = users.prepareStatement("SELECT street, city, zip_code, country FROM addresses WHERE id = "
                    + "(SELECT id FROM addresses ORDER BY id LIMIT 1) AND is_default IS NOT NULL");
            lock = catalog.prepareStatement("SELECT product_id, quantity - reserved_quantity FROM bench.inventory "
                    + "WHERE product_id = ANY (?) ORDER BY product_id, warehouse_id FOR UPDATE");
            take = catalog.prepareStatement("UPDATE bench.inventory SET quantity = quantity - ?, updated_at = now() "
                    + "WHERE product_id = ? AND warehouse_id = ?");
            movement = catalog.prepareStatement("INSERT INTO bench.stock_movements (id, order_id, product_id, "
                    + "warehouse_id, delta, reason) VALUES (?, ?, ?, ?, ?, 'order')");
            key = orders.prepareStatement("INSERT INTO bench.idempotency_keys (customer_id, key, request_hash, order_id) "
                    + "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING");
            order = orders.prepareStatement("INSERT INTO bench.orders (id, user_id, total_amount, status, ship_street, "
                    + "ship_city, ship_zip, ship_country) VALUES (?, ?, ?, 'pending', ?, ?, ?, ?)");
            line = orders.prepareStatement("INSERT INTO bench.order_items (id, order_id, product_id, quantity, "
                    + "price_at_purchase, sku, product_name) VALUES (?, ?, ?, ?, 1.00, 'SKU', 'Bench item')");
            history = orders.prepareStatement("INSERT INTO bench.order_status_history (id, order_id, to_status, "
                    + "changed_by) VALUES (?, ?, 'pending', 'customer')");
            outbox = orders.prepareStatement("INSERT INTO bench.outbox_events (id, aggregate_type, aggregate_id, "
                    + "event_type, event_version, payload) VALUES (?, 'order', ?, ?, 1, ?::jsonb)");
        }

        void place(List<UUID> products, UUID warehouse) throws SQLException, IOException {
            String[] shipTo = new String[4];
            try (var rs = address.executeQuery()) {
                if (rs.next()) {
                    for (int i = 0; i < 4; i++) {
                        shipTo[i] = rs.getString(i + 1);
                    }
                }
            }
            UUID orderId = UUID.randomUUID();
            execute(catalog, "BEGIN");
            lock.setArray(1, catalog.createArrayOf("uuid", products.toArray()));
            try (var rs = lock.executeQuery()) {
                while (rs.next()) {
                    if (rs.getLong(2) < 1) {
                        throw new SQLException("out of stock");
                    }
                }
            }
            for (UUID product : products) {
                take.setInt(1, 1);
                take.setObject(2, product);
                take.setObject(3, warehouse);
                take.addBatch();
                movement.setObject(1, UUID.randomUUID());
                movement.setObject(2, orderId);
                movement.setObject(3, product);
                movement.setObject(4, warehouse);
                movement.setInt(5, -1);
                movement.addBatch();
            }
            take.executeBatch();
            movement.executeBatch();

            execute(orders, "BEGIN");
            key.setObject(1, customer);
            key.setString(2, UUID.randomUUID().toString());
            key.setString(3, "0".repeat(64));
            key.setObject(4, orderId);
            key.executeUpdate();
            order.setObject(1, orderId);
            order.setObject(2, customer);
            order.setBigDecimal(3, java.math.BigDecimal.valueOf(products.size()));
            for (int i = 0; i < 4; i++) {
                order.setString(4 + i, shipTo[i]);
            }
            order.executeUpdate();
            for (UUID product : products) {
                line.setObject(1, UUID.randomUUID());
                line.setObject(2, orderId);
                line.setObject(3, product);
                line.setInt(4, 1);
                line.addBatch();
            }
            line.executeBatch();
            history.setObject(1, UUID.randomUUID());
            history.setObject(2, orderId);
            history.executeUpdate();
            for (String type : new String[] { "order.created", "inventory.reserved" }) {
                outbox.setObject(1, UUID.randomUUID());
                outbox.setObject(2, orderId);
                outbox.setString(3, type);
                outbox.setString(4, "{\"orderId\":\"" + orderId + "\",\"lines\":[]}");
                outbox.addBatch();
            }
            outbox.executeBatch();

            if (!twoPhase) {
                execute(catalog, "COMMIT");
                execute(orders, "COMMIT");
                return;
            }
            String gid = orderId.toString();
            execute(catalog, "PREPARE TRANSACTION 'p-" + gid + "'");
            execute(orders, "PREPARE TRANSACTION 'o-" + gid + "'");
            coordinatorLog.write(ByteBuffer.wrap(("commit " + gid + "\n").getBytes(StandardCharsets.US_ASCII)));
            coordinatorLog.force(false);
            execute(catalog, "COMMIT PREPARED 'p-" + gid + "'");
            execute(orders, "COMMIT PREPARED 'o-" + gid + "'");
        }

        void reset() {
            for (Connection connection : List.of(catalog, orders)) {
                try {
                    execute(connection, "ROLLBACK");
                } catch (SQLException ignored) {
                    // nothing open
                }
            }
        }
    }

    private static List<UUID> setUp(String hostPort, String user, String password, int productCount)
            throws SQLException {
        UUID warehouse = UUID.nameUUIDFromBytes("bench".getBytes(StandardCharsets.UTF_8));
        try (Connection catalog = connect(hostPort, "products_db", user, password);
                Connection orders = connect(hostPort, "orders_db", user, password)) {
            execute(catalog, "SET client_min_messages = warning");
            execute(catalog, "CREATE SCHEMA IF NOT EXISTS bench");
            execute(catalog, "DROP TABLE IF EXISTS bench.inventory, bench.stock_movements");
            for (String table : List.of("inventory", "stock_movements")) {
                execute(catalog, "CREATE TABLE bench." + table + " (LIKE public." + table + " INCLUDING ALL)");
            }
            execute(catalog, "INSERT INTO bench.inventory (product_id, warehouse_id, quantity) SELECT gen_random_uuid(), '"
                    + warehouse + "', 100000000 FROM generate_series(1, " + productCount + ")");
            execute(orders, "SET client_min_messages = warning");
            execute(orders, "CREATE SCHEMA IF NOT EXISTS bench");
            execute(orders, "DROP TABLE IF EXISTS bench.idempotency_keys, bench.orders, bench.order_items, "
                    + "bench.order_status_history, bench.outbox_events");
            for (String table : List.of("idempotency_keys", "orders", "order_items", "order_status_history",
                    "outbox_events")) {
                execute(orders, "CREATE TABLE bench." + table + " (LIKE public." + table + " INCLUDING ALL)");
            }
            var products = new ArrayList<UUID>();
            try (var rs = catalog.createStatement().executeQuery("SELECT product_id FROM bench.inventory")) {
                while (rs.next()) {
                    products.add((UUID) rs.getObject(1));
                }
            }
            return products;
        }
    }

    private static List<UUID> pick(List<UUID> from, int count) {
        var picked = new ArrayList<UUID>();
        while (picked.size() < count) {
            UUID product = from.get(ThreadLocalRandom.current().nextInt(from.size()));
            if (!picked.contains(product)) {
                picked.add(product);
            }
        }
        picked.sort(null);
        return picked;
    }

    private static Connection connect(String hostPort, String database, String user, String password)
            throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + hostPort + "/" + database, user, password);
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static double ms(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
        return sorted[Math.max(index, 0)] / 1e6;
    }
}
