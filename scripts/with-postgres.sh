#!/usr/bin/env bash
# Run a command with a throwaway PostgreSQL server on loopback, exported as
# STORYLADDER_TEST_PG_URL. Installs Debian's postgresql when it is missing and we are root.
# The cluster lives in a temp folder and is stopped and deleted on exit.
set -euo pipefail

find_pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

PGBIN=$(find_pg_bin || true)
if [ -z "$PGBIN" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "with-postgres: installing postgresql (Debian package)" >&2
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null
  PGBIN=$(find_pg_bin || true)
fi
if [ -z "$PGBIN" ]; then
  echo "with-postgres: no PostgreSQL found; PostgreSQL tests cannot run" >&2
  exec "$@"
fi

PGDIR=$(mktemp -d /tmp/storyladder-pg.XXXXXX)
chmod 755 "$PGDIR"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
as_pg() {
  if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi
}
[ "$(id -u)" = 0 ] && chown postgres "$PGDIR"
cleanup() {
  as_pg "$PGBIN/pg_ctl -D $PGDIR/data -m immediate -w stop" >/dev/null 2>&1 || true
  rm -rf "$PGDIR"
}
trap cleanup EXIT
as_pg "$PGBIN/initdb -D $PGDIR/data -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync" >/dev/null
as_pg "$PGBIN/pg_ctl -D $PGDIR/data -l $PGDIR/log -w -o '-p $PORT -k $PGDIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200' start" >/dev/null
export STORYLADDER_TEST_PG_URL="postgresql+psycopg://postgres@127.0.0.1:$PORT/postgres"
"$@"
