FROM golang:1.22.5 AS build
WORKDIR /src
COPY . .
RUN go build -o /out/app ./cmd/app

# The :nonroot distroless images run as uid 65532 unless a USER says otherwise.
# vigil-expect: container-runs-as-root
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/app /app
ENTRYPOINT ["/app"]
