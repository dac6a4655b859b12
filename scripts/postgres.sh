#!/usr/bin/env bash
# Throwaway PostgreSQL 15 clusters for tests, owned by the project and apart from the
# machine's default cluster (which this never starts, stops or reads).
#
#   postgres.sh up NAME     initdb a fresh cluster in $SG_PG_ROOT/NAME, trust auth for
#                           127.0.0.1 only, a free port; start it and print its DATABASE_URL.
#                           Durable (fsync, synchronous_commit, full_page_writes on, as the
#                           audit promise needs) unless SG_PG_FAST=1 asks for a throwaway
#                           cluster without them (an immediate stop then loses commits).
#   postgres.sh stop NAME   stop it (by the pid in its postmaster.pid) and delete its files
#   postgres.sh pause NAME [fast|immediate]
#                           stop its server but keep its files (tests of a database outage):
#                           fast (default) rolls back open transactions and shuts down
#                           cleanly; immediate kills it as a crash would (recovery at start)
#   postgres.sh start NAME  start a paused cluster again, same data dir and port
#   postgres.sh stop-all    stop and delete every cluster under $SG_PG_ROOT
#   postgres.sh install     install PostgreSQL 15 from Debian if missing
#
# Root is needed (the cluster runs as the `postgres` user). SG_PG_ROOT defaults to
# /var/lib/sg-pg. Only the URL goes to stdout; progress goes to stderr.
set -euo pipefail

ROOT="${SG_PG_ROOT:-/var/lib/sg-pg}"
BIN=/usr/lib/postgresql/15/bin

log() { echo "postgres.sh: $*" >&2; }
die() { log "$*"; exit 1; }

need_root() { [ "$(id -u)" -eq 0 ] || die "must run as root (the cluster runs as the postgres user)"; }
need_name() {
  [[ "${1:-}" =~ ^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,62}$ ]] || die "need a NAME ([a-zA-Z0-9_.-], got '${1:-}')"
}

cmd_install() {
  need_root
  if [ -x "$BIN/initdb" ] && [ -x "$BIN/pg_ctl" ] && id postgres >/dev/null 2>&1; then return 0; fi
  log "installing postgresql-15"
  # Keep apt from starting the packaged default cluster.
  local made_policy=0
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod 755 /usr/sbin/policy-rc.d && made_policy=1
  fi
  local ok=0
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends postgresql-15 >&2 ||
    { DEBIAN_FRONTEND=noninteractive apt-get update -q >&2 &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends postgresql-15 >&2; } && ok=1
  [ "$made_policy" = 1 ] && rm -f /usr/sbin/policy-rc.d
  [ "$ok" = 1 ] && [ -x "$BIN/initdb" ] || die "installing postgresql-15 failed"
}

port_free() { ! ss -Htln "sport = :$1" 2>/dev/null | grep -q .; }

cmd_up() {
  need_root; need_name "${1:-}"
  local name="$1" dir="$ROOT/$1"
  cmd_install
  [ ! -e "$dir" ] || die "$dir exists (a cluster named $name is up or was left behind: postgres.sh stop $name)"
  mkdir -p "$ROOT" && chmod 755 "$ROOT"
  mkdir -m 700 "$dir" && chown postgres:postgres "$dir"
  # From here on, a failure removes what was made.
  trap 'log "bring-up failed; log: $dir/server.log"; tail -n 20 "$dir/server.log" >&2 2>/dev/null || true; cmd_stop "$name" >/dev/null 2>&1 || true' ERR
  runuser -u postgres -- "$BIN/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
    { cat "$dir/initdb.log" >&2; false; }
  printf 'local all all trust\nhost all all 127.0.0.1/32 trust\n' >"$dir/data/pg_hba.conf"
  local port tries=0
  while :; do
    port=$((20000 + RANDOM % 20000))
    if port_free "$port"; then
      # Loopback only, sockets in our own directory (never /var/run/postgresql); durable
      # unless the caller opted out (SG_PG_FAST=1), since tests of the audit promise need it.
      local durable=on
      [ "${SG_PG_FAST:-0}" = 1 ] && durable=off
      cat >>"$dir/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
fsync = $durable
synchronous_commit = $durable
full_page_writes = $durable
CONF
      if runuser -u postgres -- "$BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start >/dev/null 2>&1; then break; fi
      # Lost a race for the port: drop our settings and try another one.
      sed -i '/^listen_addresses = /,$d' "$dir/data/postgresql.conf"
    fi
    tries=$((tries + 1)); [ "$tries" -lt 20 ] || die "no free port found"
  done
  trap - ERR
  log "cluster $name up on 127.0.0.1:$port (pid $(head -n1 "$dir/data/postmaster.pid"))"
  echo "postgresql://postgres@127.0.0.1:$port/postgres"
}

# Stops NAME's server if it runs (mode fast: SIGINT; immediate: SIGQUIT, a crash that the
# next start recovers from the WAL); the files stay.
stop_server() {
  local dir="$ROOT/$1" pidfile="$ROOT/$1/data/postmaster.pid" pid signal=INT
  [ "${2:-fast}" = immediate ] && signal=QUIT
  if [ -f "$pidfile" ]; then
    pid=$(head -n1 "$pidfile")
    # Only signal the process if it is a postgres whose data dir is ours.
    if [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q -- "$dir/data"; then
      kill -"$signal" "$pid" 2>/dev/null || true
      for _ in $(seq 1 100); do [ -e "/proc/$pid" ] || break; sleep 0.1; done
      if [ -e "/proc/$pid" ]; then kill -QUIT "$pid" 2>/dev/null || true; sleep 1; fi
    fi
  fi
}

cmd_stop() {
  need_root; need_name "${1:-}"
  local dir="$ROOT/$1"
  [ -d "$dir" ] || { log "no cluster named $1"; return 0; }
  stop_server "$1"
  rm -rf "$dir"
  log "cluster $1 stopped and removed"
}

cmd_pause() {
  need_root; need_name "${1:-}"
  local mode="${2:-fast}"
  [ "$mode" = fast ] || [ "$mode" = immediate ] || die "pause mode is fast or immediate (got '$mode')"
  [ -d "$ROOT/$1/data" ] || die "no cluster named $1"
  stop_server "$1" "$mode"
  log "cluster $1 paused ($mode stop, files kept)"
}

cmd_start() {
  need_root; need_name "${1:-}"
  local dir="$ROOT/$1"
  [ -d "$dir/data" ] || die "no cluster named $1"
  runuser -u postgres -- "$BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start >/dev/null 2>&1 ||
    { tail -n 20 "$dir/server.log" >&2; die "cluster $1 did not start"; }
  log "cluster $1 started again"
}

cmd_stop_all() {
  need_root
  [ -d "$ROOT" ] || return 0
  local d
  for d in "$ROOT"/*/; do [ -d "$d" ] && cmd_stop "$(basename "$d")"; done
  return 0
}

case "${1:-}" in
  up) shift; cmd_up "$@" ;;
  stop) shift; cmd_stop "$@" ;;
  pause) shift; cmd_pause "$@" ;;
  start) shift; cmd_start "$@" ;;
  stop-all) cmd_stop_all ;;
  install) cmd_install ;;
  *) sed -n '2,22p' "$0" >&2; exit 2 ;;
esac
