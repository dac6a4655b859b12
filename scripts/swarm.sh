#!/usr/bin/env bash
# Local Docker swarm test harness: every node is a dockerd in its own network
# namespace, wired to one Linux bridge per swarm. See scripts/README.md.
#
# It never talks to the machine's default Docker socket (/var/run/docker.sock):
# every docker command here is given an explicit DOCKER_HOST under the state dir.
set -euo pipefail

export PATH="$PATH:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"

STATE_ROOT=${SG_STATE_DIR:-/run/sg}
DATA_ROOT=${SG_DATA_DIR:-/var/lib/sg}
IMAGE=sg-busybox:latest
API_VERSION=1.41
APPLETS=(sh sleep httpd ping nc nslookup hostname ip cat echo ls ps wget true false env ifconfig route grep)
PING_TIMEOUT=${SG_PING_TIMEOUT:-60}     # seconds to wait for a dockerd's /_ping
READY_TIMEOUT=${SG_READY_TIMEOUT:-90}   # seconds to wait for nodes to be Ready
STOP_TIMEOUT=${SG_STOP_TIMEOUT:-20}     # seconds between SIGTERM and SIGKILL
INDEX_MIN=10
INDEX_MAX=250
MAX_K=244                               # 198.18.C.(10+K) must stay <= .254
PROG=swarm.sh

log() { printf '[%s] %s\n' "$PROG" "$*" >&2; }
die() { printf '[%s] error: %s\n' "$PROG" "$*" >&2; exit 1; }

