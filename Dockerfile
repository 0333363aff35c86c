# One image, two commands: the app server and the judge worker (compose.yaml, README "Production").
# UNTESTED HERE: these machines have no Docker engine (only the client), so this file has never
# been built by the project's CI. It follows the commands that are tested: npm ci, next build,
# scripts/serve-app.ts start, scripts/judge-worker.ts.
#
#   docker build -t blueprint .
#   docker run ... blueprint                      # the app on :3000
#   docker run ... blueprint worker               # a judge worker

# Node 24 (LTS): isolated-vm 7 loads its prebuilt binary, no compiler needed (on Node 20,
# isolated-vm 5 would build from source and the worker would need --no-node-snapshot).
FROM node:24-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
COPY scripts/prisma-generate.mjs scripts/prisma-generate.mjs
COPY prisma prisma
COPY prisma.config.ts ./
RUN npm ci --no-audit --no-fund
COPY . .
# devDependencies stay: next.config.ts is TypeScript, loaded at start (pruning is a size
# optimisation to try once an engine can test it).
RUN npm run build

FROM node:24-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000
COPY --from=build --chown=node:node /app /app
USER node
EXPOSE 3000
# "app" (default): Next.js behind scripts/serve-app.ts; "worker": a judge worker on the queue;
# "migrate": apply prisma/migrations and seed the concept catalog, then exit.
ENTRYPOINT ["sh", "-c", "case \"${1:-app}\" in \
  app) exec node --import tsx scripts/serve-app.ts start --port \"$PORT\" ;; \
  worker) exec node --no-node-snapshot --import tsx scripts/judge-worker.ts ;; \
  migrate) node --import tsx scripts/db-migrate.ts && exec node --import tsx scripts/db-seed.ts ;; \
  *) exec \"$@\" ;; esac", "blueprint"]
CMD ["app"]
