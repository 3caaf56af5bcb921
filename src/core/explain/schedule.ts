/**
 * Build order: BuildKit solves the needed graph concurrently, so stages whose dependencies are
 * done run in parallel. Levels of the needed graph are that schedule; the critical path is the
 * longest chain, weighed by the steps that do work (RUN, COPY, ADD, WORKDIR: `cmdTotal` in
 * convert.go `buildDispatchStates`).
 */
import type { AnalysisDetail } from '../analyze.ts';

export interface Schedule {
  /** levels[k] = stage indexes that can run once levels 0..k-1 are done */
  levels: number[][];
  /** stage indexes along the longest chain, first to last (ends at the target) */
  criticalPath: number[];
  /** stages the target does not need, each with why */
  skipped: { stage: number; reason: string }[];
  /** per stage: steps that do work */
  weight: Record<number, number>;
}

export function buildSchedule(detail: AnalysisDetail): Schedule {
  const a = detail.analysis;
  const needed = new Set(a.needed);
  const deps = new Map<number, Set<number>>();
  for (const s of a.needed) deps.set(s, new Set());
  for (const e of a.edges) {
    if (!needed.has(e.to) || !e.from.startsWith('stage:')) continue;
    const from = Number(e.from.slice(6));
    if (from !== e.to && needed.has(from)) deps.get(e.to)!.add(from);
  }
  const weight: Record<number, number> = {};
  for (const s of a.needed) {
    const cmds = detail.dispatch?.stages[s]?.commands ?? [];
    weight[s] = cmds.filter((c) => ['run', 'copy', 'add', 'workdir'].includes(c.cmd.kind)).length + (a.stages[s]?.baseStage === null ? 1 : 0);
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
    let best = 0;
    let bestPrev: number | null = null;
    for (const d of deps.get(s) ?? []) {
      lv = Math.max(lv, visit(d) + 1);
      const c = cost.get(d) ?? 0;
      if (c > best || bestPrev === null) {
        best = c;
        bestPrev = d;
      }
    }
    visiting.delete(s);
    level.set(s, lv);
    cost.set(s, best + (weight[s] ?? 0));
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
  const targetName = a.target !== null ? (a.stages[a.target]?.name ?? `stage ${a.target}`) : null;
  const skipped = a.stages
    .filter((s) => !needed.has(s.index))
    .map((s) => ({
      stage: s.index,
      reason: targetName
        ? `nothing in "${targetName}" builds on it, copies from it or mounts it`
        : 'no target could be resolved',
    }));
  return { levels: levels.filter(Boolean), criticalPath, skipped, weight };
}
