#!/usr/bin/env bash
# Starts a throwaway PostgreSQL 15 server on 127.0.0.1 for the tests and prints the connection string.
# Usage: source .ci/start-postgres.sh   (exports ONEONONE_TEST_POSTGRES; stop it with stop_test_postgres)
set -euo pipefail
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
# Below Linux's ephemeral range (32768-60999), so no outgoing connection of an earlier job holds it; the next ports are
# tried if it is taken all the same.
PG_PORT=${PG_PORT:-25432}
PG_DATA=$(mktemp -d /tmp/oneonone-pg.XXXXXX)
chown postgres:postgres "$PG_DATA"
chmod 700 "$PG_DATA"
su postgres -s /bin/sh -c "'$PG_BIN/initdb' -D '$PG_DATA' -U postgres -A trust --no-sync -E UTF8 >'$PG_DATA.initdb.log' 2>&1"
for attempt in 1 2 3 4 5; do
  su postgres -s /bin/sh -c "'$PG_BIN/pg_ctl' -D '$PG_DATA' -l '$PG_DATA.log' -w -t 60 \
    -o \"-c listen_addresses=127.0.0.1 -p $PG_PORT -k '$PG_DATA' -c fsync=off -c max_connections=200\" start" >/dev/null && break
  [ "$attempt" -lt 5 ] || { cat "$PG_DATA.log" >&2; return 1 2>/dev/null || exit 1; }
  PG_PORT=$((PG_PORT + 1))
done
export ONEONONE_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres"
stop_test_postgres() {
  su postgres -s /bin/sh -c "'$PG_BIN/pg_ctl' -D '$PG_DATA' -m fast -w stop" >/dev/null 2>&1 || true
  rm -rf "$PG_DATA" "$PG_DATA.log" "$PG_DATA.initdb.log"
}
echo "PostgreSQL is listening on 127.0.0.1:$PG_PORT (ONEONONE_TEST_POSTGRES is set)"
