#!/usr/bin/env bash
# WFS-T benchmark (issue 4): single-feature Update transactions per second, TerraWatch against QGIS Server 3.22
# (Debian qgis-server, FastCGI behind nginx) on the same PostGIS table of change patches, at concurrency 1 and 8.
# Both take the same WFS 1.1.0 Update (QGIS Server has no WFS 2.0 transactions) of one random patch's
# verification note. TerraWatch does more per transaction — HTTP Basic sign-in, the patch workflow's checks,
# optimistic versioning, an audit record and an after-commit event; QGIS Server runs without authentication.
# Not part of the test suite; run it by hand: bench/wfst/run.sh   (DURATION=seconds per measurement, default 20)
# It writes bench/results/wfst-<date>.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION=${DURATION:-20}
PATCHES=10000
. scripts/postgis-cluster.sh
. bench/lib.sh
TW_PORT=$(first_free_port 18180)
NGINX_PORT=$(first_free_port $((TW_PORT + 1)))
FCGI_PORT=$(first_free_port $((NGINX_PORT + 1)))

if [ ! -x /usr/lib/cgi-bin/qgis_mapserv.fcgi ] || ! command -v spawn-fcgi >/dev/null || ! command -v nginx >/dev/null || ! command -v wrk >/dev/null; then
  echo "== installing QGIS Server, spawn-fcgi, nginx and wrk from Debian packages"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends qgis-server spawn-fcgi nginx-light wrk python3-qgis >/dev/null
fi
[ -f app/target/terrawatch.jar ] || mvn -B -q -ntp -DskipTests package