usage() {
  cat >&2 <<'EOF'
usage: swarm.sh COMMAND ...
  install                                   install docker.io busybox-static iproute2 jq curl debootstrap if missing
                                            (debootstrap: scripts/image.sh's base image, for the image's test)
  up NAME [--workers N] [--managers M] [--index C]
                                            start swarm NAME (M managers in total, default 1; N workers, default 0)
  add-node NAME --role worker|manager       add one node to running swarm NAME
  engine NAME [--index C | --attach SWARM]  start one plain engine (not in a swarm)
  stop-node NAME K [--kill]                 stop node K's dockerd (--kill: SIGKILL its containers first)
  start-node NAME K                         start node K's dockerd again (same data dir)
  info NAME                                 print NAME's state JSON
  down NAME [--if-exists]                   stop and remove everything of NAME
  down-all                                  down every NAME in the state dir
  list                                      list NAMEs that are up
Environment: SG_STATE_DIR (default /run/sg), SG_DATA_DIR (default /var/lib/sg),
  SG_STORAGE_DRIVER (default: dockerd's choice), SG_KEEP_FAILED=1 (do not clean up after a failed up),
  SG_OWN_CONTAINERD=auto|1|0 (start a private containerd per node; auto = only if a system
  containerd socket exists at /run/containerd/containerd.sock, which dockerd would otherwise share).
EOF
}

require_root() {
  local uid
  uid=$(id -u)
  [ "$uid" = 0 ] || die "must be run as root (uid 0); current uid is $uid. Try: sudo $0 ${*:-}"
}

valid_name() {
  [[ $1 =~ ^[A-Za-z0-9]([A-Za-z0-9-]{0,22}[A-Za-z0-9])?$ ]]
}

need_name() { # $1 = NAME (may be empty) ; $2 = command
  [ -n "${1:-}" ] || die "$2: missing NAME"
  valid_name "$1" || die "$2: invalid NAME '$1' (letters, digits and '-', at most 24 characters, no leading/trailing '-')"
}

state_dir() { printf '%s/%s' "$STATE_ROOT" "$1"; }
state_file() { printf '%s/%s/cluster.json' "$STATE_ROOT" "$1"; }

need_state() { # $1 NAME $2 command
  need_name "${1:-}" "$2"
  [ -f "$(state_file "$1")" ] || die "$2: unknown NAME '$1' (no $(state_file "$1")); see '$PROG list'"
}

is_int() { [[ ${1:-} =~ ^[0-9]+$ ]]; }

# ---------------------------------------------------------------- docker client
DOCKER_BIN=${SG_DOCKER:-}
docker_bin() {
  if [ -z "$DOCKER_BIN" ]; then
    if [ -x /usr/bin/docker ]; then DOCKER_BIN=/usr/bin/docker
    else DOCKER_BIN=$(command -v docker) || die "no docker client found"
    fi
  fi
}

# dk SOCKET docker-args... : the docker CLI against one node (never the default socket)
dk() {
  local sock=$1; shift
  docker_bin
  env -u DOCKER_CONTEXT -u DOCKER_TLS_VERIFY -u DOCKER_CERT_PATH \
    DOCKER_HOST="unix://$sock" DOCKER_API_VERSION="$API_VERSION" \
    DOCKER_CONFIG="$STATE_ROOT/.docker-cli" "$DOCKER_BIN" "$@"
}

ping_sock() { curl -sf --max-time 3 --unix-socket "$1" http://localhost/_ping >/dev/null 2>&1; }

# ---------------------------------------------------------------- locking
# One lock for the whole machine, not one per state dir: swarm indexes, bridges and
# namespaces are machine-wide, and two harnesses with different SG_STATE_DIRs picking
# an index at the same moment would otherwise both take the same free one.
ALLOC_LOCK=${SG_ALLOC_LOCK:-/run/swarm-gateway-harness.lock}
lock() {
  mkdir -p "$STATE_ROOT"
  exec 9>"$ALLOC_LOCK"
  flock -w 300 9 || die "could not lock $ALLOC_LOCK within 300 s"
}
unlock() { flock -u 9 2>/dev/null || true; exec 9>&-; }

# ---------------------------------------------------------------- install
pkg_installed() { local s; s=$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null || true); [ "$s" = "install ok installed" ]; }

missing_packages() {
  local m=()
  command -v dockerd >/dev/null 2>&1 || m+=(docker.io)
  command -v iptables >/dev/null 2>&1 || m+=(docker.io)
  { [ -x /bin/busybox ] && pkg_installed busybox-static; } || m+=(busybox-static)
  command -v ip >/dev/null 2>&1 || m+=(iproute2)
  command -v jq >/dev/null 2>&1 || m+=(jq)
  command -v curl >/dev/null 2>&1 || m+=(curl)
  command -v nsenter >/dev/null 2>&1 || m+=(util-linux)
  command -v debootstrap >/dev/null 2>&1 || m+=(debootstrap)
  [ ${#m[@]} -eq 0 ] || printf '%s\n' "${m[@]}" | sort -u
}

cmd_install() {
  require_root
  local pkgs
  pkgs=$(missing_packages)
  [ -n "$pkgs" ] || return 0
  mkdir -p "$STATE_ROOT"
  exec 8>"$STATE_ROOT/.install.lock"
  flock -w 900 8 || die "could not lock $STATE_ROOT/.install.lock"
  pkgs=$(missing_packages)              # someone else may have installed meanwhile
  if [ -n "$pkgs" ]; then
    # shellcheck disable=SC2086
    log "installing: $(echo $pkgs)"
    # Keep apt from starting the packaged docker/containerd services (that would
    # create the default socket and a system containerd that our dockerds would share).
    local made_policy=0
    if [ ! -e /usr/sbin/policy-rc.d ]; then
      printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod 755 /usr/sbin/policy-rc.d && made_policy=1
    fi
    local aptlog="$STATE_ROOT/.apt.log" ok=0
    # shellcheck disable=SC2086
    if DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $pkgs >"$aptlog" 2>&1; then
      ok=1
    else
      log "apt-get install failed without an update; running apt-get update"
      # shellcheck disable=SC2086
      if DEBIAN_FRONTEND=noninteractive apt-get update -q >>"$aptlog" 2>&1 &&
         DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $pkgs >>"$aptlog" 2>&1; then
        ok=1
      fi
    fi
    [ "$made_policy" = 1 ] && rm -f /usr/sbin/policy-rc.d
    if [ "$ok" != 1 ]; then
      tail -n 20 "$aptlog" >&2
      die "installing packages failed (log: $aptlog)"
    fi
    pkgs=$(missing_packages)
    [ -z "$pkgs" ] || die "still missing after install: $pkgs"
    log "installed"
  fi
  flock -u 8; exec 8>&-
}

# ---------------------------------------------------------------- state JSON
write_json() { # $1 file ; JSON on stdin ; atomic
  local tmp="$1.tmp.$$"
  jq . >"$tmp" && mv -f "$tmp" "$1"
}

state_init() { # NAME INDEX KIND
  local c=$2
  jq -n --arg name "$1" --argjson index "$c" --arg bridge "sgbr$c" --arg gw "198.18.$c.1" --arg kind "$3" \
    '{name:$name,index:$index,bridge:$bridge,gatewayAddr:$gw,kind:$kind,nodes:[]}' | write_json "$(state_file "$1")"
}

node_json() { # NAME INDEX K HOSTNAME ROLE
  local name=$1 c=$2 k=$3 nd
  nd="$STATE_ROOT/$name/n$k"
  jq -n --argjson k "$k" --arg hostname "$4" --arg role "$5" --arg addr "198.18.$c.$((10 + k))" \
    --arg socket "$nd/docker.sock" --arg host "unix://$nd/docker.sock" --arg netns "sg${c}n${k}" \
    --arg pidfile "$nd/docker.pid" --arg log "$nd/dockerd.log" \
    '{k:$k,hostname:$hostname,role:$role,addr:$addr,socket:$socket,host:$host,netns:$netns,pidfile:$pidfile,log:$log}'
}

state_add_node() { # NAME INDEX K HOSTNAME ROLE
  local f node
  f=$(state_file "$1")
  node=$(node_json "$@")
  jq --argjson node "$node" '.nodes += [$node]' "$f" | write_json "$f"
}

state_del_node() { # NAME K
  local f
  f=$(state_file "$1")
  jq --argjson k "$2" '.nodes |= map(select(.k != $k))' "$f" | write_json "$f"
}

st() { jq -r "$2" "$(state_file "$1")"; }   # st NAME FILTER

# ---------------------------------------------------------------- allocation (call under lock)
used_indexes() {
  local f
  for f in "$STATE_ROOT"/*/cluster.json; do
    [ -f "$f" ] && jq -r '.index' "$f" 2>/dev/null || true
  done
  ip -o link show 2>/dev/null | sed -n 's/^[0-9]*: sgbr\([0-9]*\)[:@].*/\1/p' || true
  ip netns list 2>/dev/null | sed -n 's/^sg\([0-9]*\)n[0-9]*.*/\1/p' || true
  ip -4 -o addr show 2>/dev/null | sed -n 's/.* inet 198\.18\.\([0-9]*\)\..*/\1/p' || true
}

index_free() { local u; u=$(used_indexes); ! grep -qx "$1" <<<"$u"; }

pick_index() {
  local c u
  u=$(used_indexes)
  for ((c = INDEX_MIN; c <= INDEX_MAX; c++)); do
    if ! grep -qx "$c" <<<"$u"; then echo "$c"; return 0; fi
  done
  die "no free swarm index between $INDEX_MIN and $INDEX_MAX"
}

next_k() { # INDEX -> smallest K not used on that bridge (by any state or existing netns)
  local c=$1 k f used
  used=$(
    for f in "$STATE_ROOT"/*/cluster.json; do
      [ -f "$f" ] && jq -r --argjson c "$c" 'select(.index == $c) | .nodes[].k' "$f" 2>/dev/null || true
    done
    ip netns list 2>/dev/null | sed -n "s/^sg${c}n\([0-9]*\).*/\1/p" || true
  )
  for ((k = 1; k <= MAX_K; k++)); do
    if ! grep -qx "$k" <<<"$used"; then echo "$k"; return 0; fi
  done
  die "no free node number on index $c"
}

# ---------------------------------------------------------------- rootfs image
rootfs_tar() {
  local cache="$STATE_ROOT/.cache" tar tmp a
  tar="$cache/sg-busybox-rootfs.tar"
  if [ ! -s "$tar" ]; then
    mkdir -p "$cache"
    tmp=$(mktemp -d "$cache/build.XXXXXX")
    mkdir -p "$tmp/root"/{bin,etc,tmp,root,proc,sys,dev,var/www,usr/bin,sbin}
    chmod 1777 "$tmp/root/tmp"
    cp /bin/busybox "$tmp/root/bin/busybox"
    for a in "${APPLETS[@]}"; do ln -s busybox "$tmp/root/bin/$a"; done
    printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n' >"$tmp/root/etc/passwd"
    printf 'root:x:0:\nnogroup:x:65534:\n' >"$tmp/root/etc/group"
    tar --numeric-owner -C "$tmp/root" -cf "$tmp/rootfs.tar" .
    mv -f "$tmp/rootfs.tar" "$tar"
    rm -rf "$tmp"
  fi
  echo "$tar"
}

import_image() { # SOCKET HOSTNAME
  if dk "$1" image inspect "$IMAGE" >/dev/null 2>&1; then return 0; fi
  local tar
  tar=$(rootfs_tar)
  dk "$1" import -c 'CMD ["sh"]' - "$IMAGE" <"$tar" >/dev/null || { log "importing $IMAGE into $2 failed"; return 1; }
}

# ---------------------------------------------------------------- networking
ensure_bridge() { # INDEX
  local c=$1 br="sgbr$1"
  if ! ip link show "$br" >/dev/null 2>&1; then
    ip link add "$br" type bridge
    # Nothing that arrives from the nodes is routed on by the host (whatever the global
    # ip_forward says): their traffic can only reach the bridge address and each other.
    sysctl -qw "net.ipv4.conf.$br.forwarding=0" "net.ipv6.conf.$br.disable_ipv6=1" >/dev/null || true
    ip addr add "198.18.$c.1/24" dev "$br"
  fi
  ip link set "$br" up
}

setup_node_net() { # INDEX K
  local c=$1 k=$2 ns="sg$1n$2" veth="sgv$1n$2" peer="sgp$1n$2"
  ip link show "sgbr$c" >/dev/null 2>&1 || die "bridge sgbr$c does not exist"
  [ ! -e "/var/run/netns/$ns" ] || die "network namespace $ns already exists (leftover? run '$PROG down' for its owner)"
  ip netns add "$ns"
  ip link add "$veth" type veth peer name "$peer"
  ip link set "$peer" netns "$ns"
  ip link set "$veth" master "sgbr$c"
  ip link set "$veth" up
  ip -n "$ns" link set "$peer" name eth0
  ip -n "$ns" addr add "198.18.$c.$((10 + k))/24" dev eth0
  ip -n "$ns" link set lo up
  ip -n "$ns" link set eth0 up
  ip -n "$ns" route add default via "198.18.$c.1"
}

# ---------------------------------------------------------------- dockerd
own_containerd_wanted() {
  case "${SG_OWN_CONTAINERD:-auto}" in
    1|yes|true) return 0 ;;
    0|no|false) return 1 ;;
    *) [ -e /run/containerd/containerd.sock ] || [ -L /run/containerd/containerd.sock ] ;;
  esac
}

