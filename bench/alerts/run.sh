#!/usr/bin/env bash
# Alert intake benchmark (issue 14): sustained POST /api/alerts with a ~100 KB snapshot each, at concurrency 16, on
# PostGIS — alerts/s and p50/p95 latency — side by side in the same run with the floor it cannot beat: the same rows
# and the same bytes inserted and committed straight through JDBC by 16 connections (bench/alerts/JdbcFloor.java).
# TerraWatch does more per alert: the API key, every field checked, the snapshot written and forced to disk, the
# pre-judgement against the base layers, the incident, the camera's sighting and the outbox, all in one transaction.
# Not part of the test suite; run it by hand: bench/alerts/run.sh   (DURATION=seconds per measurement, default 20)
# It writes bench/results/alerts-<date>.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION=${DURATION:-20}
# Both sides are durable: PostgreSQL forces its log at every commit (the test clusters run without), as TerraWatch forces
# each snapshot to disk before its 2xx.
export PGTEST_FSYNC=on
. scripts/postgis-cluster.sh
. bench/lib.sh
TW_PORT=$(first_free_port 18280)

if ! command -v wrk >/dev/null; then
  echo "== installing wrk from Debian packages"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends wrk >/dev/null
fi
[ -f app/target/terrawatch.jar ] || mvn -B -q -ntp -DskipTests package
DRIVER=$(find "$HOME/.m2/repository/org/postgresql/postgresql" -name 'postgresql-*.jar' | sort | tail -1)
[ -n "$DRIVER" ] || mvn -B -q -ntp dependency:get -Dartifact=org.postgresql:postgresql:42.7.7

WORK=$(mktemp -d /tmp/terrawatch-bench.XXXXXX)
chmod 755 "$WORK"
TW_PID=""
cleanup() {
  [ -n "$TW_PID" ] && kill "$TW_PID" 2>/dev/null || true
  postgis_cluster_stop
  rm -rf "$WORK"
}
postgis_cluster_start
trap cleanup EXIT
PSQL="psql -q -h 127.0.0.1 -p $PGTEST_PORT -U postgres"
$PSQL -d postgres -c "CREATE DATABASE bench"

echo "== TerraWatch (PostGIS profile, 512 MB heap) with the shipped access rules and the camera platform's key"
# The intake's rate limit per credential (100 a second by default) is lifted: this measures how fast it can go.
TW_KEEP_ACCESS=1 TW_ARGS="--terrawatch.intake.per-second=1000000 --terrawatch.intake.burst=1000000" terrawatch_start 512m

echo "== a county and 64 cameras in it"
$PSQL -d bench <<'SQL'
INSERT INTO admin_unit(code, name, level, geom, area_m2)
VALUES ('140321', '平定县', 'COUNTY', ST_Multi(ST_MakeEnvelope(113.2, 37.6, 114.0, 38.3, 4490)), NULL);
INSERT INTO camera(code, name, kind, position, mount_height_m, online)
SELECT 'BENCH-' || lpad(n::text, 2, '0'), '基准高点' || n, 'HIGH_POINT', ST_SetSRID(ST_MakePoint(113.3 + n * 0.01, 37.9), 4490), 40, TRUE
FROM generate_series(0, 63) AS n;
SQL

echo "== a ~100 KB snapshot (noise does not compress) and the alert template"
/usr/bin/python3 - "$WORK" <<'PY'
import base64, os, struct, sys, zlib
work = sys.argv[1]
width = height = 185
raw = b"".join(b"\x00" + os.urandom(width * 3) for _ in range(height))
def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff)
png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")
open(os.path.join(work, "snapshot.png"), "wb").write(png)
encoded = base64.b64encode(png).decode()
middle = len(encoded) // 2 // 4 * 4  # inside the image data: 12 characters here differ in every alert (post.lua)
template = ('{"externalId":"@ID@","camera":"@CAM@","type":"挖掘机","time":"2026-11-20T10:15:30+08:00","longitude":113.6,'
            '"latitude":37.95,"confidence":0.9,"snapshot":"' + encoded[:middle] + '@SNAP@' + encoded[middle + 12:] + '"}')
open(os.path.join(work, "alert.json"), "w").write(template)
print("snapshot", len(png), "bytes")
PY

