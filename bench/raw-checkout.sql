-- The same writes as one checkout (stock, order, line, status history, idempotency key, outbox row),
-- as one local transaction in one database: the raw-database baseline for bench/checkout.sh.
\set customer random(1, 1000000000)
BEGIN;
SELECT quantity FROM inventory WHERE product_id = 1 FOR UPDATE;
UPDATE inventory SET quantity = quantity - 1 WHERE product_id = 1;
INSERT INTO idempotency_keys (customer_id, key) VALUES (:customer, md5(random()::text)) ON CONFLICT DO NOTHING;
WITH o AS (
    INSERT INTO orders (id, user_id, total_amount, status) VALUES (gen_random_uuid(), :customer, 1.00, 'pending')
    RETURNING id
), line AS (
    INSERT INTO order_items (id, order_id, product_id, quantity, price_at_purchase)
    SELECT gen_random_uuid(), id, 1, 1, 1.00 FROM o
), history AS (
    INSERT INTO order_status_history (id, order_id, to_status) SELECT gen_random_uuid(), id, 'pending' FROM o
)
INSERT INTO outbox_events (id, aggregate_id, payload) SELECT gen_random_uuid(), id, '{"type":"order.created"}' FROM o;
COMMIT;
