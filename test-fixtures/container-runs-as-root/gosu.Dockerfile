# The official-image pattern: start as root, then the entrypoint script switches to the service user with gosu.
# vigil-expect: container-runs-as-root
FROM debian:12.6-slim
RUN apt-get update && apt-get install -y --no-install-recommends gosu && rm -rf /var/lib/apt/lists/*
COPY docker-entrypoint.sh /usr/local/bin/
ENTRYPOINT ["docker-entrypoint.sh"]
CMD ["server"]
