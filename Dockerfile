# syntax=docker/dockerfile:1
# RTW Academy: a production image. Build: docker build -t rtw-academy .
# Run with compose.yaml (app + data and backup volumes), or see docs/deploy.md.

# --- build: every dependency, then `astro build` -------------------------------------------
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

# --- production dependencies only (no dev server, no test tools, no pino-pretty) -----------
FROM node:24-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# --- runtime: non-root, the build, the scripts and what they import ------------------------
FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=4321 \
    DATABASE_URL=file:/data/rtw-academy.db \
    BACKUP_DIR=/backups
WORKDIR /app
COPY --from=deps --chown=root:root /app/node_modules ./node_modules
COPY --from=build --chown=root:root /app/dist ./dist
# scripts/*.ts run on Node 24 directly (type stripping) and import src/lib and db/ (schema,
# migrations, applied at start); `npm run jobs` reads src/content for course titles.
COPY --chown=root:root package.json package-lock.json ./
COPY --chown=root:root db ./db
COPY --chown=root:root scripts ./scripts
COPY --chown=root:root src ./src
# The app runs as `node` (uid 1000) and may write only its data and backup volumes.
RUN mkdir -p /data /backups && chown node:node /data /backups
USER node
VOLUME ["/data", "/backups"]
EXPOSE 4321
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4321) + '/readyz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node itself as the command (not npm), so SIGTERM reaches scripts/serve.ts: graceful shutdown.
CMD ["node", "scripts/serve.ts"]
