/**
 * The insights panel's state: which tab is open, which context files the person marked as
 * changed (for the cache preview), and the worker's latest results, each with the workspace
 * revision it was computed for and, for the query answers, the input it answers (the cursor
 * line, the path, the changed list), so a view can tell whether what it holds is current.
 * View state only: nothing here is saved, shared or undoable, and the workspace never changes
 * because of it.
 */
import { create } from 'zustand';
import type { CachePreview, InstructionExplanation, WhyAnswer } from '../../core/explain/index.ts';
import type { BuildInsights, QueryAnswers } from '../analysis/protocol.ts';

export type InsightsTab = 'problems' | 'why' | 'explain' | 'cache' | 'order' | 'size';

export interface Versioned<T> {
  revision: number;
  value: T;
}

/** One part of the query answers: its value for input `key` in workspace revision `revision`. */
export interface PartAnswer<K, V> {
  revision: number;
  key: K;
  value: V | null;
}

export interface InsightsState {
  tab: InsightsTab;
  /** context paths marked as changed, in the order they were marked */
  changed: string[];
  insights: Versioned<BuildInsights> | null;
  explain: PartAnswer<number | null, InstructionExplanation> | null;
  why: PartAnswer<string | null, WhyAnswer> | null;
  cache: PartAnswer<string[], CachePreview> | null;
  /** explain modules that failed for the latest answers (never expected) */
  failures: string[];

  setTab(tab: InsightsTab): void;
  toggleChanged(path: string): void;
  setChanged(paths: string[]): void;
  clearChanged(): void;
  receiveInsights(revision: number, insights: BuildInsights): void;
  /** store the parts of `answers` that `accept` lets through (the driver drops stale parts) */
  receiveAnswers(revision: number, answers: QueryAnswers, accept: (part: 'explain' | 'why' | 'cache') => boolean): void;
}

export const useInsightsStore = create<InsightsState>()((set, get) => ({
  tab: 'problems',
  changed: [],
  insights: null,
  explain: null,
  why: null,
  cache: null,
  failures: [],

  setTab: (tab) => {
    if (get().tab !== tab) set({ tab });
  },
  toggleChanged: (path) => {
    const changed = get().changed;
    set({ changed: changed.includes(path) ? changed.filter((p) => p !== path) : [...changed, path] });
  },
  setChanged: (paths) => set({ changed: [...new Set(paths)] }),
  clearChanged: () => {
    if (get().changed.length > 0) set({ changed: [] });
  },
  receiveInsights: (revision, insights) => set({ insights: { revision, value: insights } }),
  receiveAnswers: (revision, answers, accept) => {
    const patch: Partial<InsightsState> = {};
    const q = answers.query;
    if (answers.explain !== undefined && accept('explain')) patch.explain = { revision, key: q.line, value: answers.explain };
    if (answers.why !== undefined && accept('why')) patch.why = { revision, key: q.path, value: answers.why };
    if (answers.cache !== undefined && accept('cache')) patch.cache = { revision, key: q.changed, value: answers.cache };
    if (Object.keys(patch).length === 0) return;
    patch.failures = answers.failures;
    set(patch);
  },
}));
