import { describe, expect, it } from 'vitest';
import { analyze } from '../../core/analyze.ts';
import { deleteStage } from '../../core/edit/index.ts';
import { changedLines, describeBroken, edgeLabel, nodeCalled, stageCalled, stageNodeLabel } from './describe.ts';

const text = 'FROM alpine AS base\nRUN true\n\nFROM base AS app\nCOPY --from=base /x /x\nCOPY --from=0 /y /y\n\nFROM base AS base\n';

describe('describe', () => {
  it('names stages and nodes', () => {
    expect(stageCalled({ index: 2, name: null, nameAsWritten: null })).toBe('#2');
    expect(stageCalled({ index: 0, name: 'build', nameAsWritten: 'Build' })).toBe('Build');
    expect(nodeCalled(null, 'image:nginx:1.27')).toBe('image nginx:1.27');
  });

  it('says what each reference of a deleted stage would mean afterwards', () => {
    // --from=base (line 5) names the last stage called base, which stays
    const analysis = analyze({ dockerfile: text });
    const r = deleteStage(text, { stage: 0 });
    if (!r.ok) throw new Error(r.reason);
    expect(r.broken.map((b) => describeBroken(b, analysis.stages, 0))).toEqual([
      'line 4: FROM base (stage app) would build on an image named “base”',
      'line 6: COPY --from=0 (stage app) would copy from stage app',
      'line 8: FROM base (stage base) would build on an image named “base”',
    ]);
  });

  it('finds the lines an edit writes', () => {
    expect(changedLines('a\nb\nc\n', 'a\nb\nx\ny\nc\n')).toEqual({ first: 3, lines: ['x', 'y'], removed: 0 });
    expect(changedLines('a\nb\nc\n', 'a\nc\n')).toEqual({ first: 2, lines: [], removed: 1 });
    expect(changedLines('FROM a AS b\n', 'FROM c AS b\n')).toEqual({ first: 1, lines: ['FROM c AS b'], removed: 1 });
  });

  it('gives nodes and edges accessible names that say their state', () => {
    const analysis = analyze({ dockerfile: 'FROM alpine AS a\nFROM scratch AS b\nCOPY --from=a /x /x\n' });
    expect(stageNodeLabel(analysis, 1, new Set(analysis.needed))).toBe('Stage b, FROM scratch, lines 2 to 3, the target');
    expect(stageNodeLabel(analysis, 0, new Set(analysis.needed))).toBe('Stage a, FROM alpine, lines 1 to 1, built');
    expect(edgeLabel(analysis, 'copy', 'stage:0', 1, 3, 'COPY --from=a /x /x')).toBe('b copies from a, line 3: COPY --from=a /x /x');
  });
});
