#!/usr/bin/env bash
# WMS benchmark (issues 5 and 17): GetMap 256 x 256 PNG of the 200,000-patch layer for 300 fixed tiles in EPSG:4326 of
# 0.1°, 0.025° and 0.00625°, all together at concurrency 2 and 8 and each size alone at 2, plus the densest 0.1° tile
# alone, side by side with MapServer 8 and QGIS Server 3.22 (Debian packages, FastCGI x4 behind nginx) serving the same
# PostGIS table with the equivalent style: opaque fill by change type, 0.5 px dark outline, anti-aliased, no labels
# (TerraWatch: bench/wms/patches-by-type.sld). The same tiles are compared pixel by pixel, and a JFR recording of each
# tile size says where TerraWatch's time goes (bench/jfr-breakdown.py).
# Not part of the test suite; run it by hand: bench/wms/run.sh   (DURATION=seconds per measurement, default 20)
# DATA=realistic (default): patches shaped like a city's (bench/realistic-patches.sql), the tiles holding seeded random
# patches; DATA=grid: the earlier uniform grid of squares, tiles at random over it.
# It writes bench/results/wms-<data>-<date>.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION=${DURATION:-20}
DATA=${DATA:-realistic}
PATCHES=200000
. scripts/postgis-cluster.sh
. bench/lib.sh
. scripts/fonts.sh
TW_PORT=$(first_free_port 18280)
NGINX_PORT=$(first_free_port $((TW_PORT + 1)))
MAPSERVER_PORT=$(first_free_port $((NGINX_PORT + 1)))
QGIS_PORT=$(first_free_port $((MAPSERVER_PORT + 1)))

if ! command -v mapserv >/dev/null || [ ! -x /usr/lib/cgi-bin/qgis_mapserv.fcgi ] || ! command -v spawn-fcgi >/dev/null \
    || ! command -v nginx >/dev/null || ! command -v wrk >/dev/null || ! /usr/bin/python3 -c "import PIL" 2>/dev/null; then
  echo "== installing MapServer 8, QGIS Server, spawn-fcgi, nginx and wrk from Debian packages"
  debian_packages_install cgi-mapserver mapserver-bin qgis-server python3-qgis python3-pil spawn-fcgi nginx-light wrk
fi
map_fonts_install
[ -f app/target/terrawatch.jar ] || mvn -B -q -ntp -DskipTests package

