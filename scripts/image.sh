#!/usr/bin/env bash
# Builds the gateway's image where no registry can be reached (the e2e test of the image,
# an air-gapped engine). A connected machine needs none of this: `docker build -t swarm-gateway .`
#
#   image.sh base NAME:TAG      a base image on $DOCKER_HOST: Debian minbase (debootstrap, from
#                               this machine's apt mirror) with this machine's node binary
#   image.sh stage DIR          the prebuilt build context in DIR: the compiled dist/, an
#                               installed production node_modules (pruned offline from this
#                               tree's), package files, schema.graphql, prisma/migrations
#   image.sh build TAG BASE     stage, then `docker build --target prebuilt` on $DOCKER_HOST
#                               with BASE_IMAGE=BASE; prints the image's size in bytes on stdout
#   image.sh postgres NAME:TAG  a PostgreSQL 15 image on $DOCKER_HOST: the base's root plus
#                               Debian's postgresql-15, started by scripts/postgres-image-entrypoint.sh
#                               (the official image's POSTGRES_USER/_DB/_PASSWORD_FILE), for
#                               deploy/stack.yml's `db` where the official image cannot be pulled
#
# The base's root filesystem is kept as a tarball in $SG_IMAGE_CACHE (default
# /var/cache/swarm-gateway-image) so that a second base import skips debootstrap. Its Debian
# release is this machine's, so the copied node finds the C libraries it was linked against.
# Needs root (debootstrap) and the debootstrap package (`bash scripts/swarm.sh install`).
set -euo pipefail

export PATH="$PATH:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
ROOT_DIR=$(cd "$(dirname "$0")/.." && pwd)
CACHE=${SG_IMAGE_CACHE:-/var/cache/swarm-gateway-image}
PROG=image.sh

log() { printf '[%s] %s\n' "$PROG" "$*" >&2; }
die() { printf '[%s] error: %s\n' "$PROG" "$*" >&2; exit 1; }

usage() { sed -n '2,21p' "$0" >&2; exit 2; }

# The classic builder: BuildKit is not part of Debian's docker.io 20.10 engine set-up here.
dk() { DOCKER_BUILDKIT=0 docker "$@"; }

