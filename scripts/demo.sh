#!/usr/bin/env bash
# Try the gateway without a swarm of your own: starts a local 3-node swarm with
# scripts/swarm.sh (one manager, two workers, plus a plain engine that may join), writes a
# gateway configuration for it, and runs the gateway in the foreground. Ctrl-C stops the
# gateway and brings the swarm down (KEEP_SWARM=1 keeps it).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "$(id -u)" -ne 0 ]; then
  echo "npm run demo: starting dockerd in network namespaces needs root" >&2
  exit 1
fi
mkdir -p .data
bash scripts/swarm.sh up demo --workers 2 >.data/demo-swarm.json
bash scripts/swarm.sh engine demo-spare --attach demo >.data/demo-spare.json
node -e '
const fs = require("fs");
const swarm = JSON.parse(fs.readFileSync(".data/demo-swarm.json", "utf8"));
const spare = JSON.parse(fs.readFileSync(".data/demo-spare.json", "utf8"));
const config = {
  clusters: [{ name: swarm.name, managers: swarm.nodes.filter((n) => n.role === "manager").map((n) => ({ url: n.host })) }],
  engines: [
    ...swarm.nodes.map((n) => ({ name: n.hostname, endpoint: { url: n.host }, cluster: swarm.name })),
    ...spare.nodes.map((n) => ({ name: n.hostname, endpoint: { url: n.host } })),
  ],
};
fs.writeFileSync(".data/demo-config.json", JSON.stringify(config, null, 2) + "\n");
'
stop() {
  if [ "${KEEP_SWARM:-0}" != 1 ]; then
    bash scripts/swarm.sh down demo-spare || true
    bash scripts/swarm.sh down demo || true
  fi
}
trap stop EXIT
echo "demo swarm up; gateway config in .data/demo-config.json" >&2
# Every request needs a credential: make the first admin token (kept in .data, readable by
# root only) before the gateway opens the embedded database, which admits one process.
if [ ! -s .data/demo-admin-token ] || [ ! -d .data/pglite ]; then
  (umask 077 && GATEWAY_CONFIG=.data/demo-config.json node --import tsx src/cli/tokens.ts create --name demo-admin --grant admin >.data/demo-admin-token)
fi
echo "admin token (in .data/demo-admin-token): send it as  Authorization: Bearer $(cat .data/demo-admin-token)" >&2
# The gateway runs as a child we can signal: a SIGINT/SIGTERM sent to this script alone
# (not to the whole terminal group) still stops it gracefully before the swarm goes.
GATEWAY_CONFIG=.data/demo-config.json node --import tsx src/main.ts &
gateway=$!
trap 'kill -TERM "$gateway" 2>/dev/null || true' INT TERM
status=0
wait "$gateway" || status=$?
# A trapped signal interrupts the first wait; wait again for the gateway to finish.
if kill -0 "$gateway" 2>/dev/null; then wait "$gateway" || status=$?; fi
exit "$status"
