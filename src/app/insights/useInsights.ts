/**
 * Hooks for the insight views: the worker's results, but only while they answer what the page
 * asks now (the cursor line, the selected path, the changed list). The insights of an analysis
 * follow it by a moment (the explain modules never delay the analysis), so until they arrive
 * the views keep showing those of the previous revision instead of blinking.
 * `undefined` means "not here yet" (an answer is on its way); `null` means "nothing to say".
 */
import { useSelectionStore } from '../store/selectionStore.ts';
import type { BuildInsights } from '../analysis/protocol.ts';
import { sameList } from '../analysis/protocol.ts';
import type { CachePreview, InstructionExplanation, WhyAnswer } from '../../core/explain/index.ts';
import type { Analysis } from '../../core/types.ts';
import { useInsightsStore, type InsightsState } from './insightsStore.ts';

export function useBuildInsights(): BuildInsights | null {
  return useInsightsStore((s) => s.insights?.value ?? null);
}

/** The explanation of the instruction at the cursor line. */
export function useExplain(): InstructionExplanation | null | undefined {
  const line = useSelectionStore((s) => s.cursor?.line ?? null);
  return useInsightsStore((s) => (s.explain && s.explain.key === line ? s.explain.value : undefined));
}

/** The why chain of `path`; with `revision`, only if computed for that analysis. */
export function whyOf(s: InsightsState, path: string | null, revision: number | null = null): WhyAnswer | null | undefined {
  return s.why && s.why.key === path && (revision === null || s.why.revision === revision) ? s.why.value : undefined;
}

export function useWhy(path: string | null): WhyAnswer | null | undefined {
  return useInsightsStore((s) => whyOf(s, path));
}

/** The cache preview of the files marked changed (null when none is marked); with `revision`, only if computed for that analysis. */
export function cacheOf(s: InsightsState, revision: number | null = null): CachePreview | null | undefined {
  if (s.changed.length === 0) return null;
  return s.cache && sameList(s.cache.key, s.changed) && (revision === null || s.cache.revision === revision) ? s.cache.value : undefined;
}

export function useCachePreview(): CachePreview | null | undefined {
  return useInsightsStore((s) => cacheOf(s));
}

/** Display name of a stage: its name as written, else `#index`. */
export function stageName(analysis: Analysis | null, index: number | null): string {
  if (index === null) return '?';
  const s = analysis?.stages[index];
  return s ? (s.nameAsWritten ?? s.name ?? `#${index}`) : `#${index}`;
}

export function revealStage(analysis: Analysis | null, index: number): void {
  const s = analysis?.stages[index];
  if (s) useSelectionStore.getState().pickStage(index, s.line, s.endLine);
}
