FROM node:20.11-slim
# vigil-ok: container-runs-as-root
USER root
RUN apt-get update && apt-get install -y --no-install-recommends curl
# vigil-expect: container-runs-as-root
USER 0
CMD ["node", "server.js"]