echo "== warming up (20 s: until the JIT has compiled the path, as it has on a server that runs for days)"
ALERT_TEMPLATE="$WORK/alert.json" wrk -t2 -c16 -d20s --timeout 10s -s bench/alerts/post.lua "http://127.0.0.1:$TW_PORT" >/dev/null

echo "== TerraWatch: POST /api/alerts, concurrency 16, ${DURATION} s"
cpu_seconds() { ps -o times= -p "$1" | awk '{s += $1} END {print s + 0}'; }
postgres_cpu_seconds() { ps -C postgres -o times= | awk '{s += $1} END {print s + 0}'; }
TW_CPU0=$(cpu_seconds "$TW_PID"); PG_CPU0=$(postgres_cpu_seconds)
TW_RESULT=$(ALERT_TEMPLATE="$WORK/alert.json" wrk -t2 -c16 -d"${DURATION}s" --timeout 10s -s bench/alerts/post.lua "http://127.0.0.1:$TW_PORT" | grep '^RESULT')
echo "$TW_RESULT"
TW_CPU=$(( $(cpu_seconds "$TW_PID") - TW_CPU0 )); PG_CPU=$(( $(postgres_cpu_seconds) - PG_CPU0 ))
STORED=$($PSQL -d bench -tA -c "SELECT COUNT(*) FROM alert WHERE external_id LIKE 'BENCH-%'")

echo "== the floor: the same rows and bytes through JDBC, 16 connections, ${DURATION} s"
FLOOR_RESULT=$(java -cp "$DRIVER" bench/alerts/JdbcFloor.java "jdbc:postgresql://127.0.0.1:$PGTEST_PORT/bench?user=postgres" 16 "$DURATION" \
  "$WORK/snapshot.png" | grep '^RESULT')
echo "$FLOOR_RESULT"

value() { echo "$1" | sed -n "s/.*$2=\([0-9.]*\).*/\1/p"; }
# Only acknowledged (2xx) alerts count.
TW_RATE=$(echo "($(value "$TW_RESULT" requests) - $(value "$TW_RESULT" errors)) / $(value "$TW_RESULT" seconds)" | bc -l)
FLOOR_RATE=$(echo "$(value "$FLOOR_RESULT" requests) / $(value "$FLOOR_RESULT" seconds)" | bc -l)
REPORT="bench/results/alerts-$(date +%F).md"
{
  echo "# Alert intake, $(date +%F)"
  echo
  echo "POST /api/alerts with a $(stat -c %s "$WORK/snapshot.png")-byte PNG snapshot each (base64 in JSON), concurrency 16, ${DURATION} s,"
  echo "TerraWatch on PostGIS ($(psql --version | awk '{print $3}')) with a 512 MB heap, against the same rows and bytes inserted"
  echo "straight through JDBC by 16 connections, one commit each; PostgreSQL forces its log at commit. $(nproc) cores, $(date -u +%H:%M) UTC."
  echo
  echo "| | alerts/s | p50 ms | p95 ms | errors |"
  echo "|---|---:|---:|---:|---:|"
  printf "| TerraWatch intake | %.0f | %s | %s | %s |\n" "$TW_RATE" "$(value "$TW_RESULT" p50_ms)" "$(value "$TW_RESULT" p95_ms)" "$(value "$TW_RESULT" errors)"
  printf "| JDBC floor | %.0f | %s | %s | 0 |\n" "$FLOOR_RATE" "$(value "$FLOOR_RESULT" p50_ms)" "$(value "$FLOOR_RESULT" p95_ms)"
  echo
  printf "CPU per acknowledged alert during the TerraWatch run: %.1f ms in TerraWatch, %.1f ms in PostgreSQL (of %s cores).\n\n" \
    "$(echo "1000 * $TW_CPU / ($TW_RATE * $(value "$TW_RESULT" seconds))" | bc -l)" \
    "$(echo "1000 * $PG_CPU / ($TW_RATE * $(value "$TW_RESULT" seconds))" | bc -l)" "$(nproc)"
  printf "TerraWatch / floor: %.2f× the rate. Alerts stored by TerraWatch in the run (warm-up included): %s.\n" \
    "$(echo "$TW_RATE / $FLOOR_RATE" | bc -l)" "$STORED"
} > "$REPORT"
cat "$REPORT"
