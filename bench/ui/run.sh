#!/usr/bin/env bash
# Web UI budgets (issue 15), measured in Debian's Chromium by playwright-core against the demo on the embedded store:
# the bundle's size (gzip, what the map page loads and all of it), first paint and a drawn map on loopback with a cold
# and a warm cache, and the duty desk with 500 pending incidents (time until the queue is drawn, frame times while
# scrolling it). Not part of the test suite; run it by hand: bench/ui/run.sh   It writes bench/results/ui-<date>.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/postgis-cluster.sh
. scripts/browser.sh
. bench/lib.sh
browser_packages_install
[ -f app/target/terrawatch.jar ] && [ -d web/node_modules/playwright-core ] || mvn -B -q -ntp -DskipTests install
PORT=$(first_free_port 18380)
WORK=$(mktemp -d /tmp/terrawatch-ui-bench.XXXXXX)
mkdir -p "$WORK/data-dir" && cp data-dir/*.yml "$WORK/data-dir/"
java -Xmx1g -jar app/target/terrawatch.jar --terrawatch.data-dir="$WORK/data-dir" --server.port="$PORT" --logging.level.root=warn \
  > "$WORK/terrawatch.log" 2>&1 &
TW_PID=$!
trap 'kill $TW_PID 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1 180); do curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null && break; sleep 1; done
OUT="bench/results/ui-$(date -u +%F).md"
(cd web && TERRAWATCH_URL="http://127.0.0.1:$PORT" BUNDLE="$PWD/../web/target/classes/META-INF/resources" node ../bench/ui/measure.mjs) | tee "$OUT"
echo "written to $OUT"
