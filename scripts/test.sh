#!/usr/bin/env bash
# The whole test suite: generated types in step with schema.graphql, type check, imports in
# the direction of the layers (dependency-cruiser, .dependency-cruiser.cjs), then unit
# and end-to-end tests in one node:test run (one summary). End-to-end tests start their own
# swarms with scripts/swarm.sh (root needed: network namespaces, dockerd); they never touch
# the machine's default Docker socket. Swarms left by an interrupted run are brought down.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$(id -u)" -ne 0 ]; then
  echo "npm test: the end-to-end tests start dockerd in network namespaces and must run as root" >&2
  exit 1
fi

# Test swarms live apart from a demo swarm, so cleaning up never touches the user's.
export SG_STATE_DIR="${SG_STATE_DIR:-/run/sg-test}"
export SG_DATA_DIR="${SG_DATA_DIR:-/var/lib/sg-test}"
cleanup() {
  bash scripts/swarm.sh down-all >/dev/null 2>&1 || true
  bash scripts/postgres.sh stop-all >/dev/null 2>&1 || true
}
trap cleanup EXIT

bash scripts/swarm.sh install
cleanup

echo "== generated types are in step with schema.graphql"
npx graphql-codegen --config codegen.ts --check
echo "== type check"
npx tsc --noEmit -p tsconfig.json
echo "== imports follow the layers (.dependency-cruiser.cjs)"
npm run -s lint:deps

echo "== unit and end-to-end tests"
shopt -s nullglob
# Unit tests run as two in-process groups (test/unit/import-tests.ts); files run two at a
# time (TEST_CONCURRENCY): an end-to-end file spends most of its time waiting on swarms it
# started itself (each on its own bridge and namespaces, see scripts/swarm.sh), so two keep
# the run under CI's time budget on two cores. TEST_CONCURRENCY=1 runs them one by one.
files=(test/unit/suite-*.ts test/e2e/*/*.test.ts)
if [ -n "${TEST_FILES:-}" ]; then read -r -a files <<<"$TEST_FILES"; fi
node --import tsx --test --test-concurrency="${TEST_CONCURRENCY:-2}" --test-timeout=600000 --test-reporter=spec "${files[@]}"
