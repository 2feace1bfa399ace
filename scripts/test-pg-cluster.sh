#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for the test suites (the ctest fixture "pg"):
#   test-pg-cluster.sh start <state-dir>   initdb into a temporary folder, start the server on
#                                          127.0.0.1 and a free port (fsync off unless
#                                          IRIS_PG_DURABLE=1), write
#                                          <state-dir>/uri ("postgresql://iris@127.0.0.1:PORT/postgres")
#   test-pg-cluster.sh stop <state-dir>    stop it and remove its folder
#   test-pg-cluster.sh pause <state-dir>   stop the server (fast shutdown), keep its data
#   test-pg-cluster.sh resume <state-dir>  start it again on the same port (a restart mid-session)
# No system service is used. As root, the server runs as the "postgres" account that
# Debian's postgresql package creates (initdb refuses to run as root).
# When the server binaries are missing it fails when CI=true, and otherwise writes no uri
# (the PostgreSQL suites then report that they could not run).
set -euo pipefail

action=${1:?start|stop|pause|resume}
state=${2:?state directory}
mkdir -p "$state"

bindir=""
for v in 15 16 17; do
  if [ -x "/usr/lib/postgresql/$v/bin/initdb" ]; then bindir="/usr/lib/postgresql/$v/bin"; break; fi
done

as_server() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$action" in
start)
  rm -f "$state/uri"
  if [ -z "$bindir" ]; then
    echo "test-pg-cluster: PostgreSQL server binaries not found (install postgresql: scripts/deps.sh)" >&2
    if [ "${CI:-}" = "true" ]; then exit 1; fi
    exit 0
  fi
  if [ -f "$state/datadir" ] && [ -d "$(cat "$state/datadir")" ]; then
    "$0" stop "$state" || true
  fi
  data=$(mktemp -d /tmp/iris-pg.XXXXXX)
  chmod 700 "$data"
  [ "$(id -u)" -eq 0 ] && chown postgres: "$data"
  echo "$data" > "$state/datadir"
  as_server "$bindir/initdb" -D "$data/db" -U iris --auth=trust -E UTF8 --locale=C.UTF-8 >"$state/initdb.log" 2>&1
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
  # Tests need no durability; the benchmarks measure commits as a real server makes them
  # (IRIS_PG_DURABLE=1 keeps fsync and synchronous commits).
  durability="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  [ "${IRIS_PG_DURABLE:-}" = "1" ] && durability=""
  echo "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$data $durability -c max_connections=200" > "$state/options"
  as_server "$bindir/pg_ctl" -D "$data/db" -l "$data/server.log" -w -t 60 -o "$(cat "$state/options")" \
    start >"$state/pg_ctl.log" 2>&1 || { cat "$state/pg_ctl.log" "$data/server.log" >&2; exit 1; }
  echo "postgresql://iris@127.0.0.1:$port/postgres" > "$state/uri"
  echo "test-pg-cluster: $(cat "$state/uri") (data in $data)"
  ;;
stop)
  if [ -f "$state/datadir" ]; then
    data=$(cat "$state/datadir")
    if [ -n "$bindir" ] && [ -d "$data/db" ]; then
      as_server "$bindir/pg_ctl" -D "$data/db" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$data"
    rm -f "$state/datadir" "$state/uri" "$state/options"
  fi
  ;;
pause)
  data=$(cat "$state/datadir")
  as_server "$bindir/pg_ctl" -D "$data/db" -m fast -w -t 60 stop >>"$state/pg_ctl.log" 2>&1
  ;;
resume)
  data=$(cat "$state/datadir")
  as_server "$bindir/pg_ctl" -D "$data/db" -l "$data/server.log" -w -t 60 -o "$(cat "$state/options")" \
    start >>"$state/pg_ctl.log" 2>&1 || { cat "$state/pg_ctl.log" "$data/server.log" >&2; exit 1; }
  ;;
*)
  echo "usage: $0 start|stop|pause|resume <state-dir>" >&2
  exit 2
  ;;
esac
