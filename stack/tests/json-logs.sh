#!/usr/bin/env bash
# The console log format is chosen at start: LOG_FORMAT=json makes every console line one JSON object (timestamp,
# level, loggerName, message, mdc, and the service and node names); without it the console keeps the pattern.
# Boots the provisioned server (no deployment) twice on port offset 300 in a scratch base directory.
set -uo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
SERVER=$REPO/server-config/target/server
WORK=$(mktemp -d /tmp/orderflow-json-logs.XXXXXX)
trap '[[ -n ${KEEP:-} ]] || rm -rf "$WORK"' EXIT
failures=0

boot() { # boot NAME [ENV=VALUE...]: console output of one boot into $WORK/NAME.out
  local name=$1 base=$WORK/$1
  shift
  mkdir -p "$base"
  cp -r "$SERVER/standalone/configuration" "$base/configuration"
  env "$@" LAUNCH_JBOSS_IN_BACKGROUND=1 JBOSS_PIDFILE="$base/pid" WILDFLY_NODE_ID=node-json \
    "$SERVER/bin/standalone.sh" -Djboss.server.base.dir="$base" -Djboss.socket.binding.port-offset=300 \
    >"$WORK/$name.out" 2>&1 </dev/null &
  local launcher=$!
  for _ in $(seq 120); do
    grep -q 'WFLYSRV0025\|WFLYSRV0026' "$WORK/$name.out" && break
    sleep 0.5
  done
  kill -TERM "$(cat "$base/pid" 2>/dev/null)" 2>/dev/null
  wait "$launcher" 2>/dev/null
}

check() {
  if python3 - "$@"; then echo "ok   - $1"; else echo "FAIL - $1"; failures=$((failures + 1)); fi
}

boot json LOG_FORMAT=json
boot pattern

check "LOG_FORMAT=json: every console log line is a JSON object with level, logger, message, MDC, service and host" \
  "$WORK/json.out" <<'PY'
import json, re, sys
lines = [l for l in open(sys.argv[2], encoding="utf-8") if l.strip()]
records = []
for line in lines:
    if line.startswith("{"):
        records.append(json.loads(line))
    elif re.match(r"^(\x1b\[[0-9;]*m)*\d\d:\d\d:\d\d,\d{3} ", line) and records:
        # before the logging subsystem starts, the boot logger (logging.properties) writes a few pattern lines
        sys.exit("a pattern line in JSON mode: " + line)
assert len(records) >= 10, f"only {len(records)} JSON records"
for r in records:
    for key in ("timestamp", "level", "loggerName", "message", "mdc"):
        assert key in r, f"{key} missing: {r}"
    assert r.get("service") == "orderflow" and r.get("hostName"), r
assert any("WFLYSRV0025" in r["message"] or "WFLYSRV0026" in r["message"] for r in records), "no started record"
PY

check "no LOG_FORMAT: the console keeps the pattern and has no JSON lines" "$WORK/pattern.out" <<'PY'
import re, sys
lines = [l for l in open(sys.argv[2], encoding="utf-8") if l.strip()]
assert not any(l.startswith("{") for l in lines), "JSON lines without LOG_FORMAT"
logged = [l for l in lines if re.match(r"^(\x1b\[[0-9;]*m)*\d\d:\d\d:\d\d,\d{3} +\w+ +\[", l)]
assert len(logged) >= 10 and any("WFLYSRV0025" in l or "WFLYSRV0026" in l for l in logged), logged[-3:]
after_boot = logged[[i for i, l in enumerate(logged) if "[cid=" in l][0]:]
assert all("[cid=" in l for l in after_boot), "pattern without the correlation id"
PY

echo "[json-logs] $failures failure(s)"
exit $((failures > 0))
