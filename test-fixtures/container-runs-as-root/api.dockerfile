# A Dockerfile named <name>.dockerfile (lower case, as VS Code and docker build -f accept it).
# vigil-expect: container-runs-as-root
FROM debian:12.6-slim
COPY app /usr/local/bin/app
CMD ["app"]
