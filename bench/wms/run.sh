#!/usr/bin/env bash
# WMS benchmark (issue 5): GetMap 256 x 256 PNG of the 200,000-patch layer for a fixed list of random boxes at three
# zoom levels (EPSG:3857 tiles of zoom 11, 13 and 15), concurrency 2 and 8, side by side with MapServer 8 and QGIS
# Server 3.22 (Debian packages, FastCGI x4 behind nginx) serving the same PostGIS table with the equivalent style:
# fill by category at 45 % opacity, 1.5 px outline, anti-aliased, no labels (TerraWatch: bench/wms/patches-plain.sld).
# Not part of the test suite; run it by hand: bench/wms/run.sh   (DURATION=seconds per measurement, default 20)
# DATA=realistic (default): patches shaped like a city's (bench/realistic-patches.sql), tiles centred on seeded random
# patches; DATA=grid: the earlier uniform grid of squares, tiles at random over it.
# It writes bench/results/wms-<date>.md.
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
mkdir -p "$WORK/data-dir/styles" && cp bench/wms/patches-plain.sld "$WORK/data-dir/styles/"
terrawatch_start 512m

if [ "$DATA" = grid ]; then
  echo "== $PATCHES patches on a 500 x 400 grid over Yangquan"
  grid_patches_insert $PATCHES
else
  echo "== $PATCHES patches shaped like a city's (bench/realistic-patches.sql)"
  realistic_patches_insert $PATCHES
fi

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

# 300 fixed tiles: 100 at each of zooms 11, 13 and 15, as EPSG:3857 boxes, each centred on a point: on the grid at
# random (seeded), on realistic data a seeded random patch (so dense towns get their share of tiles, as users look there).
if [ "$DATA" = grid ]; then
  awk 'BEGIN { srand(20261122); for (i = 0; i < 300; i++) printf "%.6f %.6f\n", 113.1 + rand() * 0.9, 37.7 + rand() * 0.75 }' > "$WORK/centres"
else
  $PSQL -d bench -At -F ' ' -c "SELECT ST_X(centroid), ST_Y(centroid) FROM change_patch ORDER BY md5(code) LIMIT 300" > "$WORK/centres"
fi
awk 'BEGIN { pi = atan2(0, -1); r = 6378137 }
  { z = 11 + 2 * int((NR - 1) / 100); size = 2 * pi * r / 2 ^ z; lon = $1; lat = $2;
    x = r * lon * pi / 180 - size / 2; y = r * log(sin(pi / 4 + lat * pi / 360) / cos(pi / 4 + lat * pi / 360)) - size / 2;
    printf "%.2f,%.2f,%.2f,%.2f\n", x, y, x + size, y + size }' "$WORK/centres" > "$WORK/boxes"
common="VERSION=1.3.0&REQUEST=GetMap&CRS=EPSG:3857&WIDTH=256&HEIGHT=256&FORMAT=image/png&TRANSPARENT=TRUE"
while read -r box; do echo "/wms?SERVICE=WMS&$common&LAYERS=terrawatch:patches&STYLES=patches-plain&BBOX=$box"; done < "$WORK/boxes" > "$WORK/tw"
while read -r box; do echo "/mapserv?SERVICE=WMS&$common&LAYERS=patches&STYLES=&BBOX=$box"; done < "$WORK/boxes" > "$WORK/ms"
while read -r box; do echo "/qgis?SERVICE=WMS&$common&LAYERS=patches&STYLES=&BBOX=$box"; done < "$WORK/boxes" > "$WORK/qs"

echo "== one tile from each (zoom 13), kept for the report's check"
mid=$(sed -n 150p "$WORK/boxes")
for server in tw:$TW_PORT:wms ms:$NGINX_PORT:mapserv qs:$NGINX_PORT:qgis; do
  IFS=: read -r name port path <<< "$server"
  layer=$([ "$name" = tw ] && echo "terrawatch:patches&STYLES=patches-plain" || echo "patches&STYLES=")
  curl -s -o "$WORK/$name.png" "http://127.0.0.1:$port/$path?SERVICE=WMS&$common&LAYERS=$layer&BBOX=$mid"
  file "$WORK/$name.png"
done
/usr/bin/python3 - "$WORK" <<'PY'
import sys
from PIL import Image
work = sys.argv[1]
counts = {}
for name in ("tw", "ms", "qs"):
    image = Image.open(f"{work}/{name}.png").convert("RGBA")
    counts[name] = sum(1 for p in image.getdata() if p[3] > 0)
