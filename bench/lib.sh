#!/usr/bin/env bash
# What the benchmark scripts share. Source it from the repository root after scripts/postgis-cluster.sh.
. scripts/debian-packages.sh   # as_root, debian_packages_install

# The first port from $1 up that nothing listens on.
first_free_port() {
  local port=$1
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  echo "$port"
}

# Starts TerraWatch (PostGIS profile) on database "bench" of the test cluster with $WORK/data-dir (made from data-dir/
# unless it exists), heap $1, port $TW_PORT, and the arguments in $TW_ARGS; sets TW_PID and waits until it is healthy
# (it creates the schema).
terrawatch_start() {
  [ -d "$WORK/data-dir" ] || mkdir -p "$WORK/data-dir"
  cp data-dir/*.yml "$WORK/data-dir/"
  # The peers (MapServer, QGIS Server) serve without sign-in: the benchmark's data directory lets anonymous callers read
  # every layer, so both sides do the same work (the read rule is then no filter at all). TW_KEEP_ACCESS=1 keeps the
  # shipped access.yml (its API keys: the alert benchmark posts with the camera platform's key).
  [ "${TW_KEEP_ACCESS:-}" = 1 ] || cat > "$WORK/data-dir/access.yml" <<'YAML'
terrawatch:
  access:
    rules:
      - roles: [ANONYMOUS, SIGNED_IN]
        layers: ["*"]
YAML
  java "-Xmx$1" ${TW_JAVA_OPTS:-} -jar app/target/terrawatch.jar --spring.profiles.active=postgis \
    --terrawatch.store.url="jdbc:postgresql://127.0.0.1:$PGTEST_PORT/bench" --terrawatch.store.username=postgres \
    --terrawatch.data-dir="$WORK/data-dir" --server.port="$TW_PORT" --logging.level.root=warn ${TW_ARGS:-} > "$WORK/terrawatch.log" 2>&1 &
  TW_PID=$!
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$TW_PORT/actuator/health" >/dev/null && break; sleep 1; done
}

# One row of bench/jfr-breakdown.py labelled $1: TerraWatch ($TW_PID, $TW_PORT) recorded by JFR while wrk sends the
# paths listed in $2 with the script $3 at concurrency 2 for $DURATION seconds.
profile_row() {
  local recording
  recording="$WORK/profile-$RANDOM.jfr"
  jcmd "$TW_PID" JFR.start name=bench settings=profile filename="$recording" >/dev/null
  URLS="$2" wrk -t2 -c2 -d"${DURATION}s" -s "$3" "http://127.0.0.1:$TW_PORT" >/dev/null
  jcmd "$TW_PID" JFR.stop name=bench >/dev/null
  /usr/bin/python3 bench/jfr-breakdown.py "$1" "$recording"
}

# The data set $1 (realistic or grid) of $2 patches, into database "bench".
patches_insert() {
  if [ "$1" = grid ]; then
    echo "== $2 patches on a 500 x 400 grid over Yangquan"
    grid_patches_insert "$2"
  else
    echo "== $2 patches shaped like a city's (bench/realistic-patches.sql)"
    realistic_patches_insert "$2"
  fi
}

# $1 patches shaped like a city's (bench/realistic-patches.sql: irregular, clustered, overlapping), into database "bench".
realistic_patches_insert() {
  psql -q -h 127.0.0.1 -p "$PGTEST_PORT" -U postgres -d bench -v patches="$1" -f bench/realistic-patches.sql >/dev/null
}

# $1 patches on a 500 x 400 grid over Yangquan (~130 m squares, all five categories), into database "bench".
grid_patches_insert() {
  psql -q -h 127.0.0.1 -p "$PGTEST_PORT" -U postgres -d bench <<SQL
INSERT INTO change_patch(code, code_period, code_sequence, after_date, category, change_type, geom, area_m2, area_mu, area_ha,
    centroid, county_code, county_name, status, precheck_note, created_at, updated_at)
SELECT '140321202610' || n, 202610, n, DATE '2026-10-15',
       (ARRAY['CONSTRUCTION_LAND','FARMLAND_CONVERSION','ECOLOGICAL_RESTORATION','NON_COAL_MINE','FIRE_WARNING'])[n % 5 + 1],
       (ARRAY['NEW_BUILDING','POND_DIGGING','REVEGETATION','OPEN_PIT_EXCAVATION','BURNED_AREA'])[n % 5 + 1],
       ST_Multi(ST_MakeEnvelope(113.05 + (n % 500) * 0.002, 37.65 + (n / 500) * 0.002125,
                                113.0512 + (n % 500) * 0.002, 37.6512 + (n / 500) * 0.002125, 4490)),
       14000, 21, 1.4, ST_SetSRID(ST_MakePoint(113.0506 + (n % 500) * 0.002, 37.6506 + (n / 500) * 0.002125), 4490),
       '140321', '平定县', 'NEW', '内业初核：疑似未批先建', now(), now()
FROM generate_series(0, $1 - 1) AS n;
ANALYZE change_patch;
SQL
}
