/**
 * Messages between the page and the analysis worker. `id` is the workspace revision the
 * analysis is for (its version). Two kinds of request:
 *
 * - `analyze`: analyse the workspace. The worker answers with the analysis and what the views
 *   need beside it at once, then, in a second message of kind `insights` for the same `id`,
 *   the build's insights (schedule, sizes) and the answers to the insight query as it stood
 *   when the request was sent: the explain modules never delay the analysis;
 * - `query`: answer a new insight query (the instruction under the cursor, the file to explain,
 *   the files marked changed) against the analysis the worker already holds for revision `id`,
 *   without analysing again. If the worker holds another revision, it answers `stale` and the
 *   page waits for the analysis request that is on its way (it carries the newest query).
 */
import type { Analysis, AnalyzeInput } from '../../core/types.ts';
import type { CachePreview, ImageSizeSummary, InstructionExplanation, Schedule, WhyAnswer } from '../../core/explain/index.ts';
import type { ContextFacts, StageFacts, StageReferenceFact } from './stageFacts.ts';

/** What the person is asking about, besides the workspace itself (view state, never saved). */
export interface InsightQuery {
  /** the editor's cursor line (Explain), or null */
  line: number | null;
  /** the file to explain (Why): a context path, or an image path starting with '/'; or null */
  path: string | null;
  /** context files (or folders) marked as changed (Cache), in the order they were marked */
  changed: string[];
}

export interface AnalyzeRequest {
  kind: 'analyze';
  id: number;
  input: AnalyzeInput;
  query: InsightQuery;
}

/** The parts of a query's answer: each depends on one input of the query only. */
export type QueryPart = 'explain' | 'why' | 'cache';
export const QUERY_PARTS: readonly QueryPart[] = ['explain', 'why', 'cache'];

export interface QueryRequest {
  kind: 'query';
  id: number;
  query: InsightQuery;
  /** the parts whose input changed: only these are computed and sent back */
  parts: QueryPart[];
}

export type AnalysisRequest = AnalyzeRequest | QueryRequest;

/** What depends on the workspace only: computed once per analysis. */
export interface BuildInsights {
  /** null only if the explain module failed (it is total by contract; see `failures`) */
  schedule: Schedule | null;
  sizes: ImageSizeSummary | null;
  failures: string[];
}

/**
 * The answers to one insight query, for one analysis. A part is absent when it was not asked
 * for (its input did not change), so moving the cursor never sends the cache preview again.
 */
export interface QueryAnswers {
  query: InsightQuery;
  /** explainInstruction at `query.line` (null: no line, or no instruction there) */
  explain?: InstructionExplanation | null;
  /** explainPath of `query.path` (null: no path) */
  why?: WhyAnswer | null;
  /** previewCache of `query.changed` (null when nothing is marked changed) */
  cache?: CachePreview | null;
  /** explain modules that threw (never expected), with the message: shown, not hidden */
  failures: string[];
}

/** The analysis and what the views need beside it, all computed in one pass in the worker. */
export interface AnalysisResult {
  analysis: Analysis;
  facts: StageFacts[];
  context: ContextFacts;
  references: StageReferenceFact[];
}

export type AnalysisResponse =
  | { kind: 'analyze'; id: number; ok: true; result: AnalysisResult; ms: number }
  | { kind: 'analyze'; id: number; ok: false; message: string }
  | { kind: 'insights'; id: number; insights: BuildInsights; answers: QueryAnswers }
  | { kind: 'query'; id: number; ok: true; answers: QueryAnswers }
  | { kind: 'query'; id: number; ok: false; stale: boolean; message: string };

export const emptyQuery: InsightQuery = { line: null, path: null, changed: [] };

export function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Two queries ask the same thing (answers to one serve the other). */
export function sameQuery(a: InsightQuery, b: InsightQuery): boolean {
  return changedParts(a, b).length === 0;
}

/** The parts whose input differs between two queries. */
export function changedParts(a: InsightQuery, b: InsightQuery): QueryPart[] {
  const parts: QueryPart[] = [];
  if (a.line !== b.line) parts.push('explain');
  if (a.path !== b.path) parts.push('why');
  if (!sameList(a.changed, b.changed)) parts.push('cache');
  return parts;
}
