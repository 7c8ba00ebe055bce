#!/usr/bin/env bash
# Black-box test of bin/stack on its own ports and data directory (the main stack is left alone):
# up twice (idempotent), status, a clear error for a taken port, and down stopping every process the
# stack started and only those. Prints 'N passed, N failed'; exits non-zero on any failure.
set -uo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
WORK=$(mktemp -d /tmp/orderflow-stack-test.XXXXXX)
export STACK_DIR=$WORK/stack PG_PORT=25433 REDIS_PORT=26379 KAFKA_PORT=29092 KAFKA_CONTROLLER_PORT=29093 \
  MONGO_PORT=27117 NGINX_PORT=28000 NGINX_IT_PORT=28100 NGINX_PAIR_PORT=28001 HTTP_PORT=28080 IT_HTTP_PORT=28180 PROMETHEUS_PORT=29190
# share the jars the main stack already fetched
mkdir -p "$STACK_DIR"
[[ -d $REPO/.stack/lib ]] && cp -r "$REPO/.stack/lib" "$STACK_DIR/lib"

passed=0 failed=0
check() {
  local what=$1
  shift
  if "$@"; then
    passed=$((passed + 1)); echo "ok   - $what"
  else
    failed=$((failed + 1)); echo "FAIL - $what"
  fi
}
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
# a zombie (exited, never reaped by its parent) counts as gone
alive() { local s; s=$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null) && [[ -n $s && $s != Z ]]; }
gone() { ! alive "$1"; }
decoys=()
cleanup() {
  "$REPO/bin/stack" down >/dev/null 2>&1
  for pid in "${decoys[@]}"; do kill "$pid" 2>/dev/null; done
  rm -rf "$WORK"
}
trap cleanup EXIT

# A port held by someone else: up refuses with a message naming the port.
python3 -m http.server "$MONGO_PORT" --bind 127.0.0.1 >/dev/null 2>&1 &
squatter=$!
decoys+=("$squatter")
for _ in $(seq 50); do port_open "$MONGO_PORT" && break; sleep 0.1; done
out=$("$REPO/bin/stack" up 2>&1)
check "up fails while port $MONGO_PORT is taken" test $? -ne 0
check "the error names the taken port" grep -q "port $MONGO_PORT, needed by mongo, is already taken" <<<"$out"
kill "$squatter"; wait "$squatter" 2>/dev/null
for _ in $(seq 50); do port_open "$MONGO_PORT" || break; sleep 0.1; done

check "up starts every service" "$REPO/bin/stack" up
check "up again is a no-op that succeeds" "$REPO/bin/stack" up
status=$("$REPO/bin/stack" status)
for service in postgres redis kafka mongo nginx nginx-pair nginx-watch; do
  check "status reports $service running" grep -q "^$service *running" <<<"$status"
done
check "every database exists" bash -c "PGPASSWORD=\$(cat $STACK_DIR/secrets/db.password) psql -X -tA -h 127.0.0.1 -p $PG_PORT -U orderflow -d postgres \
  -c \"SELECT count(*) FROM pg_database WHERE datname IN ('users_db','products_db','orders_db')\" | grep -qx 3"
check "max_prepared_transactions is on" bash -c "PGPASSWORD=\$(cat $STACK_DIR/secrets/db.password) psql -X -tA -h 127.0.0.1 -p $PG_PORT -U orderflow -d users_db \
  -c 'SHOW max_prepared_transactions' | grep -qvx 0"

pids=()
for service in postgres redis kafka mongo nginx nginx-pair nginx-watch; do pids+=("$(cat "$STACK_DIR/run/$service.pid")"); done
# Processes of the same programs that the stack did not start must survive its down.
redis-server --port 26380 --bind 127.0.0.1 --save '' --appendonly no --daemonize no >/dev/null 2>&1 &
decoys+=("$!")
sleep 600 &
decoys+=("$!")
sleep 0.5

check "down succeeds" "$REPO/bin/stack" down
for pid in "${pids[@]}"; do check "stack process $pid is gone" gone "$pid"; done
for port in $PG_PORT $REDIS_PORT $KAFKA_PORT $MONGO_PORT $NGINX_PORT $NGINX_PAIR_PORT $PROMETHEUS_PORT; do
  check "port $port is closed" bash -c "! (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null"
done
for pid in "${decoys[@]:1}"; do check "process $pid not started by the stack still runs" alive "$pid"; done
check "no pid files are left" bash -c "! ls $STACK_DIR/run/*.pid >/dev/null 2>&1"

echo "stack lifecycle: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
