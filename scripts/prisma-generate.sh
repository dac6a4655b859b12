#!/usr/bin/env bash
# Generates the Prisma client (src/generated/prisma, gitignored) from prisma/schema.prisma.
# npm runs it at install (the `prepare` script) and `npm run build` runs it again.
# The Prisma CLI wants its schema-engine binary for every command and would download it,
# which cannot succeed here (only the npm registry is reachable); `generate` never runs
# that binary, so pointing PRISMA_SCHEMA_ENGINE_BINARY at any existing file is enough.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -f node_modules/prisma/package.json ]; then
  # `npm ci --omit=dev` (the runtime image) has no CLI and needs no client sources:
  # the compiled client is already in dist/.
  echo "prisma-generate: the prisma CLI is not installed (production install); skipping" >&2
  exit 0
fi

export PRISMA_SCHEMA_ENGINE_BINARY="${PRISMA_SCHEMA_ENGINE_BINARY:-/bin/true}"
export CHECKPOINT_DISABLE=1 PRISMA_HIDE_UPDATE_MESSAGE=1
exec node node_modules/prisma/build/index.js generate --no-hints "$@"
