#!/bin/sh
# The entry point of the PostgreSQL image `scripts/image.sh postgres` makes where no registry
# can be reached (the stack test; anywhere else use the official postgres image). It honours
# the official image's first-start variables that deploy/stack.yml sets: POSTGRES_USER,
# POSTGRES_DB and POSTGRES_PASSWORD_FILE (or POSTGRES_PASSWORD), with PGDATA.
set -eu
PGDATA=${PGDATA:-/var/lib/postgresql/data}
user=${POSTGRES_USER:-postgres}
db=${POSTGRES_DB:-$user}
mkdir -p "$PGDATA" /run/postgresql
chown postgres:postgres "$PGDATA" /run/postgresql
chmod 700 "$PGDATA"
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  pwfile=$(mktemp)
  if [ -n "${POSTGRES_PASSWORD_FILE:-}" ]; then cat "$POSTGRES_PASSWORD_FILE" >"$pwfile"
  else printf '%s' "${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD_FILE or POSTGRES_PASSWORD}" >"$pwfile"
  fi
  chown postgres "$pwfile"
  runuser -u postgres -- initdb -D "$PGDATA" -U "$user" --pwfile="$pwfile" --auth-local=trust --auth-host=scram-sha-256 >/dev/null
  rm -f "$pwfile"
  echo "host all all all scram-sha-256" >>"$PGDATA/pg_hba.conf"
  echo "listen_addresses = '*'" >>"$PGDATA/postgresql.conf"
  if [ "$db" != postgres ]; then
    # A server on the socket only, for the one statement initdb cannot run.
    runuser -u postgres -- pg_ctl -D "$PGDATA" -w -o "-c listen_addresses=''" start >/dev/null
    runuser -u postgres -- psql -q -U "$user" -d postgres -c "CREATE DATABASE \"$db\" OWNER \"$user\""
    runuser -u postgres -- pg_ctl -D "$PGDATA" -w stop >/dev/null
  fi
fi
exec runuser -u postgres -- postgres -D "$PGDATA"
