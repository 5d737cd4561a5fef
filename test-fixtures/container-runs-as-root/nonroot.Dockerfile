# Root during the build is fine: only the final USER of the final stage decides how the container runs.
# vigil-ok: container-runs-as-root
FROM python:3.12.7-slim
# vigil-ok: container-runs-as-root
USER root
RUN pip install --no-cache-dir gunicorn==22.0.0
# vigil-ok: container-runs-as-root
USER 10001:10001
CMD ["gunicorn", "app:app"]
