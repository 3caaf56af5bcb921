import type { Example } from './types.ts';
import { paths } from './types.ts';

const files = paths(`
  go.mod
  go.sum
  cmd/api/main.go
  internal/config/config.go
  internal/config/config_test.go
  internal/httpapi/router.go
  internal/httpapi/handlers.go
  internal/httpapi/handlers_test.go
  internal/httpapi/middleware.go
  internal/storage/postgres.go
  internal/storage/postgres_test.go
  internal/storage/migrations/0001_init.sql
  internal/storage/migrations/0002_orders.sql
  testdata/orders.json
  Makefile
  README.md
  CHANGELOG.md
  docs/api.md
  docker-compose.yml
  deploy/k8s/deployment.yaml
  deploy/k8s/service.yaml
  bin/api
  coverage.out
  .env
  .env.example
  .golangci.yml
  .github/workflows/ci.yml
  .git/HEAD
  .git/config
  .git/index
  .git/refs/heads/main
  .git/objects/pack/pack-4f1c2e.pack
  .vscode/launch.json
`);

const dockerignore = `# version control, CI and editor settings
.git
.github
.vscode
# local builds, test output and secrets
bin/
*.out
.env
.env.*
# documentation and deployment files are not needed to build
*.md
docs/
deploy/
docker-compose.yml
`;

export const goDistroless: Example = {
  id: 'go-distroless',
  title: 'Go to distroless/static',
  summary: 'Compile a static Go binary in the toolchain image, ship it alone on distroless/static.',
  notice:
    'The final stage starts from gcr.io/distroless/static, which has no shell and no package manager, and receives exactly one file: the binary copied from the build stage. ' +
    'The Go sources, go.sum and the module cache are build-only: they are read while compiling but never reach the image. ' +
    'In the single-stage "before", every file that COPY . . sends lands in the image, on top of the whole Go toolchain (about 800 MB instead of about 2 MB).',
  tags: ['go', 'distroless', 'static binary', 'nonroot'],
  workspace: {
    dockerfile: `# syntax=docker/dockerfile:1
FROM golang:1.23.4-bookworm AS build
WORKDIR /src
# Dependencies first: this layer stays cached until go.mod or go.sum change.
COPY go.mod go.sum ./
RUN go mod download
COPY cmd/ ./cmd/
COPY internal/ ./internal/
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/api ./cmd/api

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/api /api
USER nonroot:nonroot
EXPOSE 8080
ENTRYPOINT ["/api"]
`,
    files,
    dockerignore,
    target: null,
    buildArgs: {},
    example: 'go-distroless',
  },
  before: {
    dockerfile: `# syntax=docker/dockerfile:1
FROM golang:1.23.4-bookworm
WORKDIR /src
COPY . .
RUN go build -o /usr/local/bin/api ./cmd/api
EXPOSE 8080
ENTRYPOINT ["/usr/local/bin/api"]
`,
    files,
    dockerignore,
    target: null,
    buildArgs: {},
    example: 'go-distroless',
  },
};
