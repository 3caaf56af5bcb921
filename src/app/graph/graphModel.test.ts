import { describe, expect, it } from 'vitest';
import type { Analysis } from '../../core/types.ts';
import { graphModelOf } from './graphModel.ts';
import { edgeLabelOf } from './edgeLabels.ts';
import { layoutGraph } from './layout.ts';

const text = 'FROM golang:1.22 AS build\nRUN go build -o /out/app\nFROM scratch\nCOPY --from=build /out/app /app\nRUN --mount=type=cache,from=build,target=/cache true\n';
const analysis: Analysis = {
  schemaVersion: 1,
  stages: [
    { index: 0, name: 'build', nameAsWritten: 'build', base: 'golang:1.22', baseStage: null, line: 1, endLine: 2, platform: null },
    { index: 1, name: null, nameAsWritten: null, base: 'scratch', baseStage: null, line: 3, endLine: 5, platform: null },
  ],
  edges: [
    { from: 'image:golang:1.22', to: 0, kind: 'base', line: 1 },
    { from: 'image:scratch', to: 1, kind: 'base', line: 3 },
    { from: 'stage:0', to: 1, kind: 'copy', line: 4 },
    { from: 'stage:0', to: 1, kind: 'mount', line: 5 },
  ],
  target: 1,
  needed: [0, 1],
  context: {},
  final: [],
  diagnostics: [],
};

describe('graphModelOf', () => {
  it('has a node per stage and per image, an edge per analysis edge', () => {
    const m = graphModelOf(analysis, text.split('\n'));
    expect(m.nodes.map((n) => n.id)).toEqual(['stage:0', 'stage:1', 'image:golang:1.22', 'image:scratch']);
    expect(m.edges.map((e) => [e.source, e.target, e.kind, e.label, e.parallel])).toEqual([
      ['image:golang:1.22', 'stage:0', 'base', 'FROM', 0],
      ['image:scratch', 'stage:1', 'base', 'FROM', 0],
      ['stage:0', 'stage:1', 'copy', 'COPY /out/app', 0],
      ['stage:0', 'stage:1', 'mount', 'mount /cache', 1],
    ]);
  });

  it('keeps the layout key while only text inside stages changes', () => {
    const a = graphModelOf(analysis, text.split('\n'));
    const b = graphModelOf({ ...analysis, stages: analysis.stages.map((s) => ({ ...s, endLine: s.endLine + 1 })) }, text.split('\n'));
    expect(b.layoutKey).toBe(a.layoutKey);
    const c = graphModelOf({ ...analysis, edges: analysis.edges.slice(0, 3) }, text.split('\n'));
    expect(c.layoutKey).not.toBe(a.layoutKey);
  });

  it('lays out left to right: a stage sits right of what it builds on', () => {
    const p = layoutGraph(graphModelOf(analysis, text.split('\n')));
    expect(p['stage:1'].x).toBeGreaterThan(p['stage:0'].x);
    expect(p['stage:0'].x).toBeGreaterThan(p['image:golang:1.22'].x);
  });
});

describe('edgeLabelOf', () => {
  it('says what flows', () => {
    expect(edgeLabelOf('copy', 'COPY --from=build --chown=1:1 /a /b /dest/')).toBe('COPY /a /b');
    expect(edgeLabelOf('copy', 'COPY --from=x ["/a", "/b"]')).toBe('COPY /a');
    expect(edgeLabelOf('copy', 'COPY --from=certs /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/')).toBe('COPY …/ca-certificates.…');
    expect(edgeLabelOf('copy', 'COPY --from=build /go/src/app/bin/server /server')).toBe('COPY …/server');
    expect(edgeLabelOf('mount', 'RUN --mount=type=bind,from=build,source=/x,target=/y make')).toBe('mount /y');
    expect(edgeLabelOf('base', 'FROM build')).toBe('FROM');
  });
});
