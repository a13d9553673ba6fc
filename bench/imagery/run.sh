#!/usr/bin/env bash
# Imagery benchmark: the WMS's imagery epochs. A synthetic 4-band 16-bit epoch (SIZE x SIZE px, default 10,000, 2 m,
# EPSG:4547, tiled DEFLATE; the before-epoch of bench/change/make_pair.py), and 96 tiles of 256 x 256 px at six scales
# (16 per level, from full resolution to 32x coarser, at seeded random places):
#   - TerraWatch (256 MB heap): the epoch opened as the WMS opens it — its pyramid built in one pass (coarse levels in
#     memory, larger ones in a scratch file) — and the tiles drawn in true colour (bench/imagery/DrawTiles.java);
#   - GDAL from Debian: gdaladdo -ro -r average (external overviews, the same levels), then the same tiles read as
#     red, green, blue with its Python bindings, which pick the matching overview (bench/imagery/gdal_tiles.py).
# Reports wall time and peak resident memory (GNU time) and their ratios. Not part of the test suite; run it by hand:
#   bench/imagery/run.sh      (SIZE=pixels, default 10000)      It writes bench/results/imagery-<date>.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
SIZE=${SIZE:-10000}
. scripts/postgis-cluster.sh   # as_root
if ! command -v gdaladdo >/dev/null || ! /usr/bin/python3 -c "import numpy, osgeo.gdal" 2>/dev/null || [ ! -x /usr/bin/time ]; then
  echo "== installing GDAL, its Python bindings and GNU time from Debian packages"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends gdal-bin python3-gdal python3-numpy time >/dev/null
fi
mvn -B -q -ntp -DskipTests install -pl rendering -am
WORK=$(mktemp -d /tmp/terrawatch-imagery-bench.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
mvn -B -q -ntp dependency:build-classpath -pl rendering -Dmdep.includeScope=runtime -Dmdep.outputFile="$WORK/classpath"
CLASSPATH="rendering/target/classes:$(cat "$WORK/classpath")"
mkdir "$WORK/classes"
javac -d "$WORK/classes" -cp "$CLASSPATH" bench/imagery/DrawTiles.java

echo "== making the $SIZE x $SIZE epoch in $WORK"
/usr/bin/python3 bench/change/make_pair.py "$WORK" "$SIZE" > /dev/null
rm -f "$WORK/after.tif"
/usr/bin/python3 - "$SIZE" > "$WORK/tiles.txt" <<'PY'
import random, sys
size = int(sys.argv[1]); rng = random.Random(20261122)
for level in range(6):
    span = 256 << level
    for _ in range(16):
        print(level, rng.randrange(0, size - span + 1), rng.randrange(0, size - span + 1))
PY

measure() {
  local name=$1; shift
  sync
  /usr/bin/time -f "%e %M" -o "$WORK/$name.time" "$@" > "$WORK/$name.log" 2>&1 || { cat "$WORK/$name.log"; exit 1; }
  echo "   $name: $(cat "$WORK/$name.time") (s, KB)"
}
value() { grep "^$2 " "$WORK/$1.log" | awk '{print $2}'; }

echo "== TerraWatch (heap 256 MB): pyramid, then the tiles"
measure terrawatch java -Xmx256m -cp "$WORK/classes:$CLASSPATH" DrawTiles "$WORK/before.tif" 4547 "$WORK/tiles.txt"
echo "== GDAL: gdaladdo -ro -r average, then the tiles"
LEVELS=$(/usr/bin/python3 -c "
s=$SIZE; f=2; out=[]
while s // f > 64: out.append(str(f)); f *= 2
print(' '.join(out))")
measure gdaladdo gdaladdo -q -ro -r average "$WORK/before.tif" $LEVELS
measure gdal_tiles /usr/bin/python3 bench/imagery/gdal_tiles.py "$WORK/before.tif" "$WORK/tiles.txt"

read -r TW_S TW_KB < "$WORK/terrawatch.time"
read -r ADDO_S ADDO_KB < "$WORK/gdaladdo.time"
read -r GT_S GT_KB < "$WORK/gdal_tiles.time"
REPORT=bench/results/imagery-$(date +%F).md
/usr/bin/python3 - "$REPORT" <<PY
import sys
tw_build, tw_tiles, tw_heap = $(value terrawatch build), $(value terrawatch tiles), $(value terrawatch heap_mb)
tw_painted, count = $(value terrawatch painted), $(value terrawatch count)
gdal_tiles, gdal_painted = $(value gdal_tiles tiles), $(value gdal_tiles painted)
tw_s, tw_mb = $TW_S, $TW_KB / 1024
addo_s, addo_mb = $ADDO_S, $ADDO_KB / 1024
gt_s, gt_mb = $GT_S, $GT_KB / 1024
lines = [
  "# Imagery benchmark, $(date +%F)",
  "",
  "Synthetic epoch: $SIZE x $SIZE px, 4 bands, 16-bit, 2 m, EPSG:4547, tiled DEFLATE GeoTIFF (the before-epoch of "
  "bench/change/make_pair.py). %d tiles of 256 x 256 px, 16 at each of six levels (full resolution to 32x coarser), at "
  "seeded random places. Machine: $(nproc) cores, shared. One run." % count,
  "",
  "| step | TerraWatch (s) | GDAL (s) | TerraWatch / GDAL time |",
  "|---|---:|---:|---:|",
  "| pyramid (TerraWatch: built when the WMS first opens the epoch; GDAL: gdaladdo -ro -r average) | %.2f | %.2f | %.2fx |" % (tw_build, addo_s, tw_build / addo_s),
  "| the tiles (TerraWatch: drawn in true colour; GDAL: read as red, green, blue) | %.2f | %.2f | %.2fx |" % (tw_tiles, gdal_tiles, tw_tiles / gdal_tiles),
  "",
  "| process | wall time (s) | peak resident memory (MB) |",
  "|---|---:|---:|",
  "| TerraWatch, one JVM (-Xmx256m): pyramid and tiles | %.1f | %.0f |" % (tw_s, tw_mb),
  "| GDAL gdaladdo | %.1f | %.0f |" % (addo_s, addo_mb),
  "| GDAL tiles (Python bindings) | %.1f | %.0f |" % (gt_s, gt_mb),
  "",
  "- Heap the epoch holds after its pyramid is built and the tiles drawn: %.0f MB (levels of at most 1 Mpx in memory; "
  "larger ones in a scratch file; the full resolution read from the GeoTIFF)." % tw_heap,
  "- Tiles with a pixel at their centre: TerraWatch %d, GDAL %d of %d." % (tw_painted, gdal_painted, count),
  "- TerraWatch's tile time includes drawing (reprojection of every map pixel, stretch, colour); GDAL's is the read "
  "and resampling alone. The JVM's start and SIS's (its EPSG database, once per server) count in its process time, "
  "not in the step times.",
]
open(sys.argv[1], "w").write("\n".join(lines) + "\n")
print("\n".join(lines))
PY
