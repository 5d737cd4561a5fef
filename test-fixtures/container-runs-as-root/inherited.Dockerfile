# vigil-ok: container-runs-as-root
FROM node:20.11-slim AS base
WORKDIR /app
# vigil-ok: container-runs-as-root
USER node

FROM base AS deps
RUN npm ci --omit=dev

# The final stage is built on a stage that switched to `node`: the USER is inherited.
# vigil-ok: container-runs-as-root
FROM deps AS final
COPY --chown=node:node . .
CMD ["node", "server.js"]