print("== drawn pixels in the check tile:", counts)
if min(counts.values()) < 0.5 * max(counts.values()):
    sys.exit("The servers draw very different tiles; not comparable")
PY

measure() { # port list connections -> "rps p50 p95 bytes failed"
  URLS="$2" wrk -t2 -c"$3" -d5s -s bench/wms/urls.lua "http://127.0.0.1:$1" >/dev/null
  URLS="$2" wrk -t2 -c"$3" -d"${DURATION}s" -s bench/wms/urls.lua "http://127.0.0.1:$1" \
    | awk '/^MAPS/ { for (i = 2; i <= NF; i++) { split($i, kv, "="); printf "%s ", kv[2] } print "" }'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
rows=""
for connections in 2 8; do
  echo "== GetMap, concurrency $connections, ${DURATION}s each"
  read -r tw_rps tw_50 tw_95 tw_bytes tw_bad <<< "$(measure $TW_PORT "$WORK/tw" $connections)"
  read -r ms_rps ms_50 ms_95 ms_bytes ms_bad <<< "$(measure $NGINX_PORT "$WORK/ms" $connections)"
  read -r qs_rps qs_50 qs_95 qs_bytes qs_bad <<< "$(measure $NGINX_PORT "$WORK/qs" $connections)"
  echo "TerraWatch $tw_rps/s, MapServer $ms_rps/s, QGIS Server $qs_rps/s"
  rows="$rows| concurrency $connections: maps/s | $tw_rps | $ms_rps | $qs_rps | $(ratio "$tw_rps" "$ms_rps") | $(ratio "$tw_rps" "$qs_rps") |
| concurrency $connections: p50 / p95 ms | $tw_50 / $tw_95 | $ms_50 / $ms_95 | $qs_50 / $qs_95 | | |
| concurrency $connections: mean response bytes | $tw_bytes | $ms_bytes | $qs_bytes | $(ratio "$tw_bytes" "$ms_bytes") | $(ratio "$tw_bytes" "$qs_bytes") |
| concurrency $connections: failed requests | $tw_bad | $ms_bad | $qs_bad | | |
"
done

# patches a tile, on average per zoom, as the tiles were chosen
per_tile=$(awk -F, '{ printf "%s(%d, ST_Transform(ST_MakeEnvelope(%s, %s, %s, %s, 3857), 4490))", (NR > 1 ? "," : "VALUES "), 11 + 2 * int((NR - 1) / 100), $1, $2, $3, $4 }' \
    "$WORK/boxes" | { read -r boxes; $PSQL -d bench -At -c "SELECT string_agg(zoom || ': ' || n, ', ' ORDER BY zoom) FROM (SELECT zoom, round(avg(c)) AS n FROM
    (SELECT b.zoom, (SELECT count(*) FROM change_patch p WHERE p.geom && b.box) AS c FROM ($boxes) AS b(zoom, box)) t GROUP BY zoom) z"; })
mkdir -p bench/results
report="bench/results/wms-$DATA-$(date +%F).md"
{
  echo "# WMS benchmark, $(date '+%F %H:%M %Z')"
  echo
  echo "TerraWatch $(git rev-parse --short HEAD) (java -Xmx512m, PostGIS profile) against MapServer $(mapserv -v | head -1 | cut -d' ' -f3)"
  echo "and QGIS Server $(dpkg-query -W -f '${Version}' qgis-server) (each FastCGI, 4 processes, behind nginx), all on the same PostGIS"
  echo "$(psql -At -h 127.0.0.1 -p "$PGTEST_PORT" -U postgres -d bench -c 'SELECT postgis_lib_version()') table of $PATCHES patches ($DATA data: $([ "$DATA" = grid ] && echo "a uniform grid of squares" || echo "irregular, clustered, overlapping: bench/realistic-patches.sql")), on $(nproc) cores."
  echo "GetMap 256 x 256 PNG (RGBA, transparent) in EPSG:3857 of 300 fixed random tiles, 100 each at zoom 11, 13 and 15"
  echo "(mean patches a tile: $per_tile), the same equivalent style everywhere: fill by category at 45 % opacity and a"
  echo "1.5 px outline, anti-aliased, no labels. ${DURATION} s per measurement after a 5 s warm-up; wrk latencies; a request"
  echo "fails unless it is answered 200 with a PNG. Ratios: TerraWatch / peer (maps/s: higher is better; bytes: smaller is better)."
  echo
  echo "| measurement | TerraWatch | MapServer | QGIS Server | vs MapServer | vs QGIS Server |"
  echo "|---|---|---|---|---|---|"
  printf '%s' "$rows"
} > "$report"
cat "$report"