# The first Debian mirror apt uses (deb822 .sources files first, then one-line lists).
apt_mirror() {
  local uri
  uri=$(grep -hs '^URIs:' /etc/apt/sources.list.d/*.sources | awk '{print $2; exit}')
  [ -n "$uri" ] || uri=$(grep -hs '^deb ' /etc/apt/sources.list /etc/apt/sources.list.d/*.list | grep -v security | awk '{print $2; exit}')
  [ -n "$uri" ] || die "no Debian mirror found in /etc/apt/sources.list*"
  printf '%s' "$uri"
}

# Makes the tarball $1 once and prints its path: under the lock file $2, runs $3 with a new
# directory (the root to fill) and the remaining arguments, then tars that root. Two builds at
# once (npm test runs test files in parallel) make it once: the second waits on the lock and
# then finds it made.
cached_tarball() {
  local tar=$1 lockfile=$2 fill=$3 lock tmp
  shift 3
  mkdir -p "$CACHE"
  exec {lock}>"$lockfile"
  flock -w 900 "$lock" || die "could not lock $lockfile"
  if [ ! -f "$tar" ]; then
    tmp=$(mktemp -d "$CACHE/root.XXXXXX")
    # Cleared as it runs: it would fire again when the caller returns, with tmp gone.
    trap 'rm -rf "$tmp"; trap - RETURN' RETURN
    "$fill" "$tmp" "$@"
    tar -C "$tmp" -cf "$tar.part" . && mv -f "$tar.part" "$tar"
  fi
  exec {lock}>&-
  printf '%s' "$tar"
}

# A compressed root filesystem: minbase, the node binary, no apt caches or documentation.
rootfs_tarball() {
  local codename node tar
  . /etc/os-release
  codename=${VERSION_CODENAME:?no VERSION_CODENAME in /etc/os-release}
  node=$(readlink -f "$(command -v node)") || die "no node on PATH"
  tar="$CACHE/rootfs-$codename-$(node --version).tar"
  cached_tarball "$tar" "$CACHE/.rootfs.lock" fill_rootfs "$codename" "$node"
}

# Fills the new root $1 with Debian $2 (minbase) and the node binary $3.
fill_rootfs() {
  local root=$1 codename=$2 node=$3
  command -v debootstrap >/dev/null || die "debootstrap is missing: run bash scripts/swarm.sh install"
  log "debootstrap --variant=minbase $codename from $(apt_mirror)"
  debootstrap --variant=minbase "$codename" "$root" "$(apt_mirror)" >"$CACHE/debootstrap.log" 2>&1 ||
    { tail -n 20 "$CACHE/debootstrap.log" >&2; die "debootstrap failed (log: $CACHE/debootstrap.log)"; }
  install -m 755 "$node" "$root/usr/local/bin/node"
  chroot "$root" /usr/local/bin/node --version >/dev/null || die "the copied node does not run in the new root"
  rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/* "$root"/usr/share/doc/* \
    "$root"/usr/share/man/* "$root"/usr/share/locale/*
}

cmd_base() {
  local name=${1:-} tar
  [ -n "$name" ] || usage
  tar=$(rootfs_tarball)
  log "importing $name"
  dk import -c 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    -c 'CMD ["node"]' - "$name" <"$tar" >/dev/null
}

# The base's root with Debian's postgresql-15 installed in it (apt from this machine's mirror).
postgres_tarball() {
  local base
  base=$(rootfs_tarball)
  cached_tarball "${base%.tar}-postgresql-15.tar" "$CACHE/.postgres.lock" fill_postgres "$base"
}

# Fills the new root $1 with the base's root (tarball $2) and Debian's postgresql-15.
fill_postgres() {
  local root=$1 base=$2
  tar -C "$root" -xf "$base"
  # No cluster made at install (the entry point makes one in the volume) and no service started.
  mkdir -p "$root/etc/postgresql-common"
  echo 'create_main_cluster = false' >"$root/etc/postgresql-common/createcluster.conf"
  printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d" && chmod 755 "$root/usr/sbin/policy-rc.d"
  log "apt-get install postgresql-15 in the base's root"
  { chroot "$root" apt-get update -q && DEBIAN_FRONTEND=noninteractive chroot "$root" apt-get install -y -q --no-install-recommends postgresql-15; } \
    >"$CACHE/postgres-apt.log" 2>&1 || { tail -n 20 "$CACHE/postgres-apt.log" >&2; die "installing postgresql-15 failed"; }
  rm -f "$root/usr/sbin/policy-rc.d"
  rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/*
  install -m 755 "$ROOT_DIR/scripts/postgres-image-entrypoint.sh" "$root/usr/local/bin/postgres-entrypoint"
}

cmd_postgres() {
  local name=${1:-} tar
  [ -n "$name" ] || usage
  tar=$(postgres_tarball)
  log "importing $name"
  dk import -c 'ENV PATH=/usr/lib/postgresql/15/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    -c 'ENV PGDATA=/var/lib/postgresql/data' -c 'EXPOSE 5432' -c 'ENTRYPOINT ["/usr/local/bin/postgres-entrypoint"]' \
    - "$name" <"$tar" >/dev/null
}

cmd_stage() {
  local dir=${1:-}
  [ -n "$dir" ] || usage
  cd "$ROOT_DIR"
  rm -rf "$dir" && mkdir -p "$dir/prisma"
  # Compiled straight into the stage, from the generated types and Prisma client the checkout
  # already has (npm ci made the client; graphql.ts is committed and checked by npm test):
  # nothing in the source tree is rewritten, so tests running beside a build are not disturbed.
  log "tsc -p tsconfig.build.json --outDir $dir/dist"
  npx tsc -p tsconfig.build.json --outDir "$dir/dist" >"$dir.build.log" 2>&1 || { tail -n 20 "$dir.build.log" >&2; die "compiling dist/ failed"; }
  cp package.json package-lock.json schema.graphql "$dir/"
  cp -a console "$dir/console"
  cp -a prisma/migrations "$dir/prisma/migrations"
  # The installed tree minus the dev dependencies: no registry needed (npm prune reads the lockfile).
  cp -a node_modules "$dir/node_modules"
  (cd "$dir" && npm prune --omit=dev --offline --ignore-scripts --no-audit --no-fund >/dev/null 2>&1) ||
    die "npm prune --omit=dev failed in $dir"
}

cmd_build() {
  local tag=${1:-} base=${2:-}
  [ -n "$tag" ] && [ -n "$base" ] || usage
  STAGE=$(mktemp -d "${TMPDIR:-/tmp}/sg-image-stage.XXXXXX")
  trap 'rm -rf "$STAGE" "$STAGE.build.log"' EXIT
  cmd_stage "$STAGE"
  log "docker build --target prebuilt -t $tag (BASE_IMAGE=$base)"
  dk build -q --target prebuilt --build-arg "BASE_IMAGE=$base" -f "$ROOT_DIR/Dockerfile" -t "$tag" "$STAGE" >/dev/null 2>"$STAGE.build.log" ||
    { tail -n 30 "$STAGE.build.log" >&2; die "docker build failed"; }
  dk image inspect -f '{{.Size}}' "$tag"
}

case "${1:-}" in
  base) shift; cmd_base "$@" ;;
  stage) shift; cmd_stage "$@" ;;
  build) shift; cmd_build "$@" ;;
  postgres) shift; cmd_postgres "$@" ;;
  *) usage ;;
esac
