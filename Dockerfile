# The gateway's image. Running it needs the Engine API of a swarm manager: mount the
# manager's socket (see deploy/stack.yml) or point DOCKER_HOST/GATEWAY_CONFIG at managers.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json codegen.ts schema.graphql prisma.config.ts ./
COPY prisma ./prisma
COPY scripts/prisma-generate.sh ./scripts/
COPY src ./src
RUN npm run build

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force
COPY schema.graphql ./
COPY console ./console
COPY prisma/migrations ./prisma/migrations
COPY --from=build /app/dist ./dist
EXPOSE 4000
# The socket of the host's engine is root-owned; the process runs as root in the
# container only to read it. Prefer a tcp+TLS endpoint in GATEWAY_CONFIG where you can.
# The command-line tools are beside it: node dist/cli/tokens.js, dist/cli/audit.js and
# dist/cli/migrate.js (the npm run token:*, audit:* and db:migrate scripts of the source tree).
CMD ["node", "dist/main.js"]
