#!/usr/bin/env bash
# Outbox relay benchmark: how fast the relay moves committed outbox rows to Kafka (rows/s draining a backlog,
# and commit-to-acknowledgement latency at a steady rate), against Kafka's own producer benchmark
# (org.apache.kafka.tools.ProducerPerformance, same broker, acks=all, idempotent, same record size) on the
# same machine in the same run.
# The rows are inventory.updated events for random products: the inventory group reads and ignores them,
# so no order, payment or analytics data is touched.
# Usage: bench/relay.sh [ROWS=20000] [RATE_PER_S=20] [SECONDS=20]
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO"
ROWS=${1:-20000}
RATE=${2:-20}
SECONDS_RUN=${3:-20}
STACK_DIR=${STACK_DIR:-$REPO/.stack}
PG_PORT=${PG_PORT:-5433}
KAFKA_PORT=${KAFKA_PORT:-9092}
HTTP_PORT=${HTTP_PORT:-8080}

bin/stack up >/dev/null
echo "[bench] building the EAR (mvn package) and restarting the node (rate limits raised for the admin's calls)"
mvn -B -q package -DskipTests
bin/stack stop wildfly >/dev/null
RATE_LIMIT_PER_CUSTOMER=100000000 bin/stack start wildfly >/dev/null
for i in $(seq 180); do
  curl -sf -o /dev/null "http://127.0.0.1:$HTTP_PORT/api/health/ready" && break
  [[ $i == 180 ]] && { echo "[bench] node not ready" >&2; exit 1; }
  sleep 1
done
export PGPASSWORD
PGPASSWORD=$(cat "$STACK_DIR/secrets/db.password")
sql() { psql -X -q -tA -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U orderflow -d orders_db "$@"; }
backlog() { sql -c "SELECT count(*) FROM outbox_events WHERE sent_at IS NULL"; }
wait_drained() {
  for _ in $(seq 6000); do [[ $(backlog) == 0 ]] && return 0; sleep 0.05; done
  echo "[bench] the backlog did not drain" >&2; exit 1
}
run=bench-$(date +%s)
payload="json_build_object('productId', gen_random_uuid(), 'warehouseCode', 'BENCH', 'quantity', 100,
  'available', 100, 'run', '$run', 'note', repeat('x', 200))"
wait_drained

echo "[bench] relay throughput: $ROWS rows committed at once, time until every one is acknowledged"
start=$(date +%s.%N)
sql -c "INSERT INTO outbox_events (id, aggregate_type, aggregate_id, event_type, event_version, payload)
        SELECT gen_random_uuid(), 'product', gen_random_uuid(), 'inventory.updated', 1, $payload
        FROM generate_series(1, $ROWS)"
wait_drained
end=$(date +%s.%N)
relay_tps=$(awk -v n="$ROWS" -v s="$start" -v e="$end" 'BEGIN { printf "%.0f", n / (e - s) }')
echo "relay: $ROWS rows in $(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.2f", e - s }') s = ${relay_tps} rows/s"

echo "[bench] relay latency: $RATE stock counts/s for ${SECONDS_RUN} s through the API (each commits one outbox row"
echo "        and nudges the relay), from the row's append to the broker's acknowledgement"
admin_password=$(cat "$STACK_DIR/secrets/app-admin.password")
token=$(curl -sf -X POST -H 'Content-Type: application/json' \
  -d "{\"email\":\"admin@orderflow.local\",\"password\":\"$admin_password\"}" \
  "http://127.0.0.1:$HTTP_PORT/api/auth/login" | sed 's/.*"token":"\([^"]*\)".*/\1/')
product=$(psql -X -q -tA -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U orderflow -d products_db -c "
  INSERT INTO products (id, sku, name, price) VALUES (gen_random_uuid(), 'BENCH-$run', 'Relay bench', 1.00)
  RETURNING id" | head -1)
curl -sf -o /dev/null -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d "{\"code\":\"BENCH-$run\",\"name\":\"Relay bench\"}" "http://127.0.0.1:$HTTP_PORT/api/admin/warehouses"
pause=$(awk -v r="$RATE" 'BEGIN { printf "%.3f", 1 / r }')
for i in $(seq $((RATE * SECONDS_RUN))); do
  curl -sf -o /dev/null -X PUT -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d "{\"quantity\":$i}" "http://127.0.0.1:$HTTP_PORT/api/admin/products/$product/stock/BENCH-$run" &
  sleep "$pause"
done
wait
wait_drained
sql -F ' ' -c "SELECT count(*),
    round(percentile_cont(0.50) WITHIN GROUP (ORDER BY ms)::numeric, 1),
    round(percentile_cont(0.95) WITHIN GROUP (ORDER BY ms)::numeric, 1),
    round(percentile_cont(0.99) WITHIN GROUP (ORDER BY ms)::numeric, 1),
    round(max(ms)::numeric, 1)
  FROM (SELECT extract(epoch FROM sent_at - occurred_at) * 1000 AS ms FROM outbox_events
        WHERE aggregate_id = '$product' AND event_type = 'inventory.updated') t" |
  awk '{ printf "relay latency over %s rows: p50=%s ms p95=%s ms p99=%s ms max=%s ms\n", $1, $2, $3, $4, $5 }'

echo "[bench] raw Kafka producer (ProducerPerformance): $ROWS records of the same size, acks=all, idempotent"
cp="$STACK_DIR/lib/kafka/*"
log4j="-Dlog4j2.configurationFile=$REPO/stack/kafka/log4j2.properties"
java "$log4j" -cp "$cp" org.apache.kafka.tools.TopicCommand --bootstrap-server "127.0.0.1:$KAFKA_PORT" \
  --create --if-not-exists --topic bench-raw --partitions 6 --replication-factor 1 >/dev/null 2>&1
size=$(sql -c "SELECT length(payload::text) + 250 FROM outbox_events WHERE payload->>'run' = '$run' LIMIT 1")
raw=$(java "$log4j" -cp "$cp" org.apache.kafka.tools.ProducerPerformance --topic bench-raw \
  --num-records "$ROWS" --record-size "$size" --throughput -1 \
  --producer-props "bootstrap.servers=127.0.0.1:$KAFKA_PORT" acks=all enable.idempotence=true linger.ms=5 2>/dev/null |
  tail -1)
echo "raw: $raw"
raw_tps=$(echo "$raw" | sed -n 's/.* records sent, \([0-9.]*\) records\/sec.*/\1/p')
awk -v a="$relay_tps" -v r="$raw_tps" 'BEGIN { printf "ratio relay/raw producer = %.2f\n", a / r }'
sql -c "DELETE FROM outbox_events WHERE payload->>'run' = '$run'" >/dev/null
echo "[bench] the node keeps the raised rate limit until restarted (bin/run restarts it with the defaults)"