WORK=$(mktemp -d /tmp/terrawatch-bench.XXXXXX)
chmod 755 "$WORK"
TW_PID=""
cleanup() {
  [ -n "$TW_PID" ] && kill "$TW_PID" 2>/dev/null || true
  [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
  pkill -f "qgis_mapserv.fcgi" 2>/dev/null || true
  postgis_cluster_stop
  rm -rf "$WORK"
}
postgis_cluster_start
trap cleanup EXIT
PSQL="psql -q -h 127.0.0.1 -p $PGTEST_PORT -U postgres"
$PSQL -d postgres -c "CREATE DATABASE bench"

echo "== TerraWatch (PostGIS profile) creates the schema and applies the data directory's departments and users"
terrawatch_start 512m

echo "== $PATCHES patches being verified by the farmland section (ids 1..$PATCHES)"
$PSQL -d bench <<SQL
INSERT INTO change_patch(code, code_period, code_sequence, after_date, category, change_type, geom, area_m2, area_mu, area_ha,
    centroid, county_code, county_name, status, responsible_department, created_at, updated_at)
SELECT '140321202610' || lpad(n::text, 6, '0'), 202610, n, DATE '2026-10-15', 'CONSTRUCTION_LAND', 'NEW_BUILDING',
       ST_Multi(ST_MakeEnvelope(113.05 + (n % 100) * 0.002, 37.65 + (n / 100) * 0.002,
                                113.0512 + (n % 100) * 0.002, 37.6512 + (n / 100) * 0.002, 4490)),
       14000, 21, 1.4, ST_SetSRID(ST_MakePoint(113.0506 + (n % 100) * 0.002, 37.6506 + (n / 100) * 0.002), 4490),
       '140321', '平定县', 'VERIFYING', 'gengdi', now(), now()
FROM generate_series(1, $PATCHES) AS n;
ANALYZE change_patch;
SQL

echo "== QGIS Server $(dpkg-query -W -f '${Version}' qgis-server) under FastCGI (4 processes) behind nginx"
QT_QPA_PLATFORM=offscreen /usr/bin/python3 bench/wfst/qgis_project.py "$PGTEST_PORT" "$WORK/bench.qgs"
sed -e "s#@WORK@#$WORK#g" -e "s#@NGINX_PORT@#$NGINX_PORT#g" -e "s#@FCGI_PORT@#$FCGI_PORT#g" bench/wfst/nginx.conf > "$WORK/nginx.conf"
env QGIS_PROJECT_FILE="$WORK/bench.qgs" QT_QPA_PLATFORM=offscreen QGIS_SERVER_LOG_LEVEL=2 HOME="$WORK" \
  spawn-fcgi -a 127.0.0.1 -p $FCGI_PORT -F 4 -- /usr/lib/cgi-bin/qgis_mapserv.fcgi >/dev/null
nginx -c "$WORK/nginx.conf" &
sleep 3

AUTH="Basic $(printf 'gengdi:demo@2026' | base64)"
one() { # server-url typename fid -> response
  curl -s -H 'Content-Type: text/xml' ${3:+-H "Authorization: $3"} --data-binary "<wfs:Transaction service=\"WFS\" version=\"1.1.0\" \
xmlns:wfs=\"http://www.opengis.net/wfs\" xmlns:ogc=\"http://www.opengis.net/ogc\"><wfs:Update typeName=\"$2\"><wfs:Property>\
<wfs:Name>verification_note</wfs:Name><wfs:Value>check $2</wfs:Value></wfs:Property><ogc:Filter><ogc:FeatureId fid=\"patches.7\"/>\
</ogc:Filter></wfs:Update></wfs:Transaction>" "$1"
}
echo "== one transaction each, then the row as PostgreSQL has it"
one "http://127.0.0.1:$TW_PORT/wfs" terrawatch:patches "$AUTH" | head -c 400; echo
$PSQL -d bench -At -c "SELECT verification_note, version FROM change_patch WHERE id = 7"
one "http://127.0.0.1:$NGINX_PORT/qgis" patches | head -c 400; echo
$PSQL -d bench -At -c "SELECT verification_note, version FROM change_patch WHERE id = 7"
[ "$($PSQL -d bench -At -c "SELECT verification_note FROM change_patch WHERE id = 7")" = "check patches" ] \
  || { echo "QGIS Server did not update the row; not comparable"; exit 1; }

measure() { # port path typename auth connections -> "ok failed seconds p50 p99"
  local env=(TYPENAME="$3" FID_PREFIX=patches. IDS=$PATCHES SERVICE_PATH="$2" AUTH="$4")
  env "${env[@]}" wrk -t"$(( $5 < 2 ? 1 : 2 ))" -c"$5" -d5s -s bench/wfst/update.lua "http://127.0.0.1:$1" >/dev/null 2>&1
  env "${env[@]}" wrk -t"$(( $5 < 2 ? 1 : 2 ))" -c"$5" -d"${DURATION}s" --latency -s bench/wfst/update.lua "http://127.0.0.1:$1" \
    | awk '/^TRANSACTIONS/ { split($2, a, "="); split($3, b, "="); split($4, c, "="); split($5, d, "="); split($6, e, "=");
                             print a[2], b[2], c[2], d[2], e[2] }'
}
rate() { awk -v ok="$1" -v s="$2" 'BEGIN { printf "%.1f", ok / s }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
rows=""
for connections in 1 8; do
  echo "== Update transactions, concurrency $connections, ${DURATION}s each"
  read -r tw_ok tw_bad tw_s tw_50 tw_99 <<< "$(measure $TW_PORT /wfs terrawatch:patches "$AUTH" $connections)"
  read -r qs_ok qs_bad qs_s qs_50 qs_99 <<< "$(measure $NGINX_PORT /qgis patches "" $connections)"
  tw_rate=$(rate "$tw_ok" "$tw_s"); qs_rate=$(rate "$qs_ok" "$qs_s")
  echo "TerraWatch $tw_rate/s ($tw_bad failed), QGIS Server $qs_rate/s ($qs_bad failed)"
  rows="$rows| concurrency $connections: transactions/s | $tw_rate | $qs_rate | $(ratio "$tw_rate" "$qs_rate") |
| concurrency $connections: p50 / p99 ms | $tw_50 / $tw_99 | $qs_50 / $qs_99 | |
| concurrency $connections: failed transactions | $tw_bad | $qs_bad | |
"
done
audits=$($PSQL -d bench -At -c "SELECT COUNT(*) FROM audit_event WHERE action = 'UPDATE'")

mkdir -p bench/results
report="bench/results/wfst-$(date +%F).md"
{
  echo "# WFS-T benchmark, $(date '+%F %H:%M %Z')"
  echo
  echo "TerraWatch $(git rev-parse --short HEAD) (java -Xmx512m, PostGIS profile) against QGIS Server $(dpkg-query -W -f '${Version}' qgis-server)"
  echo "(FastCGI, 4 processes, behind nginx), both on the same PostGIS $(psql -At -h 127.0.0.1 -p "$PGTEST_PORT" -U postgres -d bench -c 'SELECT postgis_lib_version()') table of $PATCHES patches,"
  echo "on $(nproc) cores. Each request is one WFS 1.1.0 Transaction updating one random patch's verification_note; a"
  echo "transaction counts only when the response reports the update. ${DURATION} s per measurement after a 5 s warm-up;"
  echo "wrk latencies. Ratio: TerraWatch / QGIS Server (higher is better)."
  echo
  echo "| measurement | TerraWatch | QGIS Server | ratio |"
  echo "|---|---|---|---|"
  printf '%s' "$rows"
  echo
  echo "Per transaction TerraWatch also checks HTTP Basic credentials (user gengdi, a department handler), runs the patch"
  echo "workflow (role, department, field rules), bumps the optimistic version, writes an audit record in the same"
  echo "transaction ($audits UPDATE records written during the run) and publishes an after-commit event. QGIS Server"
  echo "runs without authentication, versioning or audit."
} > "$report"
cat "$report"
