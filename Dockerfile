# The production image: one image, two commands (server and worker; see docker-compose.yml).
FROM node:24-bookworm-slim
WORKDIR /app
RUN npm install --global pnpm@12.4.2
COPY . .
# Production runs the esbuild bundles (apps/*/dist/main.js): no tsx, no TypeScript at run time.
RUN pnpm install --frozen-lockfile && pnpm build:dist
ENV NODE_ENV=production PORT=8000 DATA_DIR=/data
EXPOSE 8000
# node itself (not a wrapper) receives SIGTERM, so in-flight requests finish on shutdown.
CMD ["node", "--heap-growing-percent=50", "--max-semi-space-size=8", "--enable-source-maps", "apps/server/dist/main.js"]
