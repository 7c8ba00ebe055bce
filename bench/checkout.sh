#!/usr/bin/env bash
# Checkout benchmark: the application's checkout through nginx (three databases, XA two-phase commit)
# against the same writes as one local transaction in one PostgreSQL database (pgbench), on the same
# machine in the same run, with the same number of clients, all buying one hot product.
# Usage: bench/checkout.sh [CLIENTS=16] [SECONDS=20]
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO"
CLIENTS=${1:-16}
SECONDS_RUN=${2:-20}
STACK_DIR=${STACK_DIR:-$REPO/.stack}
PG_PORT=${PG_PORT:-5433}
NGINX_PORT=${NGINX_PORT:-8000}

bin/stack up >/dev/null
echo "[bench] building the EAR (mvn package)"
mvn -B -q package -DskipTests
export PGPASSWORD
PGPASSWORD=$(cat "$STACK_DIR/secrets/db.password")
psql_products() { psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U orderflow -d products_db "$@"; }

echo "[bench] restarting the node with rate limits raised for the benchmark clients"
bin/stack stop wildfly >/dev/null
RATE_LIMIT_PER_CUSTOMER=100000000 RATE_LIMIT_ANONYMOUS_PER_IP=100000000 bin/stack start wildfly >/dev/null
for i in $(seq 180); do
  curl -sf -o /dev/null "http://127.0.0.1:$NGINX_PORT/api/health/ready" && break
  [[ $i == 180 ]] && { echo "[bench] node not ready" >&2; exit 1; }
  sleep 1
done

product=$(psql_products -tA -c "
  INSERT INTO products (id, sku, name, price) VALUES (gen_random_uuid(), 'BENCH-' || gen_random_uuid(), 'Benchmark item', 1.00)
  RETURNING id" | head -1)
psql_products -c "
  INSERT INTO warehouses (id, code, name) VALUES (gen_random_uuid(), 'BENCH-' || gen_random_uuid(), 'Bench') ;
  INSERT INTO inventory (product_id, warehouse_id, quantity)
  SELECT '$product', id, 10000000 FROM warehouses WHERE name = 'Bench' ORDER BY id DESC LIMIT 1"

echo "[bench] application checkout: $CLIENTS clients, ${SECONDS_RUN}s after a 5 s warm-up"
app=$(java bench/CheckoutBenchmark.java "http://127.0.0.1:$NGINX_PORT" "$product" "$CLIENTS" "$SECONDS_RUN")
echo "$app" | grep -v '^THROUGHPUT'
app_tps=$(echo "$app" | sed -n 's/^THROUGHPUT //p')

echo "[bench] raw PostgreSQL: the same writes as one local transaction (pgbench, $CLIENTS clients)"
# tables of their own in a schema "bench" of orders_db, same server, same settings
export PGOPTIONS="-c search_path=bench"
psql -X -q -v ON_ERROR_STOP=1 -v client_min_messages=warning -h 127.0.0.1 -p "$PG_PORT" -U orderflow -d orders_db <<'SQL'
SET client_min_messages = warning;
CREATE SCHEMA IF NOT EXISTS bench;
DROP TABLE IF EXISTS inventory, idempotency_keys, orders, order_items, order_status_history, outbox_events;
CREATE TABLE inventory (product_id int PRIMARY KEY, quantity int NOT NULL CHECK (quantity >= 0));
INSERT INTO inventory VALUES (1, 100000000);
CREATE TABLE idempotency_keys (customer_id bigint, key text, PRIMARY KEY (customer_id, key));
CREATE TABLE orders (id uuid PRIMARY KEY, user_id bigint, total_amount numeric(10,2), status varchar(20),
                     created_at timestamptz DEFAULT now());
CREATE TABLE order_items (id uuid PRIMARY KEY, order_id uuid REFERENCES orders, product_id int, quantity int,
                          price_at_purchase numeric(10,2));
CREATE TABLE order_status_history (id uuid PRIMARY KEY, order_id uuid REFERENCES orders, to_status varchar(20),
                                   changed_at timestamptz DEFAULT now());
CREATE TABLE outbox_events (id uuid PRIMARY KEY, aggregate_id uuid, payload jsonb, occurred_at timestamptz DEFAULT now());
SQL
raw=$(pgbench -h 127.0.0.1 -p "$PG_PORT" -U orderflow -n -c "$CLIENTS" -j 2 -T "$SECONDS_RUN" \
  -f bench/raw-checkout.sql orders_db 2>&1)
raw_tps=$(echo "$raw" | sed -n 's/^tps = \([0-9.]*\).*/\1/p')
raw_latency=$(echo "$raw" | sed -n 's/^latency average = \(.*\)$/\1/p')
[[ -n $raw_tps ]] || { echo "$raw" >&2; exit 1; }
echo "raw PostgreSQL (one database, local commit): throughput=${raw_tps}/s latency average=${raw_latency}"
awk -v a="$app_tps" -v r="$raw_tps" 'BEGIN { printf "ratio application/raw = %.2f\n", a / r }'
echo "[bench] the node keeps the raised rate limits until restarted (bin/run restarts it with the defaults)"
