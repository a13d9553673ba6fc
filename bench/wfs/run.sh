#!/usr/bin/env bash
# WFS benchmark (issues 3 and 17): TerraWatch against MapServer 8 serving the same PostGIS table of 200,000 patches.
# Measured in one run on this machine: GetFeature of ~1,000 features by bbox as GeoJSON and as GML 3.2 at
# concurrency 2 (mean response sizes too), and the full-layer download, with TerraWatch's heap capped at 256 MB; a JFR
# recording of each format says where TerraWatch's time goes (bench/jfr-breakdown.py). Not part of the test
# suite; run it by hand: bench/wfs/run.sh   (DURATION=seconds per measurement, default 20)
# DATA=realistic (default): patches shaped like a city's (bench/realistic-patches.sql), each box the extent of the
# 1,000 patches nearest a seeded random patch; DATA=grid: the earlier grid of squares, boxes of 0.07 x 0.065° at random.
# It writes bench/results/wfs-<data>-<date>.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
DURATION=${DURATION:-20}
DATA=${DATA:-realistic}
PATCHES=200000
. scripts/postgis-cluster.sh
. bench/lib.sh
TW_PORT=$(first_free_port 18080)
NGINX_PORT=$(first_free_port $((TW_PORT + 1)))
FCGI_PORT=$(first_free_port $((NGINX_PORT + 1)))

if ! command -v mapserv >/dev/null || ! command -v spawn-fcgi >/dev/null || ! command -v nginx >/dev/null || ! command -v wrk >/dev/null; then
  echo "== installing MapServer 8, spawn-fcgi, nginx and wrk from Debian packages"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends cgi-mapserver mapserver-bin spawn-fcgi nginx-light wrk >/dev/null
fi
[ -f app/target/terrawatch.jar ] || mvn -B -q -ntp -DskipTests package

WORK=$(mktemp -d /tmp/terrawatch-bench.XXXXXX)
TW_PID=""
cleanup() {
  [ -n "$TW_PID" ] && kill "$TW_PID" 2>/dev/null || true
  [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
  pkill -f "spawn-fcgi.*$FCGI_PORT" 2>/dev/null || true
  pkill -f "/usr/lib/cgi-bin/mapserv" 2>/dev/null || true
  postgis_cluster_stop
  rm -rf "$WORK"
}
postgis_cluster_start
trap cleanup EXIT
PSQL="psql -q -h 127.0.0.1 -p $PGTEST_PORT -U postgres"
$PSQL -d postgres -c "CREATE DATABASE bench"

echo "== TerraWatch (PostGIS profile, -Xmx256m) creates the schema"
terrawatch_start 256m

patches_insert "$DATA" $PATCHES

echo "== MapServer $(mapserv -v | head -1 | cut -d' ' -f3) under FastCGI behind nginx"
sed -e "s#@PGPORT@#$PGTEST_PORT#" -e "s#@MAPSERVER_URL@#http://127.0.0.1:$NGINX_PORT/mapserv#" bench/wfs/mapserver.map > "$WORK/mapserver.map"
sed -e "s#@WORK@#$WORK#g" -e "s#@NGINX_PORT@#$NGINX_PORT#g" -e "s#@FCGI_PORT@#$FCGI_PORT#g" bench/wfs/nginx.conf > "$WORK/nginx.conf"
sed -e "s#@WORK@#$WORK#g" bench/wfs/mapserver.conf > "$WORK/mapserver.conf"
MAPSERVER_CONFIG_FILE="$WORK/mapserver.conf" spawn-fcgi -a 127.0.0.1 -p $FCGI_PORT -F 4 -- /usr/lib/cgi-bin/mapserv >/dev/null
nginx -c "$WORK/nginx.conf" &
sleep 2

TW="http://127.0.0.1:$TW_PORT/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=terrawatch:patches"
MS="http://127.0.0.1:$NGINX_PORT/mapserv?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=patches"
# 200 fixed boxes of ~1,000 patches each, latitude first as urn:ogc:def:crs:EPSG::4490 orders them.
if [ "$DATA" = grid ]; then
  awk 'BEGIN { srand(20261122); for (i = 0; i < 200; i++) { x = 113.05 + rand() * 0.93; y = 37.65 + rand() * 0.785;
    printf "%.5f,%.5f,%.5f,%.5f,urn:ogc:def:crs:EPSG::4490\n", y, x, y + 0.065, x + 0.07 } }' > "$WORK/boxes"
