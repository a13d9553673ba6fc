#!/usr/bin/env bash
# Change-detection benchmark (issue 6): a reproducible synthetic 4-band 16-bit pair (SIZE x SIZE px, default 10,000,
# 2 m, EPSG:4547, tiled DEFLATE GeoTIFFs; bench/change/make_pair.py) run through
#   - TerraWatch's whole detection (read, learn the model on a sample, normalise, detect, threshold, sieve, polygonise,
#     write the polygons as GeoJSON lines) with a 1 GB heap: org.terrawatch.change.DetectChanges;
#   - the same steps with GDAL from Debian: gdal_calc.py (normalised change-vector length against a threshold, with the
#     true gain and offset handed to it — GDAL learns nothing), gdal_sieve.py (50 px = 200 m², 4-connected),
#     gdal_polygonize.py (into a GeoPackage);
#   - OTB's otbcli_MultivariateAlterationDetector (the MAD transform alone, 256 MB of RAM as OTB defaults).
# Reports wall time and peak resident memory (GNU time) and their ratios. Not part of the test suite; run it by hand:
#   bench/change/run.sh      (SIZE=pixels, default 10000)      It writes bench/results/change-<date>.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
SIZE=${SIZE:-10000}
. scripts/postgis-cluster.sh   # as_root
if ! command -v gdal_calc.py >/dev/null || ! command -v otbcli_MultivariateAlterationDetector >/dev/null \
    || ! /usr/bin/python3 -c "import numpy, osgeo.gdal" 2>/dev/null || [ ! -x /usr/bin/time ]; then
  echo "== installing GDAL, its Python bindings, OTB and GNU time from Debian packages"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends gdal-bin python3-gdal python3-numpy \
    otb-bin time >/dev/null
fi
mvn -B -q -ntp -DskipTests install -pl change-detection -am
mvn -B -q -ntp dependency:build-classpath -pl change-detection -Dmdep.includeScope=runtime -Dmdep.outputFile=/dev/stdout > /dev/null
CLASSPATH_FILE=$(mktemp)
mvn -B -q -ntp dependency:build-classpath -pl change-detection -Dmdep.includeScope=runtime -Dmdep.outputFile="$CLASSPATH_FILE"
CLASSPATH="change-detection/target/classes:$(cat "$CLASSPATH_FILE")"

WORK=$(mktemp -d /tmp/terrawatch-change-bench.XXXXXX)
trap 'rm -rf "$WORK" "$CLASSPATH_FILE"' EXIT
echo "== making the $SIZE x $SIZE pair in $WORK"
/usr/bin/python3 bench/change/make_pair.py "$WORK" "$SIZE"
PLANTED=$(/usr/bin/python3 -c "import json; print(len(json.load(open('$WORK/truth.json'))['planted']))")

# measure NAME COMMAND...: wall seconds and peak RSS (KB) into $WORK/NAME.time
measure() {
  local name=$1; shift
  sync
  /usr/bin/time -f "%e %M" -o "$WORK/$name.time" "$@" > "$WORK/$name.log" 2>&1 || { cat "$WORK/$name.log"; exit 1; }
  echo "   $name: $(cat "$WORK/$name.time") (s, KB)"
}

echo "== TerraWatch (heap 1 GB)"
measure terrawatch java -Xmx1g -cp "$CLASSPATH" org.terrawatch.change.DetectChanges "$WORK/before.tif" "$WORK/after.tif" \
  "$WORK/terrawatch.geojsons" --min-area 200
TW_AREAS=$(wc -l < "$WORK/terrawatch.geojsons")

echo "== GDAL: gdal_calc.py, gdal_sieve.py, gdal_polygonize.py"
CALC="sqrt(((E*1.0-60)/1.08-A)**2+((F*1.0-60)/1.08-B)**2+((G*1.0-60)/1.08-C)**2+((H*1.0-60)/1.08-D)**2)>300"
measure gdal_calc gdal_calc.py --quiet -A "$WORK/before.tif" --A_band=1 -B "$WORK/before.tif" --B_band=2 -C "$WORK/before.tif" --C_band=3 \
  -D "$WORK/before.tif" --D_band=4 -E "$WORK/after.tif" --E_band=1 -F "$WORK/after.tif" --F_band=2 -G "$WORK/after.tif" --G_band=3 \
  -H "$WORK/after.tif" --H_band=4 --calc="$CALC" --type=Byte --outfile="$WORK/mask.tif" --co=TILED=YES --co=COMPRESS=DEFLATE
