// Generators for the benchmarks: realistic multi-stage Dockerfiles and context listings.

/** A realistic multi-stage Dockerfile of about `lines` lines. */
export function generateDockerfile(lines) {
  const out = ['# syntax=docker/dockerfile:1', 'ARG NODE=20', 'ARG GO=1.22'];
  let i = 0;
  while (out.length < lines - 8) {
    const prev = i > 0 ? `s${i - 1}` : null;
    out.push('', `# stage ${i}`, `FROM ${i % 3 === 0 ? 'golang:${GO}' : i % 3 === 1 ? 'node:${NODE}-alpine' : prev ?? 'alpine:3.20'} AS s${i}`);
    out.push(`WORKDIR /work/s${i}`, 'ENV CGO_ENABLED=0 \\', '    GOFLAGS=-mod=mod', `ARG VERSION=1.${i}`);
    out.push(`COPY pkg${i % 50}/go.mod pkg${i % 50}/go.sum ./`);
    out.push('RUN --mount=type=cache,target=/root/.cache \\', '    go mod download');
    out.push(`COPY pkg${i % 50}/ ./`);
    if (prev) out.push(`COPY --from=${prev} /work/${prev}/out /deps/${prev}`);
    out.push(`RUN go build -o /work/s${i}/out/app-\${VERSION} ./...`, 'LABEL org.opencontainers.image.version=$VERSION');
    i++;
  }
  out.push('', 'FROM gcr.io/distroless/static-debian12:nonroot', `COPY --from=s${i - 1} /work/s${i - 1}/out /app`, 'COPY config/ /etc/app/', 'USER nonroot', 'ENTRYPOINT ["/app/app"]');
  return out.join('\n') + '\n';
}

export function generateContext(n) {
  const files = ['Dockerfile', '.dockerignore', 'README.md', '.git/HEAD', 'config/app.yaml'];
  for (let k = 0; files.length < n; k++) {
    const pkg = `pkg${k % 50}`;
    if (k < 50) files.push(`${pkg}/go.mod`, `${pkg}/go.sum`);
    files.push(`${pkg}/internal/m${k % 37}/file${k}.go`);
    if (k % 9 === 0) files.push(`node_modules/lib${k % 300}/index${k}.js`);
    if (k % 13 === 0) files.push(`${pkg}/testdata/case${k}.json`);
  }
  return files.slice(0, n);
}

