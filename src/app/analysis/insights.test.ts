/**
 * What the worker answers beside the analysis, on the Node example of the gallery: the cache
 * preview issue 8 asks for (lockfile first: a source change leaves `npm ci` cached; the wrong
 * order re-runs it), the why chain, the instruction text, the schedule and the size hint.
 */
import { describe, expect, it } from 'vitest';
import { analyzeDetailed } from '../../core/analyze.ts';
import { nodeTypescript } from '../examples/nodeTypescript.ts';
import { defaultExample } from '../defaultExample.ts';
import type { Workspace } from '../workspace.ts';
import { analyzeInputOf } from './analyzeInput.ts';
import { buildInsightsOf, Explainer } from './insights.ts';
import type { InsightQuery } from './protocol.ts';

function explainer(ws: Workspace): Explainer {
  const input = analyzeInputOf(ws);
  return new Explainer(1, analyzeDetailed(input), input.dockerignore ?? null);
}

const query = (q: Partial<InsightQuery>): InsightQuery => ({ line: null, path: null, changed: [], ...q });

const wrongOrder = nodeTypescript.workspace.dockerfile.replace(
  'COPY package.json package-lock.json ./\nRUN npm ci\nCOPY tsconfig.json tsconfig.build.json ./\nCOPY src/ ./src/\n',
  'COPY . .\nRUN npm ci\n',
);

describe('cache preview in the worker (Node example)', () => {
  it('the example has src/index.ts and copies the lockfile before the sources', () => {
    expect(nodeTypescript.workspace.files).toContain('src/index.ts');
    expect(wrongOrder).not.toBe(nodeTypescript.workspace.dockerfile);
  });

  it('src/index.ts changed: npm ci stays cached, the build re-runs, and so does the COPY --from of its output', () => {
    const cache = explainer(nodeTypescript.workspace).answer(query({ changed: ['src/index.ts'] })).cache!;
    const step = (text: string) => cache.steps.find((s) => s.instruction === text)!;
    expect(step('RUN npm ci')).toMatchObject({ reruns: false, stage: 0 });
    expect(step('COPY src/ ./src/')).toMatchObject({ reruns: true, cause: 'input-changed', changedInputs: ['src/index.ts'] });
    expect(step('RUN npm run build')).toMatchObject({ reruns: true, cause: 'previous-step' });
    expect(step('RUN npm ci --omit=dev && npm cache clean --force').reruns).toBe(false);
    expect(step('COPY --from=build /app/dist ./dist')).toMatchObject({ reruns: true, cause: 'source-stage' });
    expect(cache.rerunLines).toEqual([7, 8, 15]);
  });

  it('in the wrong order (COPY . . before npm ci) the install re-runs too', () => {
    const cache = explainer({ ...nodeTypescript.workspace, dockerfile: wrongOrder }).answer(query({ changed: ['src/index.ts'] })).cache!;
    const step = (text: string) => cache.steps.find((s) => s.instruction === text)!;
    expect(step('COPY . .')).toMatchObject({ reruns: true, cause: 'input-changed' });
    expect(step('RUN npm ci')).toMatchObject({ reruns: true, cause: 'previous-step' });
    expect(step('RUN npm run build').reruns).toBe(true);
  });

  it('nothing marked: no preview at all', () => {
    expect(explainer(nodeTypescript.workspace).answer(query({})).cache).toBeNull();
  });
});

describe('query answers', () => {
  const e = explainer(defaultExample);

  it('explains the instruction at the cursor line, and nothing on a blank line', () => {
    const a = e.answer(query({ line: 24 }));
    expect(a.explain).toMatchObject({ keyword: 'COPY', line: 24 });
    expect(a.explain!.text.length).toBeGreaterThan(20);
    expect(e.answer(query({ line: 3 })).explain).toBeNull();
  });

  it('explains a context file and an image path with the lines they pass', () => {
    const ctx = e.answer(query({ path: 'config/default.yaml' })).why!;
    expect(ctx).toMatchObject({ kind: 'context', status: 'final', lines: [25] });
    const img = e.answer(query({ path: '/server' })).why!;
    expect(img.kind).toBe('image');
    expect(img.lines).toContain(24); // COPY --from=build /out/server /server
    const ignored = e.answer(query({ path: 'README.md' })).why!;
    expect(ignored.status).toBe('ignored');
    expect(ignored.dockerignoreLines.length).toBeGreaterThan(0);
  });

  it('keeps each answer until its own input changes (the cursor does not recompute the chain)', () => {
    const first = e.answer(query({ line: 24, path: 'config/default.yaml' }));
    const moved = e.answer(query({ line: 25, path: 'config/default.yaml' }));
    expect(moved.why).toBe(first.why);
    expect(moved.explain).not.toBe(first.explain);
    expect(moved.failures).toEqual([]);
  });
});

describe('build insights', () => {
  it('levels, critical path and skipped stages of the default example; approximate sizes', () => {
    const input = analyzeInputOf(defaultExample);
    const detail = analyzeDetailed(input);
    const { schedule, sizes, failures } = buildInsightsOf(detail);
    expect(failures).toEqual([]);
    const name = (i: number) => detail.analysis.stages[i].name;
    expect(schedule!.levels.map((l) => l.map(name))).toEqual([['deps', 'certs'], ['build'], ['release']]);
    expect(schedule!.criticalPath.map(name)).toEqual(['deps', 'build', 'release']);
    expect(schedule!.skipped.map((s) => name(s.stage))).toEqual(['test']);
    expect(sizes!.approximate).toBe(true);
    expect(sizes!.final?.base).toBe('scratch');
    expect(sizes!.text).toMatch(/approximat/);
  });
});
