/**
 * Dockerfiles and context file lists for the explain tests (our own fixtures). Line numbers
 * matter: the tests assert exact lines, so each fixture lists them in a comment.
 */
import { analyzeDetailed, type AnalysisDetail } from '../analyze.ts';

export function detailOf(dockerfile: string, files: string[] = [], dockerignore: string | null = null, target: string | null = null): AnalysisDetail {
  return analyzeDetailed({ dockerfile, files, dockerignore, target });
}

export const NODE_FILES = [
  '.dockerignore',
  'Dockerfile',
  'README.md',
  'node_modules/express/index.js',
  'package-lock.json',
  'package.json',
  'src/index.ts',
  'src/util.ts',
  'tsconfig.json',
];
export const NODE_IGNORE = 'node_modules\n*.md\n';

/**
 * The good order: lockfile, install, then the sources.
 *  1 FROM build      3 COPY package*.json   4 RUN npm ci   5 COPY . .   6 RUN npm run build
 *  8 FROM runtime   10 COPY package*.json  11 RUN npm ci --omit=dev     12 COPY --from=build
 */
export const NODE_GOOD = [
  'FROM node:22-alpine AS build',
  'WORKDIR /app',
  'COPY package*.json ./',
  'RUN npm ci',
  'COPY . .',
  'RUN npm run build',
  '',
  'FROM node:22-alpine AS runtime',
  'WORKDIR /app',
  'COPY package*.json ./',
  'RUN npm ci --omit=dev',
  'COPY --from=build /app/dist ./dist',
  'USER node',
  'CMD ["node", "dist/index.js"]',
  '',
].join('\n');

/** The "wrong order": every source edit re-installs. 3 COPY . .  4 RUN npm ci  5 RUN npm run build */
export const NODE_WRONG = [
  'FROM node:22',
  'WORKDIR /app',
  'COPY . .',
  'RUN npm ci',
  'RUN npm run build',
  'CMD ["node", "dist/index.js"]',
  '',
].join('\n');

export const GO_FILES = [
  '.dockerignore',
  '.git/HEAD',
  'Dockerfile',
  'README.md',
  'cmd/app/main.go',
  'config/app.yaml',
  'docs/guide.md',
  'docs/img.png',
  'docs/keep.md',
  'go.mod',
  'go.sum',
  'internal/a.go',
  'internal/a_test.go',
  'scripts/setup.sh',
  'secrets/key.pem',
  'testdata/in.txt',
];
/** 1 .git   2 ** /*.md   3 !docs/keep.md   4 secrets */
export const GO_IGNORE = '.git\n**/*.md\n!docs/keep.md\nsecrets\n';

/**
 *  1 FROM build   3 COPY go.mod go.sum   4 COPY cmd/   5 COPY --exclude internal/   6 RUN go build
 *  7 COPY config  9 FROM build AS test  10 COPY testdata/   11 RUN go test
 * 13 FROM runtime 14 COPY --from=build /out/app   15 COPY --from=build /etc/app.yaml
 * 16 COPY docs/   17 RUN --mount=type=bind,source=scripts
 */
export const GO_APP = [
  'FROM golang:1.22 AS build',
  'WORKDIR /src',
  'COPY go.mod go.sum ./',
  'COPY cmd/ ./cmd/',
  'COPY --exclude=*_test.go internal/ ./internal/',
  'RUN go build -o /out/app ./cmd/app',
  'COPY config/app.yaml /etc/app.yaml',
  '',
  'FROM build AS test',
  'COPY testdata/ ./testdata/',
  'RUN go test ./...',
  '',
  'FROM alpine:3.20 AS runtime',
  'COPY --from=build /out/app /usr/local/bin/app',
  'COPY --from=build /etc/app.yaml /etc/app.yaml',
  'COPY docs/ /docs/',
  'RUN --mount=type=bind,source=scripts,target=/scripts sh /scripts/setup.sh',
  '',
].join('\n');

/**
 * A diamond with a skipped branch.
 *  1 FROM deps   2 RUN   3 FROM deps AS build   4 RUN   5 RUN   6 FROM web   7 RUN
 *  8 FROM scratch AS lint   9 COPY --from=build   10 FROM lint AS report   11 RUN
 * 12 FROM final   13 COPY --from=web   14 COPY --from=build
 */
export const DIAMOND = [
  'FROM golang:1.22 AS deps',
  'RUN go mod download',
  'FROM deps AS build',
  'RUN go build -o /bin/app .',
  'RUN go vet ./...',
  'FROM node:22 AS web',
  'RUN npm run build',
  'FROM scratch AS lint',
  'COPY --from=build /bin/app /app',
  'FROM lint AS report',
  'RUN ["/app", "--report"]',
  'FROM alpine:3.20 AS final',
  'COPY --from=web /dist /www',
  'COPY --from=build /bin/app /app',
  '',
].join('\n');
