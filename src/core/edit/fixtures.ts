/**
 * Dockerfiles for the edit tests, and a helper that re-analyses a text into the stage graph
 * (names, bases, edges) so tests can assert the structure an action produced.
 */
import { parse } from '../syntax/instructions.ts';
import { buildStageGraph } from '../graph/stageGraph.ts';
import { envFromMap } from '../args/lex.ts';

export const GO_APP = [
  '# syntax=docker/dockerfile:1',
  'ARG GO_VERSION=1.22',
  '',
  '# build the binary',
  'FROM golang:${GO_VERSION} AS build',
  'WORKDIR /src',
  'COPY go.mod go.sum ./',
  'RUN --mount=type=cache,target=/root/.cache/go-build \\',
  '    # cache the module downloads',
  '    go build -o /out/app .',
  'COPY <<EOF /etc/app.conf',
  'FROM not-a-stage',
  'EOF',
  '',
  '# tests',
  'FROM build AS test',
  'RUN go test ./...',
  '',
  'FROM gcr.io/distroless/static AS runtime',
  'COPY --from=build /out/app /app',
  'ENTRYPOINT ["/app"]',
  '',
].join('\n');

export const BACKTICK = [
  '# escape=`',
  '',
  'from mcr.microsoft.com/windows/servercore:ltsc2022 as base',
  'run powershell -Command `',
  '    Write-Host hi',
  '',
  'from mcr.microsoft.com/windows/nanoserver:ltsc2022 as final',
  'run --mount=type=bind,from=base,target=C:\\b `',
  '    dir C:\\b',
  'copy --from=base C:\\app C:\\app',
  'cmd ["C:\\\\app\\\\run.exe"]',
].join('\r\n');

export const DUPLICATES = [
  'FROM alpine AS tools',
  'RUN echo one',
  '',
  'FROM busybox',
  'RUN echo unnamed',
  '',
  'FROM alpine AS Tools',
  'RUN echo two',
  '',
  'FROM scratch',
  'COPY --from=TOOLS /a /a',
  'COPY --from=1 /b /b',
  'COPY --from=0 /c /c',
  '',
].join('\n');

export interface Graph {
  stages: { name: string | null; base: string; line: number; endLine: number }[];
  /** `from -> to kind@line`, sorted */
  edges: string[];
  errors: string[];
}

/** Parse and build the stage graph the way the analysis does. */
export function graphOf(text: string): Graph {
  const res = parse(text);
  const env = new Map<string, string>();
  for (const a of res.metaArgs) for (const kv of a.args) if (kv.value !== null) env.set(kv.key, kv.value);
  const g = buildStageGraph(res, envFromMap(env), null);
  return {
    stages: res.stages.map((s, i) => ({ name: s.name, base: g.bases[i], line: s.line, endLine: s.endLine })),
    edges: g.edges.map((e) => `${e.from} -> ${e.to} ${e.kind}@${e.line}`).sort(),
    errors: res.errors.map((e) => e.message),
  };
}