measure gdal_sieve gdal_sieve.py -q -st 50 -4 "$WORK/mask.tif" -of GTiff "$WORK/sieved.tif"
measure gdal_polygonize gdal_polygonize.py -q "$WORK/sieved.tif" -mask "$WORK/sieved.tif" -f GPKG "$WORK/changes.gpkg" changes DN
GDAL_AREAS=$(ogrinfo -q -sql "SELECT COUNT(*) FROM changes" "$WORK/changes.gpkg" | grep -o "= [0-9]*" | tr -d '= ')

echo "== OTB: otbcli_MultivariateAlterationDetector"
measure otb_mad otbcli_MultivariateAlterationDetector -in1 "$WORK/before.tif" -in2 "$WORK/after.tif" -out "$WORK/mad.tif" float -ram 256

read -r TW_S TW_KB < "$WORK/terrawatch.time"
read -r CALC_S CALC_KB < "$WORK/gdal_calc.time"
read -r SIEVE_S SIEVE_KB < "$WORK/gdal_sieve.time"
read -r POLY_S POLY_KB < "$WORK/gdal_polygonize.time"
read -r OTB_S OTB_KB < "$WORK/otb_mad.time"
REPORT=bench/results/change-$(date +%F).md
/usr/bin/python3 - "$REPORT" <<PY
import sys
tw_s, tw_kb = $TW_S, $TW_KB
gdal = [("gdal_calc.py", $CALC_S, $CALC_KB), ("gdal_sieve.py", $SIEVE_S, $SIEVE_KB), ("gdal_polygonize.py", $POLY_S, $POLY_KB)]
gdal_s = sum(s for _, s, _ in gdal); gdal_kb = max(kb for _, _, kb in gdal)
otb_s, otb_kb = $OTB_S, $OTB_KB
mb = lambda kb: kb / 1024
lines = [
  "# Change detection benchmark, $(date +%F)",
  "",
  "Synthetic pair: $SIZE x $SIZE px, 4 bands, 16-bit, 2 m, EPSG:4547, tiled DEFLATE GeoTIFFs (bench/change/make_pair.py); "
  "$PLANTED planted changes; after-epoch with gain 1.08 and offset 60. Machine: $(nproc) cores, shared. One run.",
  "",
  "| pipeline | wall time (s) | peak resident memory (MB) | areas written |",
  "|---|---:|---:|---:|",
  f"| TerraWatch DetectChanges (-Xmx1g): read, learn, normalise, detect, threshold, sieve, polygonise, write | {tw_s:.1f} | {mb(tw_kb):.0f} | $TW_AREAS |",
]
for name, s, kb in gdal:
  lines.append(f"| GDAL {name} | {s:.1f} | {mb(kb):.0f} | |")
lines += [
  f"| **GDAL pipeline** (sum of times, largest memory) | **{gdal_s:.1f}** | **{mb(gdal_kb):.0f}** | $GDAL_AREAS |",
  f"| OTB MultivariateAlterationDetector (MAD transform only, -ram 256) | {otb_s:.1f} | {mb(otb_kb):.0f} | |",
  "",
  f"- TerraWatch / GDAL pipeline: **{gdal_s / tw_s:.2f}x faster**, peak memory {tw_kb / gdal_kb:.2f}x GDAL's "
  "(a JVM with a 1 GB heap; GDAL's steps stream with its block cache).",
  f"- TerraWatch whole pipeline / OTB MAD transform alone: {otb_s / tw_s:.2f}x the speed, {tw_kb / otb_kb:.2f}x the memory.",
  "- GDAL is handed the true gain and offset and a fixed threshold; TerraWatch learns normalisation, spreads, threshold and "
  "classes from a sample of the images. The area counts differ with the methods (TerraWatch also drops changes of degree "
  "within one kind of cover).",
]
open(sys.argv[1], "w").write("\n".join(lines) + "\n")
print("\n".join(lines))
PY
