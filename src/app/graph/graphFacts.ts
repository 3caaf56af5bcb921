/**
 * What the graph's nodes and arrows read: the analysis and the stage facts, in a store of
 * their own that changes only when they do, and the lookups each of them asks for (is this
 * stage needed, how many errors are on its lines, is this image pulled), computed once per
 * analysis and kept with it.
 *
 * Every node subscribes with its own selector, and a zustand store runs every selector on every
 * change: the workspace store changes on every keystroke, so with 700 stages and 1,400 arrows
 * the graph would run thousands of selectors per key (and one that scans the analysis' lists
 * costs the square of the graph). Here a keystroke runs none, and a new analysis runs each
 * selector once, in O(1).
 */
import { create } from 'zustand';
import type { Analysis } from '../../core/types.ts';
import type { StageFacts } from '../analysis/stageFacts.ts';
import { useWorkspaceStore } from '../store/workspaceStore.ts';

export interface GraphAnalysis {
  analysis: Analysis | null;
  facts: StageFacts[] | null;
}

function pick(s: GraphAnalysis): GraphAnalysis {
  return { analysis: s.analysis, facts: s.facts };
}

/** The workspace store's `analysis` and `facts`, updated in the same tick as it. */
export const useGraphAnalysis = create<GraphAnalysis>()(() => pick(useWorkspaceStore.getState()));

useWorkspaceStore.subscribe((s, prev) => {
  if (s.analysis !== prev.analysis || s.facts !== prev.facts) useGraphAnalysis.setState(pick(s), true);
});

export interface GraphFacts {
  needed: ReadonlySet<number>;
  /** `image:REF` ids of images some needed stage uses */
  neededImages: ReadonlySet<string>;
  /** error diagnostics on each stage's lines, by stage index */
  errors: readonly number[];
}

const cache = new WeakMap<Analysis, GraphFacts>();

const EMPTY: GraphFacts = { needed: new Set(), neededImages: new Set(), errors: [] };

export function graphFactsOf(analysis: Analysis | null | undefined): GraphFacts {
  if (!analysis) return EMPTY;
  let facts = cache.get(analysis);
  if (!facts) {
    facts = computeGraphFacts(analysis);
    cache.set(analysis, facts);
  }
  return facts;
}

export function computeGraphFacts(analysis: Analysis): GraphFacts {
  const needed = new Set(analysis.needed);
  const neededImages = new Set<string>();
  for (const e of analysis.edges) if (e.from.startsWith('image:') && needed.has(e.to)) neededImages.add(e.from);
  const errorLines = analysis.diagnostics.filter((d) => d.severity === 'error').map((d) => d.line).sort((a, b) => a - b);
  // errors on lines [line, endLine]: two binary searches per stage
  const errors = analysis.stages.map((s) => firstAbove(errorLines, s.endLine) - firstAbove(errorLines, s.line - 1));
  return { needed, neededImages, errors };
}

/** index of the first element greater than `x` in a sorted list */
function firstAbove(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
