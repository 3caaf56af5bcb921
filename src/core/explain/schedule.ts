/**
 * Build order: BuildKit solves the needed graph concurrently, so stages whose dependencies are
 * done run in parallel. Levels of the needed graph are that schedule; the critical path is the
 * longest chain, weighed by the steps that do work (RUN, COPY, ADD, WORKDIR: `cmdTotal` in
 * convert.go `buildDispatchStates`, plus one for pulling an image base).
 *
 * Levels are a stage-level picture. BuildKit schedules single steps: a stage's steps before its
 * first `COPY --from`/`RUN --mount from=` do not wait for that source stage. `waits` says where
 * each stage actually waits.
 */
import type { AnalysisDetail } from '../analyze.ts';

export interface StageWait {
  /** the stage that waits */
  stage: number;
  /** the stage it waits for */
  on: number;
  kind: 'base' | 'copy' | 'mount';
  /** the instruction that waits (the FROM line for 'base') */
  line: number;
}

export interface Schedule {
  /** levels[k] = stage indexes that can run once levels 0..k-1 are done */
  levels: number[][];
  /** stage indexes along the longest chain, first to last (ends at the target) */
  criticalPath: number[];
  /** the critical path's weight: the sum of its stages' weights */
  criticalWeight: number;
  /** stages the target does not need, each with why */
  skipped: { stage: number; reason: string }[];
  /** per needed stage: steps that do work (+1 for pulling an image base) */
  weight: Record<number, number>;
  /** every dependency between needed stages, with the instruction that waits for it */
  waits: StageWait[];
}

function label(detail: AnalysisDetail, i: number): string {
  const n = detail.analysis.stages[i]?.name;
  return n ? `"${n}"` : `${i}`;
}

export function buildSchedule(detail: AnalysisDetail): Schedule {
  const a = detail.analysis;
  const needed = new Set(a.needed);
  const deps = new Map<number, number[]>();
  const waits: StageWait[] = [];
  for (const s of a.needed) deps.set(s, []);
  for (const e of a.edges) {
    if (!needed.has(e.to) || !e.from.startsWith('stage:')) continue;
    const from = Number(e.from.slice(6));
    if (from === e.to || !needed.has(from)) continue;
    const list = deps.get(e.to)!;
    if (!list.includes(from)) list.push(from);
    waits.push({ stage: e.to, on: from, kind: e.kind, line: e.line });
  }
  waits.sort((x, y) => x.stage - y.stage || x.line - y.line || x.on - y.on);
  const weight: Record<number, number> = {};
  for (const s of a.needed) {
    const cmds = detail.dispatch?.stages[s]?.commands ?? [];
    const st = a.stages[s];
    const pulls = st && st.baseStage === null && st.base !== 'scratch' ? 1 : 0;
    weight[s] = cmds.filter((c) => ['run', 'copy', 'add', 'workdir'].includes(c.cmd.kind)).length + pulls;
  }
  const level = new Map<number, number>();
  const cost = new Map<number, number>();
  const prev = new Map<number, number | null>();
  const visiting = new Set<number>();
  const visit = (s: number): number => {
    if (level.has(s)) return level.get(s)!;
    if (visiting.has(s)) return 0; // a cycle: already an error diagnostic
    visiting.add(s);
    let lv = 0;
    let best = -1;
    let bestPrev: number | null = null;
    for (const d of [...(deps.get(s) ?? [])].sort((x, y) => x - y)) {
      lv = Math.max(lv, visit(d) + 1);
      const c = cost.get(d) ?? 0;
      if (c > best) {
        best = c;
        bestPrev = d;
      }
    }
    visiting.delete(s);
    level.set(s, lv);
    cost.set(s, Math.max(best, 0) + (weight[s] ?? 0));
    prev.set(s, bestPrev);
    return lv;
  };
  for (const s of a.needed) visit(s);
  const levels: number[][] = [];
  for (const s of a.needed) {
    const lv = level.get(s)!;
    (levels[lv] ??= []).push(s);
  }
  const criticalPath: number[] = [];
  for (let s: number | null | undefined = a.target; s !== null && s !== undefined && !criticalPath.includes(s); s = prev.get(s)) {
    criticalPath.unshift(s);
  }
  const criticalWeight = criticalPath.reduce((sum, s) => sum + (weight[s] ?? 0), 0);

  // Why a stage is skipped: the target has no path to it. Name who does use it, if anyone.
  const targetName = a.target !== null ? label(detail, a.target) : null;
  const users = new Map<number, Set<number>>();
  for (const e of a.edges) {
    if (!e.from.startsWith('stage:')) continue;
    const from = Number(e.from.slice(6));
    if (from === e.to) continue;
    if (!users.has(from)) users.set(from, new Set());
    users.get(from)!.add(e.to);
  }
  const skipped = a.stages
    .filter((s) => !needed.has(s.index))
    .map((s) => {
      if (!targetName) return { stage: s.index, reason: 'no target could be resolved, so no stage is built' };
      const by = [...(users.get(s.index) ?? [])].sort((x, y) => x - y);
      const base = `the target ${targetName} neither builds on it, copies from it nor mounts it, directly or through another stage it needs`;
      return {
        stage: s.index,
        reason: by.length > 0 ? `${base}; only skipped stages use it (${by.map((i) => `stage ${label(detail, i)}`).join(', ')})` : base,
      };
    });
  return { levels: levels.filter(Boolean), criticalPath, criticalWeight, skipped, weight, waits };
}
