import { describe, expect, it } from 'vitest';
import type { CachePreview, CacheStep } from '../../core/explain/index.ts';
import { cacheCounts, cacheSummaryText, groupByStage, showsReason, splitLineRefs, stepState } from './cacheSummary.ts';

const step = (stage: number, line: number, reruns: boolean, executes = true): CacheStep => ({
  stage,
  line,
  endLine: line,
  instruction: `RUN step ${line}`,
  reruns,
  reason: reruns ? 'a step before it re-ran' : 'cached',
  executes,
  cause: reruns ? 'previous-step' : null,
  changedInputs: [],
  sourceStage: null,
});

const preview = (steps: CacheStep[]): CachePreview => ({
  steps,
  rebuiltStages: [],
  rerunLines: steps.filter((s) => s.reruns).map((s) => s.line),
  changedIgnored: [],
  changedUnread: [],
});

describe('cache summary', () => {
  const p = preview([step(0, 3, false), step(0, 4, true), step(0, 5, true), step(2, 9, false, false), step(2, 10, true)]);

  it('groups steps by stage in the preview order and counts re-runs', () => {
    expect(groupByStage(p).map((g) => [g.stage, g.steps.map((s) => s.line), g.reruns])).toEqual([
      [0, [3, 4, 5], 2],
      [2, [9, 10], 1],
    ]);
  });

  it('counts build steps only (metadata instructions never run)', () => {
    expect(cacheCounts(p)).toEqual({ buildSteps: 4, reruns: 3, stagesRerun: 2 });
    expect(cacheSummaryText(cacheCounts(p))).toBe('3 of 4 build steps re-run, in 2 stages; the others stay cached.');
    expect(cacheSummaryText(cacheCounts(preview([step(0, 3, false)])))).toBe('The one build step stays cached.');
    expect(cacheSummaryText(cacheCounts(preview([])))).toMatch(/no build steps/);
  });

  it('says re-runs, cached, or config for each step', () => {
    expect(p.steps.map(stepState)).toEqual(['cached', 'reruns', 'reruns', 'config', 'reruns']);
  });

  it('shows the reason of every re-run, and of a cached step only when it says something', () => {
    expect(p.steps.map(showsReason)).toEqual([false, true, true, false, true]);
    expect(showsReason({ ...step(0, 3, false), reason: 'cached: --link copies onto an empty layer' })).toBe(true);
  });
});

describe('splitLineRefs', () => {
  it('splits "line N" out of plain text, keeping everything else as text', () => {
    expect(splitLineRefs('changes (line 4). Also line 12, not lines 3 or baseline 5')).toEqual([
      'changes (',
      { line: 4, text: 'line 4' },
      '). Also ',
      { line: 12, text: 'line 12' },
      ', not lines 3 or baseline 5',
    ]);
    expect(splitLineRefs('')).toEqual([]);
    expect(splitLineRefs('<b>line 2</b>')).toEqual(['<b>', { line: 2, text: 'line 2' }, '</b>']);
  });
});
