#!/usr/bin/env bash
# A throwaway PostGIS cluster for the test suite: installed from Debian packages when missing, created in a
# temporary folder, listening on 127.0.0.1 only. Source this file, then call postgis_cluster_start; it sets
# TERRAWATCH_TEST_POSTGIS_URL and registers postgis_cluster_stop to run on exit, even when tests fail.

PG_MAJOR=15
PG_BIN=/usr/lib/postgresql/$PG_MAJOR/bin

postgis_packages_install() {
  if [ -x "$PG_BIN/postgres" ] && [ -f "/usr/share/postgresql/$PG_MAJOR/extension/postgis.control" ]; then
    return 0
  fi
  echo "== installing PostgreSQL $PG_MAJOR and PostGIS 3 from Debian packages"
  debian_packages_install "postgresql-$PG_MAJOR" "postgresql-$PG_MAJOR-postgis-3"
}

# initdb and postgres refuse to run as root: as root, run them as the 'postgres' user (created if missing).
cluster_owner_ensure() {
  if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
    useradd --system --no-create-home --shell /usr/sbin/nologin postgres
  fi
}

as_cluster_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  local port
  for port in $(seq 55432 55532); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
  done
  echo "no free port between 55432 and 55532" >&2
  return 1
}

postgis_cluster_start() {
  postgis_packages_install
  cluster_owner_ensure
  PGTEST_DIR=$(mktemp -d /tmp/terrawatch-pg.XXXXXX)
  chmod 755 "$PGTEST_DIR"
  if [ "$(id -u)" -eq 0 ]; then chown postgres "$PGTEST_DIR"; fi
  PGTEST_PORT=$(free_port)
  as_cluster_owner "$PG_BIN/initdb" -D "$PGTEST_DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  as_cluster_owner "$PG_BIN/pg_ctl" -D "$PGTEST_DIR/data" -l "$PGTEST_DIR/server.log" -w -t 60 \
    -o "-p $PGTEST_PORT -c listen_addresses=127.0.0.1 -k $PGTEST_DIR -c fsync=${PGTEST_FSYNC:-off} -c max_connections=200" start >/dev/null
  trap postgis_cluster_stop EXIT
  export TERRAWATCH_TEST_POSTGIS_URL="jdbc:postgresql://127.0.0.1:$PGTEST_PORT/postgres?user=postgres"
  echo "== PostGIS test cluster on 127.0.0.1:$PGTEST_PORT ($PGTEST_DIR)"
}

postgis_cluster_stop() {
  if [ -n "${PGTEST_DIR:-}" ] && [ -d "$PGTEST_DIR/data" ]; then
    as_cluster_owner "$PG_BIN/pg_ctl" -D "$PGTEST_DIR/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$PGTEST_DIR"
    echo "== PostGIS test cluster stopped"
  fi
}