else
  $PSQL -d bench -At -c "SELECT format('%s,%s,%s,%s,urn:ogc:def:crs:EPSG::4490', round(ST_YMin(e)::numeric, 5), round(ST_XMin(e)::numeric, 5),
      round(ST_YMax(e)::numeric, 5), round(ST_XMax(e)::numeric, 5))
    FROM (SELECT code FROM change_patch ORDER BY md5(code) LIMIT 200) s,
         LATERAL (SELECT ST_Extent(n.centroid)::geometry AS e FROM (SELECT p.centroid FROM change_patch p
             ORDER BY p.geom <-> (SELECT centroid FROM change_patch WHERE code = s.code) LIMIT 1000) n) x" > "$WORK/boxes"
fi
paths() { local base=$1 format=$2; while read -r box; do echo "${base#http://*/}&COUNT=5000${format}&BBOX=$box" | sed 's#^#/#'; done < "$WORK/boxes"; }
paths "$TW" "&OUTPUTFORMAT=application/json" > "$WORK/tw-geojson"
paths "$MS" "&OUTPUTFORMAT=geojson" > "$WORK/ms-geojson"
paths "$TW" "" > "$WORK/tw-gml"
paths "$MS" "" > "$WORK/ms-gml"

box=$(head -1 "$WORK/boxes")
tw_n=$(curl -s "$TW&OUTPUTFORMAT=application/json&BBOX=$box" | /usr/bin/python3 -c 'import json,sys; print(len(json.load(sys.stdin)["features"]))')
ms_n=$(curl -s "$MS&OUTPUTFORMAT=geojson&BBOX=$box" | /usr/bin/python3 -c 'import json,sys; print(len(json.load(sys.stdin)["features"]))')
echo "== the first box: TerraWatch $tw_n features, MapServer $ms_n features"
[ "$tw_n" = "$ms_n" ] || { echo "The servers disagree on the first box; not comparable"; exit 1; }

measure() { # name port-of-server list -> "requests/s p50 p99"
  local port=$1 list=$2 out
  URLS="$list" wrk -t2 -c2 -d5s -s bench/wfs/urls.lua "http://127.0.0.1:$port" >/dev/null
  out=$(URLS="$list" wrk -t2 -c2 -d${DURATION}s --latency -s bench/wfs/urls.lua "http://127.0.0.1:$port")
  echo "$(echo "$out" | awk '/Requests\/sec/ {print $2}') $(echo "$out" | awk '$1 == "50%" {print $2}') $(echo "$out" | awk '$1 == "99%" {print $2}')"
}
mean_bytes() { # list port -> mean bytes of the first 20 responses
  head -20 "$1" | while read -r path; do curl -s -o /dev/null -w '%{size_download}\n' "http://127.0.0.1:$2$path"; done \
    | awk '{ sum += $1 } END { printf "%.0f", sum / NR }'
}
mean_features=$(head -20 "$WORK/tw-geojson" | while read -r path; do curl -s "http://127.0.0.1:$TW_PORT$path" \
    | /usr/bin/python3 -c 'import json,sys; print(len(json.load(sys.stdin)["features"]))'; done | awk '{ sum += $1 } END { printf "%.0f", sum / NR }')
echo "== GetFeature by bbox, concurrency 2, ${DURATION}s each"
read -r tw_geo tw_geo50 tw_geo99 <<< "$(measure $TW_PORT "$WORK/tw-geojson")"
read -r ms_geo ms_geo50 ms_geo99 <<< "$(measure $NGINX_PORT "$WORK/ms-geojson")"
read -r tw_gml tw_gml50 tw_gml99 <<< "$(measure $TW_PORT "$WORK/tw-gml")"
read -r ms_gml ms_gml50 ms_gml99 <<< "$(measure $NGINX_PORT "$WORK/ms-gml")"
tw_geo_bytes=$(mean_bytes "$WORK/tw-geojson" "$TW_PORT"); ms_geo_bytes=$(mean_bytes "$WORK/ms-geojson" "$NGINX_PORT")
tw_gml_bytes=$(mean_bytes "$WORK/tw-gml" "$TW_PORT"); ms_gml_bytes=$(mean_bytes "$WORK/ms-gml" "$NGINX_PORT")

