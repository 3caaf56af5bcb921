import type { Example } from './types.ts';
import { paths } from './types.ts';

const files = paths(`
  go.mod
  go.sum
  cmd/worker/main.go
  internal/queue/consumer.go
  internal/queue/consumer_test.go
  internal/queue/retry.go
  internal/webhook/client.go
  internal/webhook/client_test.go
  internal/webhook/signature.go
  internal/metrics/prometheus.go
  vendor/modules.txt
  vendor/github.com/prometheus/client_golang/prometheus/counter.go
  vendor/github.com/rabbitmq/amqp091-go/connection.go
  scripts/local-broker.sh
  Makefile
  README.md
  LICENSE
  .env
  .env.local
  .git/HEAD
  .git/config
  .git/index
  .git/refs/heads/main
  .git/objects/3a/9f1e0c
  .gitignore
  .github/workflows/release.yml
  .github/dependabot.yml
  dist/worker-linux-amd64
  dist/checksums.txt
  .idea/workspace.xml
  worker.test
`);

const dockerignore = `.git
.gitignore
.github
.idea
.env*
dist/
*.test
scripts/
README.md
`;

export const goScratch: Example = {
  id: 'go-scratch',
  title: 'Go to scratch, with CA certificates',
  summary: 'An empty base image: copy the binary and the CA bundle the HTTPS client needs.',
  notice:
    'FROM scratch is not an image pull: the final stage starts empty, so anything the program needs at run time must be copied in. ' +
    'Here that is the static binary and the CA certificate bundle, taken from the builder where apk installed it; without the bundle every HTTPS call fails with "x509: certificate signed by unknown authority". ' +
    'The final-image panel lists just those two files.',
  tags: ['go', 'scratch', 'ca-certificates', 'static binary'],
  workspace: {
    dockerfile: `# syntax=docker/dockerfile:1
FROM golang:1.23.4-alpine3.21 AS build
RUN apk add --no-cache ca-certificates
WORKDIR /src
COPY go.mod go.sum ./
COPY vendor/ ./vendor/
COPY cmd/ ./cmd/
COPY internal/ ./internal/
RUN CGO_ENABLED=0 GOOS=linux go build -mod=vendor -trimpath -ldflags="-s -w" -o /out/worker ./cmd/worker

FROM scratch
COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
COPY --from=build /out/worker /worker
USER 65534:65534
ENTRYPOINT ["/worker"]
`,
    files,
    dockerignore,
    target: null,
    buildArgs: {},
    example: 'go-scratch',
  },
};
