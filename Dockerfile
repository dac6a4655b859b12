# The gateway's image. Running it needs the Engine API of a swarm manager: mount the
# manager's socket (see deploy/stack.yml) or point DOCKER_HOST/GATEWAY_CONFIG at managers.
#
# Two ways to build it:
# - connected (the default, last stage): `docker build -t swarm-gateway .` installs the
#   dependencies with npm and compiles the sources inside the build;
# - prebuilt (`--target prebuilt`): the build context is a folder that scripts/image.sh
#   prepares with the compiled dist/ and an installed production node_modules, for an engine
#   whose build containers cannot reach the npm registry.
# BASE_IMAGE is any Debian-like image with node >= 20.19 on its PATH; scripts/image.sh can make
# one without a registry (debootstrap and this machine's node).
ARG BASE_IMAGE=node:20-bookworm-slim

# What every variant runs with. The embedded database and the audit spool live in /data
# (mount a volume there); with PostgreSQL (DATABASE_URL) only the spool does.
FROM ${BASE_IMAGE} AS runtime
ENV NODE_ENV=production GATEWAY_DATA_DIR=/data
WORKDIR /app
VOLUME ["/data"]
EXPOSE 4000
# The socket of the host's engine is root-owned; the process runs as root in the
# container only to read it. Prefer a tcp+TLS endpoint in GATEWAY_CONFIG where you can.
# The command-line tools are beside it: node dist/cli/tokens.js, dist/cli/audit.js and
# dist/cli/migrate.js (the npm run token:*, audit:* and db:migrate scripts of the source tree).
CMD ["node", "dist/main.js"]

# Kept before the connected stages so that the classic builder, which builds every stage up
# to the target, does not run npm for `--target prebuilt`.
FROM runtime AS prebuilt
COPY package.json package-lock.json schema.graphql ./
COPY prisma/migrations ./prisma/migrations
COPY console ./console
COPY node_modules ./node_modules
COPY dist ./dist

FROM ${BASE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json codegen.ts schema.graphql prisma.config.ts ./
COPY prisma ./prisma
COPY scripts/prisma-generate.sh ./scripts/
COPY src ./src
RUN npm run build

FROM runtime
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force
COPY schema.graphql ./
COPY console ./console
COPY prisma/migrations ./prisma/migrations
COPY --from=build /app/dist ./dist
