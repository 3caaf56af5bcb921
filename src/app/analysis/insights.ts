/**
 * The explain modules of the engine (src/core/explain) run here, in the worker, beside the
 * analysis: the schedule and size hint once per analysis, the query answers (instruction under
 * the cursor, why a file, cache preview) per query. An `Explainer` keeps the detailed analysis
 * of one revision and the last answer of each kind, so moving the cursor does not recompute
 * the cache preview and toggling a file does not re-explain the instruction.
 *
 * The explain modules are total by contract; should one ever throw, its part of the answer is
 * null and the failure is reported with the answer, so the analysis itself still arrives.
 */
import type { AnalysisDetail } from '../../core/analyze.ts';
import { buildSchedule, explainInstruction, explainPath, imageSizeSummary, previewCache } from '../../core/explain/index.ts';
import { QUERY_PARTS, type BuildInsights, type InsightQuery, type QueryAnswers, type QueryPart } from './protocol.ts';

function attempt<T>(what: string, failures: string[], run: () => T): T | null {
  try {
    return run();
  } catch (error) {
    failures.push(`${what}: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}

export function buildInsightsOf(detail: AnalysisDetail): BuildInsights {
  const failures: string[] = [];
  const schedule = attempt('build order', failures, () => buildSchedule(detail));
  const sizes = attempt('size hint', failures, () => imageSizeSummary(detail, null));
  return { schedule, sizes, failures };
}

interface Memo<K, V> {
  key: K;
  value: V | null;
  failure: string | null;
}

/** Answers a query against one analysis, remembering the last answer of each kind. */
export class Explainer {
  readonly id: number;
  private readonly detail: AnalysisDetail;
  private readonly dockerignore: string | null;
  private explain: Memo<number | null, NonNullable<QueryAnswers['explain']>> | null = null;
  private why: Memo<string | null, NonNullable<QueryAnswers['why']>> | null = null;
  private cache: Memo<string, NonNullable<QueryAnswers['cache']>> | null = null;

  constructor(id: number, detail: AnalysisDetail, dockerignore: string | null) {
    this.id = id;
    this.detail = detail;
    this.dockerignore = dockerignore;
  }

  /** The answer to `query`, with the asked `parts` only (all by default). */
  answer(query: InsightQuery, parts: readonly QueryPart[] = QUERY_PARTS): QueryAnswers {
    const q: InsightQuery = { line: query.line, path: query.path, changed: [...query.changed] };
    const memo = <K, V>(key: K, what: string, run: () => V | null): Memo<K, V> => {
      const failures: string[] = [];
      const value = attempt(what, failures, run);
      return { key, value, failure: failures[0] ?? null };
    };
    if (parts.includes('explain') && (!this.explain || this.explain.key !== q.line)) {
      const line = q.line;
      this.explain = memo(line, 'explain', () => (line === null ? null : explainInstruction(this.detail, line)));
    }
    if (parts.includes('why') && (!this.why || this.why.key !== q.path)) {
      const path = q.path;
      this.why = memo(path, 'why', () => (path === null ? null : explainPath(this.detail, path, this.dockerignore)));
    }
    const key = JSON.stringify(q.changed);
    if (parts.includes('cache') && (!this.cache || this.cache.key !== key)) {
      this.cache = memo(key, 'cache preview', () => (q.changed.length === 0 ? null : previewCache(this.detail, q.changed)));
    }
    const out: QueryAnswers = { query: q, failures: [] };
    const give = <V>(memo: Memo<unknown, V> | null, set: (v: V | null) => void) => {
      set(memo?.value ?? null);
      if (memo?.failure) out.failures.push(memo.failure);
    };
    if (parts.includes('explain')) give(this.explain, (v) => (out.explain = v));
    if (parts.includes('why')) give(this.why, (v) => (out.why = v));
    if (parts.includes('cache')) give(this.cache, (v) => (out.cache = v));
    return out;
  }
}
