#!/usr/bin/env bash
# Start a throwaway PostgreSQL server for the store tests and print its URL on stdout.
#   scripts/postgres.sh start   -> prints postgresql://onrecord@127.0.0.1:PORT/onrecord_test
#   scripts/postgres.sh stop
# Installs Debian's postgresql package when no server binaries are found (needs root and apt).
# The cluster lives in .pgtest/ (trust auth, loopback only) and is removed by 'stop'.
set -euo pipefail
cd "$(dirname "$0")/.."
dir="$PWD/.pgtest"
port=${ONRECORD_PG_PORT:-54329}

find_bin() {
  for d in "$(pg_config --bindir 2>/dev/null || true)" /usr/lib/postgresql/*/bin; do
    if [ -n "$d" ] && [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then echo "$d"; return 0; fi
  done
  return 1
}

run_as() {  # initdb and postgres refuse to run as root
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir "$dir" postgres
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

case "${1:-start}" in
start)
  bin=$(find_bin) || {
    echo "onrecord: installing PostgreSQL (Debian package postgresql)" >&2
    if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
      DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >&2
    else
      echo "onrecord: PostgreSQL is not installed and cannot be installed here (needs root and apt)" >&2
      exit 1
    fi
    bin=$(find_bin)
  }
  if [ -f "$dir/data/postmaster.pid" ] && run_as "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
    echo "postgresql://onrecord@127.0.0.1:$port/onrecord_test"; exit 0
  fi
  rm -rf "$dir"; mkdir -p "$dir"
  [ "$(id -u)" = 0 ] && { id postgres >/dev/null 2>&1 || useradd --system postgres; chown postgres "$dir"; }
  run_as "$bin/initdb" -D "$dir/data" -U onrecord --auth=trust -E UTF8 --locale=C \
    >"$dir/initdb.log" 2>&1
  run_as "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
  run_as "$bin/createdb" -h 127.0.0.1 -p "$port" -U onrecord onrecord_test
  echo "postgresql://onrecord@127.0.0.1:$port/onrecord_test"
  ;;
stop)
  if bin=$(find_bin) && [ -d "$dir/data" ]; then
    run_as "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
  ;;
*)
  echo "usage: scripts/postgres.sh start|stop" >&2; exit 2
  ;;
esac
