# nhs-briefing-bot as a container: compiled JavaScript on Node 20 (Debian slim), running as the
# image's non-root `node` user, with the archive and digests on volumes. Build and run:
#   docker build -t nhs-briefing-bot .
#   docker run -d --name briefing -v briefing-data:/data -v briefing-digests:/digests \
#     --env-file .env nhs-briefing-bot
# See README "Operations" for the compose example, health check and metrics.

# --- build: install everything, compile src/ to dist/ (npm ci runs `prepare`), drop dev tools --
FROM node:20-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 compiles SQLite when no prebuilt binary can be downloaded.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
COPY .config/build.mjs ./.config/build.mjs
COPY src ./src
RUN npm ci --no-audit --no-fund && npm prune --omit=dev

# --- run: only what the bot needs at run time ---------------------------------------------------
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    DATABASE_PATH=/data/briefing.db \
    DIGESTS_DIR=/digests \
    BRIEFING_CONFIG_DIR=/app/config \
    WEB_PORT=8080 \
    WEB_HOST=127.0.0.1 \
    LOG_FORMAT=json
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/package.json ./package.json
# The launcher and entrypoint only; the TypeScript sources stay in the build stage, so the
# launcher runs dist/ (src/bin/choose-build.mjs).
COPY src/bin/briefing.mjs src/bin/choose-build.mjs src/bin/container-entrypoint.sh ./src/bin/
COPY config ./config
RUN mkdir -p /data /digests && chown node:node /data /digests
USER node
VOLUME ["/data", "/digests"]
# /healthz answers inside the container on loopback (WEB_HOST stays 127.0.0.1 unless you set a
# WEB_TOKEN and publish the port for Prometheus).
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+process.env.WEB_PORT+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
ENTRYPOINT ["/app/src/bin/container-entrypoint.sh"]
CMD ["run"]
