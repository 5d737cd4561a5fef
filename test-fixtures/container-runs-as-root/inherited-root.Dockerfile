FROM python:3.12.7-slim AS base
USER root

# Built on a stage whose last USER is root, and installing gosu without an entrypoint that uses it: still root.
# vigil-expect: container-runs-as-root
FROM base
RUN apt-get update && apt-get install -y gosu
CMD ["python", "-m", "app"]
