import { beforeEach, describe, expect, it } from 'vitest';
import type { CachePreview, WhyAnswer } from '../../core/explain/index.ts';
import { useInsightsStore } from './insightsStore.ts';
import { cacheOf, whyOf } from './useInsights.ts';

const why = (query: string): WhyAnswer => ({ query, kind: 'context', status: 'final', summary: `${query} ...`, steps: [], lines: [3], dockerignoreLines: [] });
const preview: CachePreview = { steps: [], rebuiltStages: [], rerunLines: [], changedIgnored: [], changedUnread: [] };

beforeEach(() => {
  useInsightsStore.setState({ tab: 'problems', changed: [], insights: null, explain: null, why: null, cache: null, failures: [] });
});

describe('insights store', () => {
  it('toggles, dedupes and clears the changed marks', () => {
    const s = useInsightsStore.getState();
    s.toggleChanged('a');
    s.toggleChanged('b');
    s.toggleChanged('a');
    expect(useInsightsStore.getState().changed).toEqual(['b']);
    s.setChanged(['x', 'x', 'y']);
    expect(useInsightsStore.getState().changed).toEqual(['x', 'y']);
    s.clearChanged();
    expect(useInsightsStore.getState().changed).toEqual([]);
  });

  it('keeps each answered part with its revision and input; absent or refused parts stay as they were', () => {
    const s = useInsightsStore.getState();
    s.receiveAnswers(4, { query: { line: 2, path: 'a', changed: ['a'] }, explain: null, why: why('a'), cache: preview, failures: [] }, () => true);
    // a later answer with only the explain part, and a why the driver refuses as stale
    s.receiveAnswers(4, { query: { line: 3, path: 'b', changed: ['a'] }, explain: null, why: why('b'), failures: [] }, (part) => part !== 'why');
    const st = useInsightsStore.getState();
    expect(st.explain).toEqual({ revision: 4, key: 3, value: null });
    expect(st.why?.key).toBe('a');
    expect(st.cache?.key).toEqual(['a']);
  });

  it('a part is current only for the analysis shown and the input asked now', () => {
    const s = useInsightsStore.getState();
    s.setChanged(['a']);
    s.receiveAnswers(4, { query: { line: null, path: 'a', changed: ['a'] }, why: why('a'), cache: preview, failures: [] }, () => true);
    const st = useInsightsStore.getState();
    expect(whyOf(st, 'a', 4)?.query).toBe('a');
    expect(whyOf(st, 'a', 5)).toBeUndefined(); // for another analysis: on its way
    expect(whyOf(st, 'a')?.query).toBe('a'); // ... but the views may show it meanwhile
    expect(whyOf(st, 'b')).toBeUndefined();
    expect(cacheOf(st, 4)).toBe(preview);
    expect(cacheOf(st, 5)).toBeUndefined();
    useInsightsStore.getState().toggleChanged('b');
    expect(cacheOf(useInsightsStore.getState())).toBeUndefined();
    useInsightsStore.getState().clearChanged();
    expect(cacheOf(useInsightsStore.getState())).toBeNull(); // nothing marked: nothing to preview
  });
});
