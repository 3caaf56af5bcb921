/** Build order: exact levels, critical path, waits and skipped stages on our fixtures. */
import { describe, expect, it } from 'vitest';
import { buildSchedule } from './schedule.ts';
import { detailOf, DIAMOND, NODE_FILES, NODE_GOOD, NODE_IGNORE } from './fixtures.ts';

describe('buildSchedule', () => {
  it('the diamond: parallel levels, the heaviest chain, and a skipped branch', () => {
    const s = buildSchedule(detailOf(DIAMOND));
    // deps(0) and web(2) start at once; build(1) waits for deps; final(5) for build and web.
    expect(s.levels).toEqual([[0, 2], [1], [5]]);
    // weights: deps = pull + RUN; build = 2 RUN (no pull: FROM deps); web = pull + RUN;
    // final = pull + 2 COPY.
    expect(s.weight).toEqual({ 0: 2, 1: 2, 2: 2, 5: 3 });
    expect(s.criticalPath).toEqual([0, 1, 5]);
    expect(s.criticalWeight).toBe(7);
    expect(s.waits).toEqual([
      { stage: 1, on: 0, kind: 'base', line: 3 },
      { stage: 5, on: 2, kind: 'copy', line: 13 },
      { stage: 5, on: 1, kind: 'copy', line: 14 },
    ]);
    expect(s.skipped.map((x) => x.stage)).toEqual([3, 4]);
    expect(s.skipped[0].reason).toBe(
      'the target "final" neither builds on it, copies from it nor mounts it, directly or through another stage it needs; only skipped stages use it (stage "report")',
    );
    expect(s.skipped[1].reason).toBe('the target "final" neither builds on it, copies from it nor mounts it, directly or through another stage it needs');
  });

  it('another target changes what is needed', () => {
    const s = buildSchedule(detailOf(DIAMOND, [], null, 'report'));
    expect(s.levels).toEqual([[0], [1], [3], [4]]);
    expect(s.criticalPath).toEqual([0, 1, 3, 4]);
    // FROM scratch pulls nothing: lint weighs only its COPY.
    expect(s.weight[3]).toBe(1);
    expect(s.skipped.map((x) => x.stage)).toEqual([2, 5]);
  });

  it('the Node example: build, then runtime, which waits at its COPY --from', () => {
    const s = buildSchedule(detailOf(NODE_GOOD, NODE_FILES, NODE_IGNORE));
    expect(s.levels).toEqual([[0], [1]]);
    expect(s.criticalPath).toEqual([0, 1]);
    expect(s.waits).toEqual([{ stage: 1, on: 0, kind: 'copy', line: 12 }]);
    expect(s.skipped).toEqual([]);
  });

  it('an unknown target: nothing scheduled, every stage skipped with why', () => {
    const s = buildSchedule(detailOf(NODE_GOOD, NODE_FILES, NODE_IGNORE, 'nope'));
    expect(s.levels).toEqual([]);
    expect(s.criticalPath).toEqual([]);
    expect(s.skipped).toEqual([
      { stage: 0, reason: 'no target could be resolved, so no stage is built' },
      { stage: 1, reason: 'no target could be resolved, so no stage is built' },
    ]);
  });

  it('a cycle does not hang', () => {
    const df = ['FROM alpine AS a', 'COPY --from=b /x /x', 'FROM alpine AS b', 'COPY --from=a /y /y', ''].join('\n');
    const d = detailOf(df);
    const s = buildSchedule(d);
    expect(d.analysis.needed).toEqual([0, 1]);
    expect(s.levels.flat().sort()).toEqual([0, 1]);
    expect(s.criticalPath.at(-1)).toBe(1);
  });
});
