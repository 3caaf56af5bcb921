import type { Example } from './types.ts';
import { paths } from './types.ts';

const files = paths(`
  go.mod
  go.sum
  main.go
  server.go
  server_test.go
  handlers/upload.go
  handlers/upload_test.go
  handlers/download.go
  storage/s3.go
  storage/local.go
  storage/local_test.go
  thumbnail/resize.go
  thumbnail/resize_test.go
  thumbnail/testdata/photo.jpg
  web/templates/index.html
  web/static/app.css
  web/static/app.js
  compose.yaml
  README.Docker.md
  README.md
  .env
  uploads/2024/06/cat.jpg
  uploads/2024/06/dog.png
  tmp/build-errors.log
  .git/HEAD
  .git/config
  .git/index
  .git/refs/heads/main
  .github/workflows/build.yml
`);

const dockerignore = `# Include any files or directories that you don't want to be copied to your
# container here (e.g., local build artifacts, temporary files, etc.).
**/.DS_Store
**/.git
**/.github
**/.env
**/compose.yaml
**/*.md
uploads/
tmp/
`;

export const cacheMounts: Example = {
  id: 'cache-mounts',
  title: 'BuildKit cache mounts',
  summary: 'Keep the Go module and build caches between builds without putting them in a layer.',
  notice:
    'RUN --mount=type=cache gives go mod download and go build a directory that persists from one build to the next, so a code change recompiles only what changed; the cache is never part of the image. ' +
    'The build stage has no COPY at all: bind mounts make go.mod, go.sum and then the whole context readable during one RUN, which is why the sources show as build-only. ' +
    'Only the binary is copied into the final alpine image; the apk cache mount there keeps downloaded packages out of it as well.',
  tags: ['go', 'cache mount', 'bind mount', 'buildkit', 'cross-compile'],
  workspace: {
    dockerfile: `# syntax=docker/dockerfile:1
ARG GO_VERSION=1.23.4

FROM --platform=$BUILDPLATFORM golang:\${GO_VERSION}-alpine3.21 AS build
WORKDIR /src
RUN --mount=type=cache,target=/go/pkg/mod/ \\
    --mount=type=bind,source=go.sum,target=go.sum \\
    --mount=type=bind,source=go.mod,target=go.mod \\
    go mod download -x
ARG TARGETOS TARGETARCH
RUN --mount=type=cache,target=/go/pkg/mod/ \\
    --mount=type=cache,target=/root/.cache/go-build \\
    --mount=type=bind,target=. \\
    CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /bin/server .

FROM alpine:3.21.0 AS final
RUN --mount=type=cache,target=/var/cache/apk \\
    apk --update add ca-certificates tzdata \\
 && update-ca-certificates
ARG UID=10001
RUN adduser --disabled-password --gecos "" --home "/nonexistent" \\
    --shell "/sbin/nologin" --no-create-home --uid "\${UID}" appuser
USER appuser
COPY --from=build /bin/server /bin/
EXPOSE 8000
ENTRYPOINT ["/bin/server"]
`,
    files,
    dockerignore,
    target: null,
    buildArgs: {},
    example: 'cache-mounts',
  },
};
