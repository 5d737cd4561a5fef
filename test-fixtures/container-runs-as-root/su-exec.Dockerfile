# The entrypoint itself drops to an unprivileged user.
# vigil-expect: container-runs-as-root
FROM alpine:3.20.3
RUN apk add --no-cache su-exec && adduser -D -u 10001 app
COPY app /usr/local/bin/app
ENTRYPOINT ["su-exec", "app", "/usr/local/bin/app"]
