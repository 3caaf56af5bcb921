/**
 * What a first visit shows: a realistic multi-stage Go service. The test stage copies the whole
 * context and is not built by default; release starts from scratch and receives only the
 * binary, the CA bundle and one config file, so the panels have something to explain.
 */
import type { Workspace } from './workspace.ts';

const dockerfile = `# syntax=docker/dockerfile:1
ARG GO_VERSION=1.22

FROM golang:\${GO_VERSION}-alpine AS deps
WORKDIR /src
COPY go.mod go.sum ./
RUN --mount=type=cache,target=/go/pkg/mod go mod download

FROM deps AS build
COPY cmd/ ./cmd/
COPY internal/ ./internal/
RUN --mount=type=cache,target=/go/pkg/mod \\
    CGO_ENABLED=0 go build -o /out/server ./cmd/server

FROM deps AS test
COPY . .
RUN go test ./...

FROM alpine:3.20 AS certs
RUN apk add --no-cache ca-certificates

FROM scratch AS release
COPY --from=certs /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/
COPY --from=build /out/server /server
COPY config/default.yaml /etc/app/config.yaml
USER 65532:65532
ENTRYPOINT ["/server"]
`;

const dockerignore = `# version control and CI never belong in an image
.git
.github
# local build output, secrets and notes
bin/
tmp/
.env
*.md
docker-compose.yml
`;

const files = [
  'go.mod',
  'go.sum',
  'cmd/server/main.go',
  'internal/api/handler.go',
  'internal/api/handler_test.go',
  'internal/store/store.go',
  'internal/store/store_test.go',
  'config/default.yaml',
  'config/dev.yaml',
  'Makefile',
  'README.md',
  'docs/architecture.md',
  'docker-compose.yml',
  '.env',
  '.git/HEAD',
  '.git/config',
  '.github/workflows/ci.yml',
  'bin/server',
  'tmp/debug.log',
];

export const defaultExample: Workspace = {
  dockerfile,
  files,
  dockerignore,
  target: null,
  buildArgs: {},
  example: null,
};