WORK=$(mktemp -d /tmp/terrawatch-bench.XXXXXX)
chmod 755 "$WORK"
TW_PID=""
cleanup() {
  [ -n "$TW_PID" ] && kill "$TW_PID" 2>/dev/null || true
  [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
  pkill -f "/usr/lib/cgi-bin/mapserv" 2>/dev/null || true
  pkill -f "qgis_mapserv.fcgi" 2>/dev/null || true
  postgis_cluster_stop
  rm -rf "$WORK"
}
postgis_cluster_start
trap cleanup EXIT
PSQL="psql -q -h 127.0.0.1 -p $PGTEST_PORT -U postgres"
$PSQL -d postgres -c "CREATE DATABASE bench"

echo "== TerraWatch (PostGIS profile, -Xmx512m) creates the schema; the bench style goes into its data directory"
mkdir -p "$WORK/data-dir/styles" && cp bench/wms/patches-by-type.sld "$WORK/data-dir/styles/"
terrawatch_start 512m

patches_insert "$DATA" $PATCHES

echo "== MapServer $(mapserv -v | head -1 | cut -d' ' -f3) and QGIS Server $(dpkg-query -W -f '${Version}' qgis-server) under FastCGI behind nginx"
sed -e "s#@PGPORT@#$PGTEST_PORT#" -e "s#@MAPSERVER_URL@#http://127.0.0.1:$NGINX_PORT/mapserv#" bench/wms/mapserver.map > "$WORK/mapserver.map"
sed -e "s#@WORK@#$WORK#g" bench/wfs/mapserver.conf > "$WORK/mapserver.conf"
cp bench/wms/fastcgi-params "$WORK/fastcgi-params"
sed -e "s#@WORK@#$WORK#g" -e "s#@NGINX_PORT@#$NGINX_PORT#g" -e "s#@MAPSERVER_PORT@#$MAPSERVER_PORT#g" -e "s#@QGIS_PORT@#$QGIS_PORT#g" \
  bench/wms/nginx.conf > "$WORK/nginx.conf"
/usr/bin/python3 bench/wms/qgis_project.py "$PGTEST_PORT" "$WORK/bench.qgs"
MAPSERVER_CONFIG_FILE="$WORK/mapserver.conf" spawn-fcgi -a 127.0.0.1 -p $MAPSERVER_PORT -F 4 -- /usr/lib/cgi-bin/mapserv >/dev/null
env QGIS_PROJECT_FILE="$WORK/bench.qgs" QT_QPA_PLATFORM=offscreen HOME="$WORK" \
  spawn-fcgi -a 127.0.0.1 -p $QGIS_PORT -F 4 -- /usr/lib/cgi-bin/qgis_mapserv.fcgi >/dev/null
nginx -c "$WORK/nginx.conf" &
sleep 3

# 300 fixed tiles of 256 x 256 px in EPSG:4326 (WMS 1.3.0: latitude first), 100 each of 0.1°, 0.025° and 0.00625°,
# aligned to a grid of their size as a tiled client asks for them: on realistic data the tiles holding seeded random
# patches (so dense towns get their share, as users look there), on the grid tiles at random (seeded).
if [ "$DATA" = grid ]; then
  awk 'BEGIN { srand(20261122); for (i = 0; i < 300; i++) printf "%.6f %.6f\n", 113.1 + rand() * 0.9, 37.7 + rand() * 0.75 }' > "$WORK/centres"
else
  $PSQL -d bench -At -F ' ' -c "SELECT ST_X(centroid), ST_Y(centroid) FROM change_patch ORDER BY md5(code) LIMIT 300" > "$WORK/centres"
fi
SIZES=(0.1 0.025 0.00625)
awk -v sizes="${SIZES[*]}" 'BEGIN { split(sizes, size, " ") }
  { s = size[1 + int((NR - 1) / 100)]; x = int($1 / s) * s; y = int($2 / s) * s;
    printf "%.6f %.6f %.6f %.6f\n", x, y, x + s, y + s }' "$WORK/centres" > "$WORK/tiles"   # lon/lat min, lon/lat max
awk '{ printf "%s,%s,%s,%s\n", $2, $1, $4, $3 }' "$WORK/tiles" > "$WORK/boxes"
common="VERSION=1.3.0&REQUEST=GetMap&CRS=EPSG:4326&WIDTH=256&HEIGHT=256&FORMAT=image/png&TRANSPARENT=TRUE"
TW_LAYER="LAYERS=terrawatch:patches&STYLES=patches-by-type"
PEER_LAYER="LAYERS=patches&STYLES="
while read -r box; do echo "/wms?SERVICE=WMS&$common&$TW_LAYER&BBOX=$box"; done < "$WORK/boxes" > "$WORK/tw"
while read -r box; do echo "/mapserv?SERVICE=WMS&$common&$PEER_LAYER&BBOX=$box"; done < "$WORK/boxes" > "$WORK/ms"
while read -r box; do echo "/qgis?SERVICE=WMS&$common&$PEER_LAYER&BBOX=$box"; done < "$WORK/boxes" > "$WORK/qs"
for i in 0 1 2; do
  for name in tw ms qs; do sed -n "$((100 * i + 1)),$((100 * i + 100))p" "$WORK/$name" > "$WORK/$name.$i"; done
done

echo "== the same three tiles (one of each size) from each server, compared pixel by pixel"
for i in 0 1 2; do
  box=$(sed -n "$((100 * i + 50))p" "$WORK/boxes")
  for server in tw:$TW_PORT:wms ms:$NGINX_PORT:mapserv qs:$NGINX_PORT:qgis; do
    IFS=: read -r name port path <<< "$server"
    layer=$([ "$name" = tw ] && echo "$TW_LAYER" || echo "$PEER_LAYER")
    curl -s -o "$WORK/check-$name-$i.png" "http://127.0.0.1:$port/$path?SERVICE=WMS&$common&$layer&BBOX=$box"
  done
done
coverage=$(/usr/bin/python3 bench/wms/coverage.py "$WORK" "${SIZES[@]}")
echo "$coverage"

measure() { # port list connections -> "rps p50 p95 bytes failed"
  URLS="$2" wrk -t2 -c"$3" -d5s -s bench/wms/urls.lua "http://127.0.0.1:$1" >/dev/null
  URLS="$2" wrk -t2 -c"$3" -d"${DURATION}s" -s bench/wms/urls.lua "http://127.0.0.1:$1" \
    | awk '/^MAPS/ { for (i = 2; i <= NF; i++) { split($i, kv, "="); printf "%s ", kv[2] } print "" }'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
rows=""
# name suffix label connections: one row group, the three servers measured one after the other
compare() {
  local suffix=$1 label=$2 connections=$3
  echo "== GetMap, $label, concurrency $connections, ${DURATION}s each"
  read -r tw_rps tw_50 tw_95 tw_bytes tw_bad <<< "$(measure $TW_PORT "$WORK/tw$suffix" "$connections")"
  read -r ms_rps ms_50 ms_95 ms_bytes ms_bad <<< "$(measure $NGINX_PORT "$WORK/ms$suffix" "$connections")"
  read -r qs_rps qs_50 qs_95 qs_bytes qs_bad <<< "$(measure $NGINX_PORT "$WORK/qs$suffix" "$connections")"
  echo "TerraWatch $tw_rps/s, MapServer $ms_rps/s, QGIS Server $qs_rps/s"
  rows="$rows| $label, c=$connections: maps/s | $tw_rps | $ms_rps | $qs_rps | $(ratio "$tw_rps" "$ms_rps") | $(ratio "$tw_rps" "$qs_rps") |
| $label, c=$connections: p50 / p95 ms | $tw_50 / $tw_95 | $ms_50 / $ms_95 | $qs_50 / $qs_95 | $(ratio "$tw_95" "$ms_95") (p95) | $(ratio "$tw_95" "$qs_95") (p95) |
"
  [ "$suffix" = "" ] && rows="$rows| $label, c=$connections: mean PNG bytes | $tw_bytes | $ms_bytes | $qs_bytes | $(ratio "$tw_bytes" "$ms_bytes") | $(ratio "$tw_bytes" "$qs_bytes") |
"
  [ "$tw_bad$ms_bad$qs_bad" = 000 ] || rows="$rows| $label, c=$connections: failed requests | $tw_bad | $ms_bad | $qs_bad | | |
"
}
compare "" "all 300 tiles" 2
compare "" "all 300 tiles" 8
for i in 0 1 2; do compare ".$i" "${SIZES[$i]}° tiles" 2; done

echo "== the densest 0.1° tile, alone: median of 20 requests one after the other"
dense=$($PSQL -d bench -At -F ' ' -c "SELECT floor(ST_X(centroid) / 0.1) * 0.1, floor(ST_Y(centroid) / 0.1) * 0.1, count(*)
    FROM change_patch GROUP BY 1, 2 ORDER BY 3 DESC LIMIT 1")
read -r dense_x dense_y dense_n <<< "$dense"
dense_box=$(awk -v x="$dense_x" -v y="$dense_y" 'BEGIN { printf "%.6f,%.6f,%.6f,%.6f", y, x, y + 0.1, x + 0.1 }')
alone() { # url -> median ms
  for _ in 1 2 3; do curl -s -o /dev/null "$1"; done
  for _ in $(seq 1 20); do curl -s -o /dev/null -w '%{time_total}\n' "$1"; done | sort -n | sed -n 10,11p \
    | awk '{ sum += $1 } END { printf "%.0f", 500 * sum }'
}
tw_alone=$(alone "http://127.0.0.1:$TW_PORT/wms?SERVICE=WMS&$common&$TW_LAYER&BBOX=$dense_box")
ms_alone=$(alone "http://127.0.0.1:$NGINX_PORT/mapserv?SERVICE=WMS&$common&$PEER_LAYER&BBOX=$dense_box")
qs_alone=$(alone "http://127.0.0.1:$NGINX_PORT/qgis?SERVICE=WMS&$common&$PEER_LAYER&BBOX=$dense_box")
rows="$rows| the densest 0.1° tile ($dense_n patches) alone: median ms | $tw_alone | $ms_alone | $qs_alone | $(ratio "$tw_alone" "$ms_alone") (time) | $(ratio "$tw_alone" "$qs_alone") (time) |
"

echo "== where TerraWatch's time goes: a JFR recording of each tile size at concurrency 2"
profile=$(/usr/bin/python3 bench/jfr-breakdown.py --header)
for i in 0 1 2; do
  profile="$profile
$(profile_row "${SIZES[$i]}° tiles, c=2" "$WORK/tw.$i" bench/wms/urls.lua)"
done

# patches a tile, on average per tile size, as the tiles were chosen
per_tile=$(awk -v sizes="${SIZES[*]}" 'BEGIN { split(sizes, size, " ") }
    { printf "%s(%s, ST_MakeEnvelope(%s, %s, %s, %s, 4490))", (NR > 1 ? "," : "VALUES "), size[1 + int((NR - 1) / 100)], $1, $2, $3, $4 }' \
    "$WORK/tiles" | { read -r boxes; $PSQL -d bench -At -c "SELECT string_agg(size || '°: ' || n, ', ' ORDER BY size DESC) FROM (SELECT size, round(avg(c)) AS n FROM
    (SELECT b.size, (SELECT count(*) FROM change_patch p WHERE p.geom && b.box) AS c FROM ($boxes) AS b(size, box)) t GROUP BY size) z"; })
mkdir -p bench/results
report="bench/results/wms-$DATA-$(date +%F).md"
{
  echo "# WMS benchmark, $(date '+%F %H:%M %Z')"
  echo
  echo "TerraWatch $(git rev-parse --short HEAD) (java -Xmx512m, PostGIS profile) against MapServer $(mapserv -v | head -1 | cut -d' ' -f3)"
  echo "and QGIS Server $(dpkg-query -W -f '${Version}' qgis-server) (each FastCGI, 4 processes, behind nginx), all on the same PostGIS"
  echo "$(psql -At -h 127.0.0.1 -p "$PGTEST_PORT" -U postgres -d bench -c 'SELECT postgis_lib_version()') table of $PATCHES patches ($DATA data: $([ "$DATA" = grid ] && echo "a uniform grid of squares" || echo "irregular, clustered, overlapping: bench/realistic-patches.sql")), on $(nproc) cores."
  echo "GetMap 256 x 256 PNG (RGBA, transparent) in EPSG:4326 of 300 fixed tiles aligned to their size, 100 each of"
  echo "${SIZES[0]}°, ${SIZES[1]}° and ${SIZES[2]}° ($([ "$DATA" = grid ] && echo "at random" || echo "those holding seeded random patches"); mean patches a tile: $per_tile), the same"
  echo "style everywhere: opaque fill by change type, 0.5 px dark outline, anti-aliased, no labels (bench/wms/patches-by-type.sld)."
  echo "${DURATION} s per measurement after a 5 s warm-up, the servers one after the other; wrk latencies; a request fails"
  echo "unless it is answered 200 with a PNG. Ratios: TerraWatch / peer (maps/s: higher is better; p95, time, bytes: lower is better)."
  echo
  echo "| measurement | TerraWatch | MapServer | QGIS Server | vs MapServer | vs QGIS Server |"
  echo "|---|---|---|---|---|---|"
  printf '%s' "$rows"
  echo
  echo "The same tiles compared pixel by pixel (a pixel is covered when its alpha is at least 128):"
  echo
  echo "$coverage"
  echo
  echo "Where TerraWatch's CPU time goes (bench/jfr-breakdown.py: JFR execution samples by the topmost recognised frame):"
  echo
  echo "$profile"
} > "$report"
cat "$report"