# start_dockerd NAME INDEX K HOSTNAME : launches the node's dockerd in the background
start_dockerd() {
  local name=$1 c=$2 k=$3 host=$4
  local nd="$STATE_ROOT/$name/n$k" data="$DATA_ROOT/$name/n$k" ns="sg${c}n${k}"
  local sock="$nd/docker.sock"
  [ ${#sock} -le 100 ] || die "socket path too long (${#sock} > 100 bytes): $sock; use a shorter SG_STATE_DIR or NAME"
  mkdir -p "$nd" "$data"
  # own config file (never /etc/docker/daemon.json); own identity key (else every node would
  # share, and dockerd would create, /etc/docker/key.json: same engine ID on all nodes)
  jq -n --arg key "$nd/key.json" '{"deprecated-key-path": $key}' >"$nd/daemon.json"
  local args=(--data-root "$data" --exec-root "$nd/x" -H "unix://$sock" --pidfile "$nd/docker.pid"
    --config-file "$nd/daemon.json"
    --cgroup-parent "/$ns" --log-level "${SG_LOG_LEVEL:-warn}")
  [ -z "${SG_STORAGE_DRIVER:-}" ] || args+=(--storage-driver "$SG_STORAGE_DRIVER")
  if own_containerd_wanted; then
    start_containerd "$name" "$c" "$k"
    args+=(--containerd "$nd/c/containerd.sock")
  fi
  echo "=== $(date -u +%FT%TZ) starting dockerd ($host, netns $ns)" >>"$nd/dockerd.log"
  # setsid -w: if setsid has to fork, it stays as the parent, so $! lives as long as dockerd.
  # DOCKER_SERVICE_PREFER_OFFLINE_IMAGE=1: swarm tasks use the local image instead of first
  # trying (and, with no registry, slowly failing) to pull it.
  setsid -w env DOCKER_SERVICE_PREFER_OFFLINE_IMAGE=1 \
    nsenter --net="/var/run/netns/$ns" unshare --uts \
    sh -c 'hostname "$1"; shift; exec dockerd "$@"' sh "$host" "${args[@]}" \
    </dev/null >>"$nd/dockerd.log" 2>&1 8>&- 9>&- &
  echo $! >"$nd/launcher.pid"
}

# A private containerd for one node (only when a system containerd would be shared).
start_containerd() { # NAME INDEX K
  local name=$1 c=$2 k=$3
  local nd="$STATE_ROOT/$name/n$k" data="$DATA_ROOT/$name/n$k" ns="sg${c}n${k}"
  mkdir -p "$nd/c" "$data/containerd"
  cat >"$nd/c/config.toml" <<EOF
version = 2
root = "$data/containerd"
state = "$nd/c/state"
disabled_plugins = ["io.containerd.grpc.v1.cri"]
[grpc]
  address = "$nd/c/containerd.sock"
[ttrpc]
  address = "$nd/c/containerd.sock.ttrpc"
[debug]
  address = "$nd/c/debug.sock"
[plugins."io.containerd.internal.v1.opt"]
  path = "$data/containerd/opt"
EOF
  echo "=== $(date -u +%FT%TZ) starting containerd (netns $ns)" >>"$nd/containerd.log"
  setsid -w nsenter --net="/var/run/netns/$ns" containerd --config "$nd/c/config.toml" --log-level warn \
    </dev/null >>"$nd/containerd.log" 2>&1 8>&- 9>&- &
  echo $! >"$nd/c/containerd.pid"
  local i
  for ((i = 0; i < 100; i++)); do
    [ -S "$nd/c/containerd.sock" ] && return 0
    kill -0 "$(cat "$nd/c/containerd.pid")" 2>/dev/null || break
    sleep 0.1
  done
  tail -n 20 "$nd/containerd.log" >&2 || true
  die "private containerd for $name node $k did not start (log: $nd/containerd.log)"
}

# wait_dockerd NAME K HOSTNAME : wait for /_ping; on failure print the log tail and return 1
wait_dockerd() {
  local name=$1 k=$2 host=$3 nd="$STATE_ROOT/$1/n$2" lpid deadline
  lpid=$(cat "$nd/launcher.pid" 2>/dev/null || echo 0)
  deadline=$((SECONDS + PING_TIMEOUT))
  while :; do
    ping_sock "$nd/docker.sock" && return 0
    if ! kill -0 "$lpid" 2>/dev/null || [ "$(awk '{print $3}' "/proc/$lpid/stat" 2>/dev/null)" = Z ]; then
      log "dockerd of $host exited before answering /_ping on $nd/docker.sock; last lines of $nd/dockerd.log:"
      tail -n 25 "$nd/dockerd.log" >&2 || true
      return 1
    fi
    if ((SECONDS >= deadline)); then
      log "dockerd of $host did not answer /_ping on $nd/docker.sock within ${PING_TIMEOUT}s; last lines of $nd/dockerd.log:"
      tail -n 25 "$nd/dockerd.log" >&2 || true
      return 1
    fi
    sleep 0.2
  done
}

# pid_is_ours PID DIR : the process's command line mentions DIR (guards against pid reuse)
pid_is_ours() {
  local cmd
  [ -n "${1:-}" ] && [ -r "/proc/$1/cmdline" ] || return 1
  cmd=$({ tr '\0' ' ' <"/proc/$1/cmdline"; } 2>/dev/null || true)
  [[ $cmd == *"$2/"* ]]
}

node_dockerd_pid() { # NODEDIR -> pid of its running dockerd, if any
  local nd=$1 p
  for p in "$(cat "$nd/docker.pid" 2>/dev/null || true)" "$(cat "$nd/launcher.pid" 2>/dev/null || true)"; do
    if [ -n "$p" ] && kill -0 "$p" 2>/dev/null && pid_is_ours "$p" "$nd"; then echo "$p"; return 0; fi
  done
  return 1
}

wait_pids_gone() { # TIMEOUT PID... : returns 0 when all gone
  local t=$1; shift
  local deadline=$((SECONDS + t)) p alive
  while :; do
    alive=0
    for p in "$@"; do
      if kill -0 "$p" 2>/dev/null && [ "$(awk '{print $3}' "/proc/$p/stat" 2>/dev/null)" != Z ]; then alive=1; fi
    done
    [ "$alive" = 0 ] && return 0
    ((SECONDS >= deadline)) && return 1
    sleep 0.2
  done
}

# stop_dockerds NODEDIR... : SIGTERM all, wait up to STOP_TIMEOUT, then SIGKILL
stop_dockerds() {
  local nd p pids=()
  for nd in "$@"; do
    if p=$(node_dockerd_pid "$nd"); then pids+=("$p"); kill -TERM "$p" 2>/dev/null || true; fi
  done
  [ ${#pids[@]} -gt 0 ] || return 0
  if ! wait_pids_gone "$STOP_TIMEOUT" "${pids[@]}"; then
    log "dockerd did not stop within ${STOP_TIMEOUT}s; sending SIGKILL"
    for p in "${pids[@]}"; do kill -KILL "$p" 2>/dev/null || true; done
    wait_pids_gone 10 "${pids[@]}" || log "warning: could not kill pid(s) ${pids[*]}"
  fi
  # a private containerd (SG_OWN_CONTAINERD) is stopped after its dockerd
  local cpids=()
  for nd in "$@"; do
    p=$(cat "$nd/c/containerd.pid" 2>/dev/null || true)
    if [ -n "$p" ] && kill -0 "$p" 2>/dev/null && pid_is_ours "$p" "$nd"; then cpids+=("$p"); kill -TERM "$p" 2>/dev/null || true; fi
  done
  if [ ${#cpids[@]} -gt 0 ] && ! wait_pids_gone 10 "${cpids[@]}"; then
    for p in "${cpids[@]}"; do kill -KILL "$p" 2>/dev/null || true; done
  fi
}

ns_inode() { stat -L -c %i "$1" 2>/dev/null || true; }

# kill_leftovers NAME INDEX K... : processes that still belong to these nodes (containerd,
# shims, container processes, docker-proxy): found by command line (node paths), by network
# namespace (the node's netns and the container namespaces under its exec-root) or by cgroup.
kill_leftovers() {
  local name=$1 c=$2; shift 2
  local k nd f inodes=() paths=() cg pids=() p ino self_ancestors=" 1 $$ ${BASHPID:-$$} "
  p=$$
  while [ -n "$p" ] && [ "$p" != 0 ] && [ "$p" != 1 ]; do
    self_ancestors+="$p "
    p=$(awk '{print $4}' "/proc/$p/stat" 2>/dev/null || true)
  done
  for k in "$@"; do
    nd="$STATE_ROOT/$name/n$k"
    paths+=("$nd/" "$DATA_ROOT/$name/n$k/")
    ino=$(ns_inode "/var/run/netns/sg${c}n${k}"); [ -z "$ino" ] || inodes+=("$ino")
    for f in "$nd"/x/netns/*; do
      [ -e "$f" ] || continue
      ino=$(ns_inode "$f"); [ -z "$ino" ] || inodes+=("$ino")
    done
    for cg in /sys/fs/cgroup/*/"sg${c}n${k}" /sys/fs/cgroup/"sg${c}n${k}"; do
      [ -d "$cg" ] || continue
      while read -r p; do [ -n "$p" ] && pids+=("$p"); done < <(find "$cg" -name cgroup.procs -exec cat {} + 2>/dev/null || true)
    done
  done
  local ino_re=" ${inodes[*]:-} "
  for f in /proc/[0-9]*; do
    p=${f#/proc/}
    [[ $self_ancestors == *" $p "* ]] && continue
    local hit=0 cmd
    ino=$(readlink "$f/ns/net" 2>/dev/null || true); ino=${ino#net:[}; ino=${ino%]}
    if [ -n "$ino" ] && [[ $ino_re == *" $ino "* ]]; then hit=1; fi
    if [ "$hit" = 0 ]; then
      cmd=$({ tr '\0' ' ' <"$f/cmdline"; } 2>/dev/null || true)
      for k in "${paths[@]}"; do [[ $cmd == *"$k"* ]] && { hit=1; break; }; done
    fi
    [ "$hit" = 1 ] && pids+=("$p")
  done
  [ ${#pids[@]} -gt 0 ] || return 0
  mapfile -t pids < <(printf '%s\n' "${pids[@]}" | sort -un)
  local live=()
  for p in "${pids[@]}"; do
    [[ $self_ancestors == *" $p "* ]] && continue
    kill -0 "$p" 2>/dev/null && live+=("$p")
  done
  [ ${#live[@]} -gt 0 ] || return 0
  log "stopping leftover processes of $name: ${live[*]}"
  for p in "${live[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
  if ! wait_pids_gone 3 "${live[@]}"; then
    for p in "${live[@]}"; do kill -KILL "$p" 2>/dev/null || true; done
    wait_pids_gone 5 "${live[@]}" || log "warning: some leftover processes survived SIGKILL"
  fi
}

mounts_under() { # PREFIX... : mount points equal to or below a prefix, deepest first
  awk '{print $5}' /proc/self/mountinfo | while read -r m; do
    m=$(printf '%b' "${m//\\/\\\\0}")   # decode \040-style escapes
    for p in "$@"; do
      if [ "$m" = "$p" ] || [[ $m == "$p"/* ]]; then echo "$m"; break; fi
    done
  done | awk '{print length($0) "\t" $0}' | sort -rn | cut -f2-
}

unmount_under() { # PREFIX...
  local i m list
  for ((i = 0; i < 5; i++)); do
    list=$(mounts_under "$@")
    [ -n "$list" ] || return 0
    while read -r m; do umount -l "$m" 2>/dev/null || true; done <<<"$list"
  done
  list=$(mounts_under "$@")
  [ -z "$list" ] || { log "warning: still mounted: $(echo $list)"; return 1; }
}

remove_cgroups() { # NETNS
  local cg
  for cg in /sys/fs/cgroup/*/"$1" /sys/fs/cgroup/"$1"; do
    [ -d "$cg" ] || continue
    find "$cg" -depth -type d -exec rmdir {} \; 2>/dev/null || true
  done
}

# kill_containers INDEX K... : SIGKILL the container processes of these nodes (found by the
# per-node cgroup parent), so that dockerd need not wait for each container's stop timeout.
kill_containers() {
  local c=$1; shift
  local k p pids=()
  for k in "$@"; do
    while read -r p; do [ -n "$p" ] && pids+=("$p"); done < <(cat /sys/fs/cgroup/*/"sg${c}n${k}"/*/cgroup.procs \
      /sys/fs/cgroup/"sg${c}n${k}"/*/cgroup.procs 2>/dev/null || true)
  done
  [ ${#pids[@]} -gt 0 ] || return 0
  mapfile -t pids < <(printf '%s\n' "${pids[@]}" | sort -un)
  kill -KILL "${pids[@]}" 2>/dev/null || true
}

# teardown_nodes NAME INDEX K... : everything of these nodes except the bridge and the state
teardown_nodes() {
  local name=$1 c=$2; shift 2
  [ $# -gt 0 ] || return 0
  local k nds=() prefixes=()
  for k in "$@"; do
    nds+=("$STATE_ROOT/$name/n$k")
    prefixes+=("$STATE_ROOT/$name/n$k" "$DATA_ROOT/$name/n$k")
  done
  kill_containers "$c" "$@"
  stop_dockerds "${nds[@]}"
  kill_leftovers "$name" "$c" "$@"
  unmount_under "${prefixes[@]}" || true
  for k in "$@"; do
    if [ -e "/var/run/netns/sg${c}n${k}" ]; then
      ip netns del "sg${c}n${k}" 2>/dev/null || log "warning: ip netns del sg${c}n${k} failed"
    fi
    if ip link show "sgv${c}n${k}" >/dev/null 2>&1; then ip link del "sgv${c}n${k}" 2>/dev/null || true; fi
    if ip link show "sgp${c}n${k}" >/dev/null 2>&1; then ip link del "sgp${c}n${k}" 2>/dev/null || true; fi
    remove_cgroups "sg${c}n${k}"
  done
}

# ---------------------------------------------------------------- swarm helpers
wait_ready() { # MANAGER_SOCKET HOSTNAME...
  local sock=$1; shift
  local deadline=$((SECONDS + READY_TIMEOUT)) out h missing
  while :; do
    out=$(dk "$sock" node ls --format '{{.Hostname}} {{.Status}}' 2>/dev/null || true)
    missing=()
    for h in "$@"; do grep -qx "$h Ready" <<<"$out" || missing+=("$h"); done
    [ ${#missing[@]} -eq 0 ] && return 0
    if ((SECONDS >= deadline)); then
      log "nodes not Ready within ${READY_TIMEOUT}s: ${missing[*]}; docker node ls says:"
      printf '%s\n' "$out" >&2
      return 1
    fi
    sleep 0.5
  done
}

swarm_join() { # SOCKET TOKEN ADDR MANAGER_ADDR HOSTNAME
  local i state
  for ((i = 1; i <= 3; i++)); do
    if dk "$1" swarm join --token "$2" --advertise-addr "$3" "$4:2377" >/dev/null 2>"$STATE_ROOT/.join.$$.$BASHPID"; then
      rm -f "$STATE_ROOT/.join.$$.$BASHPID"; return 0
    fi
    state=$(dk "$1" info --format '{{.Swarm.LocalNodeState}}' 2>/dev/null || true)
    if [ "$state" = active ]; then rm -f "$STATE_ROOT/.join.$$.$BASHPID"; return 0; fi
    log "join of $5 failed (try $i): $(tr '\n' ' ' <"$STATE_ROOT/.join.$$.$BASHPID")"
    sleep 2
  done
  rm -f "$STATE_ROOT/.join.$$.$BASHPID"
  return 1
}

live_manager_k() { # NAME -> K of a running manager node that has the control plane
  local k s
  for k in $(st "$1" '.nodes[] | select(.role == "manager") | .k'); do
    s="$STATE_ROOT/$1/n$k/docker.sock"
    if ping_sock "$s" && [ "$(dk "$s" info --format '{{.Swarm.ControlAvailable}}' 2>/dev/null || true)" = true ]; then
      echo "$k"; return 0
    fi
  done
  return 1
}

run_parallel() { # CMD-FUNCTION ARGSETS... (each argset one string, split on '|')
  local fn=$1; shift
  local pids=() a rc=0 p
  for a in "$@"; do
    IFS='|' read -r -a argv <<<"$a"
    "$fn" "${argv[@]}" &
    pids+=($!)
  done
  for p in "${pids[@]}"; do wait "$p" || rc=1; done
  return $rc
}

# ---------------------------------------------------------------- failure cleanup for up/engine
CLEANUP_NAME=""
on_exit() {
  local rc=$?
  if [ "$rc" != 0 ] && [ -n "$CLEANUP_NAME" ]; then
    if [ "${SG_KEEP_FAILED:-0}" = 1 ]; then
      log "failed; leaving $CLEANUP_NAME as it is (SG_KEEP_FAILED=1); remove it with: $PROG down $CLEANUP_NAME"
    else
      log "failed; cleaning up $CLEANUP_NAME (set SG_KEEP_FAILED=1 to keep it for debugging)"
      (set +e; do_down "$CLEANUP_NAME") || true
    fi
  fi
  exit "$rc"
}
trap on_exit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------- commands
cmd_up() {
  local name="" workers=0 managers=1 index=""
  while [ $# -gt 0 ]; do
    case "$1" in
      --workers) is_int "${2:-}" || die "up: --workers needs a number"; workers=$2; shift 2 ;;
      --managers) is_int "${2:-}" || die "up: --managers needs a number"; managers=$2; shift 2 ;;
      --index) is_int "${2:-}" || die "up: --index needs a number"; index=$2; shift 2 ;;
      -*) die "up: unknown option $1" ;;
      *) [ -z "$name" ] || die "up: unexpected argument $1"; name=$1; shift ;;
    esac
  done
  need_name "$name" up
  ((managers >= 1)) || die "up: --managers must be at least 1"
  ((managers + workers <= MAX_K)) || die "up: too many nodes"
  if [ -n "$index" ]; then ((index >= 1 && index <= 254)) || die "up: --index must be 1..254"; fi
  cmd_install
  local t0=$SECONDS
  mkdir -p "$STATE_ROOT" "$DATA_ROOT"

  lock
  [ ! -e "$(state_dir "$name")" ] || { unlock; die "up: '$name' is already up (or left over); run '$PROG down $name' first"; }
  if [ -n "$index" ]; then
    index_free "$index" || { unlock; die "up: index $index is in use"; }
  else
    index=$(pick_index)
  fi
  mkdir -p "$(state_dir "$name")"
  CLEANUP_NAME=$name
  touch "$(state_dir "$name")/owns-bridge"
  state_init "$name" "$index" swarm
  local k total=$((managers + workers)) hosts=() roles=()
  for ((k = 1; k <= total; k++)); do
    if ((k <= managers)); then roles[k]=manager; hosts[k]="$name-manager-$k"
    else roles[k]=worker; hosts[k]="$name-worker-$((k - managers))"; fi
    state_add_node "$name" "$index" "$k" "${hosts[k]}" "${roles[k]}"
  done
  unlock

  log "up $name: index $index, bridge sgbr$index, $managers manager(s), $workers worker(s)"
  ensure_bridge "$index"
  rootfs_tar >/dev/null
  for ((k = 1; k <= total; k++)); do
    setup_node_net "$index" "$k"
    start_dockerd "$name" "$index" "$k" "${hosts[k]}"
  done
  local sets=()
  for ((k = 1; k <= total; k++)); do sets+=("$name|$k|${hosts[k]}"); done
  run_parallel wait_dockerd "${sets[@]}" || die "up $name: a dockerd did not start (see above)"
  log "engines answer; importing $IMAGE"
  sets=()
  for ((k = 1; k <= total; k++)); do sets+=("$STATE_ROOT/$name/n$k/docker.sock|${hosts[k]}"); done
  run_parallel import_image "${sets[@]}" || die "up $name: image import failed"

  local msock="$STATE_ROOT/$name/n1/docker.sock" maddr="198.18.$index.11"
  dk "$msock" swarm init --advertise-addr "$maddr" >/dev/null || die "up $name: docker swarm init failed"
  if ((total > 1)); then
    local wtoken mtoken
    wtoken=$(dk "$msock" swarm join-token -q worker)
    mtoken=$(dk "$msock" swarm join-token -q manager)
    for ((k = 2; k <= managers; k++)); do
      swarm_join "$STATE_ROOT/$name/n$k/docker.sock" "$mtoken" "198.18.$index.$((10 + k))" "$maddr" "${hosts[k]}" ||
        die "up $name: ${hosts[k]} could not join as manager"
    done
    sets=()
    for ((k = managers + 1; k <= total; k++)); do
      sets+=("$STATE_ROOT/$name/n$k/docker.sock|$wtoken|198.18.$index.$((10 + k))|$maddr|${hosts[k]}")
    done
    [ ${#sets[@]} -eq 0 ] || run_parallel swarm_join "${sets[@]}" || die "up $name: a worker could not join"
  fi
  wait_ready "$msock" "${hosts[@]}" || die "up $name: nodes not Ready"
  CLEANUP_NAME=""
  log "swarm $name is up ($total node(s), $((SECONDS - t0)) s)"
  cat "$(state_file "$name")"
}

cmd_engine() {
  local name="" index="" attach=""
  while [ $# -gt 0 ]; do
    case "$1" in
      --index) is_int "${2:-}" || die "engine: --index needs a number"; index=$2; shift 2 ;;
      --attach) [ -n "${2:-}" ] || die "engine: --attach needs a swarm NAME"; attach=$2; shift 2 ;;
      -*) die "engine: unknown option $1" ;;
      *) [ -z "$name" ] || die "engine: unexpected argument $1"; name=$1; shift ;;
    esac
  done
  need_name "$name" engine
  [ -z "$attach" ] || [ -z "$index" ] || die "engine: --index and --attach exclude each other"
  if [ -n "$index" ]; then ((index >= 1 && index <= 254)) || die "engine: --index must be 1..254"; fi
  if [ -n "$attach" ]; then need_state "$attach" "engine --attach"; fi
  cmd_install
  local t0=$SECONDS k host="$name-engine"
  mkdir -p "$STATE_ROOT" "$DATA_ROOT"

  lock
  [ ! -e "$(state_dir "$name")" ] || { unlock; die "engine: '$name' is already up (or left over); run '$PROG down $name' first"; }
  if [ -n "$attach" ]; then
    [ -f "$(state_file "$attach")" ] || { unlock; die "engine: unknown NAME '$attach'"; }
    index=$(st "$attach" .index)
    ip link show "sgbr$index" >/dev/null 2>&1 || { unlock; die "engine: bridge sgbr$index of '$attach' does not exist"; }
  elif [ -n "$index" ]; then
    index_free "$index" || { unlock; die "engine: index $index is in use"; }
  else
    index=$(pick_index)
  fi
  k=$(next_k "$index")
  mkdir -p "$(state_dir "$name")"
  CLEANUP_NAME=$name
  [ -n "$attach" ] || touch "$(state_dir "$name")/owns-bridge"
  state_init "$name" "$index" engine
  state_add_node "$name" "$index" "$k" "$host" none
  unlock

  if [ -n "$attach" ]; then
    log "engine $name: on bridge sgbr$index of '$attach', node $k (198.18.$index.$((10 + k)))"
  else
    log "engine $name: index $index, bridge sgbr$index"
    ensure_bridge "$index"
  fi
  rootfs_tar >/dev/null
  setup_node_net "$index" "$k"
  start_dockerd "$name" "$index" "$k" "$host"
  wait_dockerd "$name" "$k" "$host" || die "engine $name: dockerd did not start"
  import_image "$STATE_ROOT/$name/n$k/docker.sock" "$host" || die "engine $name: image import failed"
  CLEANUP_NAME=""
  log "engine $name is up ($((SECONDS - t0)) s)"
  cat "$(state_file "$name")"
}

cmd_add_node() {
  local name="" role=""
  while [ $# -gt 0 ]; do
    case "$1" in
      --role) role=${2:-}; shift 2 || die "add-node: --role needs worker|manager" ;;
      -*) die "add-node: unknown option $1" ;;
      *) [ -z "$name" ] || die "add-node: unexpected argument $1"; name=$1; shift ;;
    esac
  done
  need_state "$name" add-node
  case "$role" in worker|manager) ;; *) die "add-node: --role must be worker or manager" ;; esac
  [ "$(st "$name" .kind)" = swarm ] || die "add-node: '$name' is not a swarm"
  cmd_install
  local mk msock
  mk=$(live_manager_k "$name") || die "add-node: no running manager of '$name' answers"
  msock="$STATE_ROOT/$name/n$mk/docker.sock"

  lock
  local index k n host
  index=$(st "$name" .index)
  k=$(next_k "$index")
  n=$(( $(st "$name" "[.nodes[] | select(.role == \"$role\")] | length") + 1 ))
  host="$name-$role-$n"
  while jq -e --arg h "$host" '.nodes[] | select(.hostname == $h)' "$(state_file "$name")" >/dev/null; do
    n=$((n + 1)); host="$name-$role-$n"
  done
  state_add_node "$name" "$index" "$k" "$host" "$role"
  unlock

  local ok=0
  log "add-node $name: $host as node $k (198.18.$index.$((10 + k)))"
  if setup_node_net "$index" "$k" && start_dockerd "$name" "$index" "$k" "$host" && wait_dockerd "$name" "$k" "$host" &&
     import_image "$STATE_ROOT/$name/n$k/docker.sock" "$host"; then
    local token
    if token=$(dk "$msock" swarm join-token -q "$role") &&
       swarm_join "$STATE_ROOT/$name/n$k/docker.sock" "$token" "198.18.$index.$((10 + k))" "198.18.$index.$((10 + mk))" "$host"; then
      ok=1
    fi
  fi
  if [ "$ok" = 1 ] && wait_ready "$msock" "$host"; then
    cat "$(state_file "$name")"
    return 0
  fi
  log "add-node $name: $host failed; removing it again"
  (set +e; teardown_nodes "$name" "$index" "$k") || true
  rm -rf --one-file-system "$STATE_ROOT/$name/n$k" "$DATA_ROOT/$name/n$k" 2>/dev/null || true
  lock; state_del_node "$name" "$k"; unlock
  die "add-node $name: failed"
}

node_host_of() { # NAME K
  st "$1" ".nodes[] | select(.k == $2) | .hostname"
}

cmd_stop_node() {
  local name="" k="" kill=0
  while [ $# -gt 0 ]; do
    case "$1" in
      --kill) kill=1; shift ;;
      -*) die "stop-node: unknown option $1" ;;
      *) if [ -z "$name" ]; then name=$1; elif [ -z "$k" ]; then k=$1; else die "stop-node: unexpected argument $1"; fi; shift ;;
    esac
  done
  need_state "$name" stop-node
  is_int "$k" || die "stop-node: missing node number K"
  local host; host=$(node_host_of "$name" "$k")
  [ -n "$host" ] || die "stop-node: '$name' has no node $k"
  local nd="$STATE_ROOT/$name/n$k" index
  index=$(st "$name" .index)
  if ! node_dockerd_pid "$nd" >/dev/null; then log "stop-node: $host is not running"; return 0; fi
  log "stopping $host"
  # --kill: SIGKILL its containers first (a crash, not a clean stop; saves the stop timeouts)
  [ "$kill" = 0 ] || kill_containers "$index" "$k"
  stop_dockerds "$nd"
  kill_leftovers "$name" "$index" "$k"
  log "stopped $host"
}

cmd_start_node() {
  local name=${1:-} k=${2:-}
  need_state "$name" start-node
  is_int "$k" || die "start-node: missing node number K"
  local host; host=$(node_host_of "$name" "$k")
  [ -n "$host" ] || die "start-node: '$name' has no node $k"
  local nd="$STATE_ROOT/$name/n$k" index
  index=$(st "$name" .index)
  if node_dockerd_pid "$nd" >/dev/null; then log "start-node: $host is already running"; return 0; fi
  [ -e "/var/run/netns/sg${index}n${k}" ] || die "start-node: netns sg${index}n${k} is missing"
  # clean what the previous run may have left mounted (e.g. after SIGKILL)
  unmount_under "$nd/x" || true
  log "starting $host"
  start_dockerd "$name" "$index" "$k" "$host"
  wait_dockerd "$name" "$k" "$host" || die "start-node: $host did not start"
  log "started $host"
}

do_down() { # NAME (state dir exists)
  local name=$1 sd f index="" ks=() k owns=0
  sd=$(state_dir "$name"); f="$sd/cluster.json"
  if [ -f "$f" ]; then
    index=$(jq -r '.index // empty' "$f" 2>/dev/null || true)
    mapfile -t ks < <(jq -r '.nodes[].k' "$f" 2>/dev/null || true)
  fi
  # nodes that have a directory but (somehow) no entry
  for k in "$sd"/n[0-9]* "$DATA_ROOT/$name"/n[0-9]*; do
    [ -d "$k" ] && ks+=("${k##*/n}")
  done
  [ ${#ks[@]} -eq 0 ] || mapfile -t ks < <(printf '%s\n' "${ks[@]}" | sort -un)
  [ -e "$sd/owns-bridge" ] && owns=1
  log "down $name${index:+ (index $index)}: nodes ${ks[*]:-none}"
  if [ -n "$index" ]; then
    teardown_nodes "$name" "$index" "${ks[@]}"
  else
    stop_dockerds "${ks[@]/#/$sd/n}"
    unmount_under "$sd" "$DATA_ROOT/$name" || true
  fi
  if [ "$owns" = 1 ] && [ -n "$index" ] && ip link show "sgbr$index" >/dev/null 2>&1; then
    local other
    for other in "$STATE_ROOT"/*/cluster.json; do
      [ -f "$other" ] && [ "$other" != "$f" ] || continue
      if [ "$(jq -r '.index' "$other" 2>/dev/null)" = "$index" ]; then
        log "warning: $(jq -r .name "$other") is still attached to sgbr$index and loses its network"
      fi
    done
    ip link del "sgbr$index" 2>/dev/null || log "warning: could not delete bridge sgbr$index"
  fi
  if ! unmount_under "$sd" "$DATA_ROOT/$name"; then
    die "down $name: mounts remain under $sd or $DATA_ROOT/$name; not deleting them"
  fi
  rm -rf --one-file-system "$DATA_ROOT/$name" "$sd"
  tidy_host
  log "down $name: done"
}

# containerd's shims put their sockets in /run/containerd/s whatever the containerd state dir;
# when the last NAME is gone and nothing else uses that directory, remove what they created.
tidy_host() {
  [ -z "$(list_names)" ] || return 0
  if [ -d /run/containerd/s ] && [ -z "$(ls -A /run/containerd/s 2>/dev/null)" ] &&
     [ "$(ls -A /run/containerd 2>/dev/null)" = s ]; then
    rmdir /run/containerd/s /run/containerd 2>/dev/null || true
  fi
  return 0
}

cmd_down() {
  local name="" ifexists=0
  while [ $# -gt 0 ]; do
    case "$1" in
      --if-exists) ifexists=1; shift ;;
      -*) die "down: unknown option $1" ;;
      *) [ -z "$name" ] || die "down: unexpected argument $1"; name=$1; shift ;;
    esac
  done
  need_name "$name" down
  if [ ! -d "$(state_dir "$name")" ]; then
    [ "$ifexists" = 1 ] && { log "down: '$name' is not up; nothing to do"; return 0; }
    die "down: unknown NAME '$name' (nothing under $STATE_ROOT/$name); see '$PROG list'"
  fi
  local t0=$SECONDS
  do_down "$name"
  log "down $name took $((SECONDS - t0)) s"
}

list_names() {
  local d
  for d in "$STATE_ROOT"/*/; do
    [ -d "$d" ] || continue
    d=${d%/}; d=${d##*/}
    if valid_name "$d"; then echo "$d"; fi
  done
  return 0
}

cmd_down_all() {
  local n rc=0 names pids=() p
  names=$(list_names)
  # engines attached to another NAME's bridge first, then the rest (in parallel)
  for n in $names; do
    [ -e "$(state_dir "$n")/owns-bridge" ] || { (do_down "$n") & pids+=($!); }
  done
  for p in "${pids[@]}"; do wait "$p" || rc=1; done
  pids=()
  for n in $names; do
    if [ -d "$(state_dir "$n")" ]; then (do_down "$n") & pids+=($!); fi
  done
  for p in "${pids[@]}"; do wait "$p" || rc=1; done
  tidy_host
  return $rc
}

cmd_list() {
  local n f running total
  for n in $(list_names); do
    f=$(state_file "$n")
    if [ -f "$f" ]; then
      running=0; total=0
      for s in $(jq -r '.nodes[].socket' "$f"); do
        total=$((total + 1)); ping_sock "$s" && running=$((running + 1))
      done
      printf '%s\t%s\tindex=%s\tbridge=%s\tnodes=%s\trunning=%s\n' "$n" "$(jq -r .kind "$f")" \
        "$(jq -r .index "$f")" "$(jq -r .bridge "$f")" "$total" "$running"
    else
      printf '%s\t?\t(no cluster.json; broken, remove with: %s down %s)\n' "$n" "$PROG" "$n"
    fi
  done
}

main() {
  local cmd=${1:-}
  [ $# -eq 0 ] || shift
  case "$cmd" in
    ""|-h|--help|help) usage; [ -n "$cmd" ] || exit 1; exit 0 ;;
  esac
  require_root "$cmd"
  case "$cmd" in
    install) cmd_install ;;
    up) cmd_up "$@" ;;
    engine) cmd_engine "$@" ;;
    add-node) cmd_add_node "$@" ;;
    stop-node) cmd_stop_node "$@" ;;
    start-node) cmd_start_node "$@" ;;
    info) need_state "${1:-}" info; cat "$(state_file "$1")" ;;
    down) cmd_down "$@" ;;
    down-all) cmd_down_all ;;
    list) cmd_list ;;
    *) usage; die "unknown command '$cmd'" ;;
  esac
}

main "$@"