echo "== where TerraWatch's time goes: a JFR recording of each format at concurrency 2"
profile=$(/usr/bin/python3 bench/jfr-breakdown.py --header)
for format in geojson gml; do
  profile="$profile
$(profile_row "$format, c=2" "$WORK/tw-$format" bench/wfs/urls.lua)"
done

echo "== full layer as GeoJSON"
tw_full=$(curl -s -o /dev/null -w '%{time_total} %{size_download}' "$TW&OUTPUTFORMAT=application/json")
ms_full=$(curl -s -o /dev/null -w '%{time_total} %{size_download}' "$MS&OUTPUTFORMAT=geojson")
tw_rss=$(awk '/VmHWM/ {print int($2 / 1024)}' "/proc/$TW_PID/status")
tw_heap=$(jcmd "$TW_PID" GC.heap_info 2>/dev/null | awk '/total/ {for (i = 1; i <= NF; i++) if ($i == "used") print $(i + 1); exit}' || true)

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
mkdir -p bench/results
report="bench/results/wfs-$DATA-$(date +%F).md"
{
  echo "# WFS benchmark, $(date '+%F %H:%M %Z')"
  echo
  echo "TerraWatch $(git rev-parse --short HEAD) (java -Xmx256m, PostGIS profile) against MapServer $(mapserv -v | head -1 | cut -d' ' -f3)"
  echo "(FastCGI, 4 processes, behind nginx), both on the same PostGIS $(psql -At -h 127.0.0.1 -p "$PGTEST_PORT" -U postgres -d bench -c 'SELECT postgis_lib_version()') table of $PATCHES patches"
  echo "($DATA data: $([ "$DATA" = grid ] && echo "a uniform grid of squares" || echo "irregular, clustered, overlapping: bench/realistic-patches.sql")), on $(nproc) cores."
  echo "GetFeature by 200 fixed boxes ($mean_features features on average in the first 20; lat/lon, urn:ogc:def:crs:EPSG::4490), concurrency 2,"
  echo "${DURATION} s after a 5 s warm-up; wrk latencies. Ratios are TerraWatch / MapServer (throughput: higher is better)."
  echo
  echo "| measurement | TerraWatch | MapServer | ratio |"
  echo "|---|---|---|---|"
  echo "| GeoJSON, requests/s | $tw_geo | $ms_geo | $(ratio "$tw_geo" "$ms_geo") |"
  echo "| GeoJSON, p50 / p99 latency | $tw_geo50 / $tw_geo99 | $ms_geo50 / $ms_geo99 | |"
  echo "| GML 3.2, requests/s | $tw_gml | $ms_gml | $(ratio "$tw_gml" "$ms_gml") |"
  echo "| GML 3.2, p50 / p99 latency | $tw_gml50 / $tw_gml99 | $ms_gml50 / $ms_gml99 | |"
  echo "| GeoJSON, mean response bytes | $tw_geo_bytes | $ms_geo_bytes | $(ratio "$tw_geo_bytes" "$ms_geo_bytes") |"
  echo "| GML 3.2, mean response bytes | $tw_gml_bytes | $ms_gml_bytes | $(ratio "$tw_gml_bytes" "$ms_gml_bytes") |"
  echo "| full layer GeoJSON, seconds | ${tw_full% *} | ${ms_full% *} | $(ratio "${ms_full% *}" "${tw_full% *}") (speed-up) |"
  echo "| full layer GeoJSON, bytes | ${tw_full#* } | ${ms_full#* } | |"
  echo
  echo "TerraWatch's heap is capped at 256 MB (-Xmx256m) and the full download completed within it; peak resident memory of"
  echo "the whole JVM process: ${tw_rss} MB; heap in use just after it: ${tw_heap:-unknown}. MapServer does not count"
  echo "matches (numberMatched=\"unknown\"); TerraWatch runs a COUNT for every page, included in its figures."
  echo
  echo "Where TerraWatch's CPU time goes (bench/jfr-breakdown.py: JFR execution samples by the topmost recognised frame):"
  echo
  echo "$profile"
} > "$report"
cat "$report"
