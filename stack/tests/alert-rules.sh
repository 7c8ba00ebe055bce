#!/usr/bin/env bash
# The Prometheus alert rules are valid and behave: every alert fires over its threshold and stays silent
# under it (stack/prometheus/alerts.test.yml, promtool test rules).
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
command -v promtool >/dev/null || { echo "promtool missing: run bin/stack up (installs prometheus)" >&2; exit 1; }
promtool check rules "$REPO/stack/prometheus/alerts.yml"
promtool test rules "$REPO/stack/prometheus/alerts.test.yml"
