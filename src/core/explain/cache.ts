/**
 * Cache preview: mark context files as changed and see which instructions lose their cache.
 * BuildKit's rules, as the solver applies them: a step's cache key covers its parent step and
 * the content it reads, so a step re-runs when a file it reads changed (COPY/ADD sources, bind
 * mounts from the context), when a stage it copies or mounts from re-ran, or when any step
 * before it in the stage (or in the stage it builds on) re-ran. Cache and secret mounts are not
 * part of the key, so they never bust it.
 */
import type { AnalysisDetail } from '../analyze.ts';

export interface CacheStep {
  stage: number;
  line: number;
  endLine: number;
  instruction: string;
  reruns: boolean;
  /** why it re-runs (or why it stays cached), plain text */
  reason: string;
}

export interface CachePreview {
  steps: CacheStep[];
  /** needed stages with at least one re-run step */
  rebuiltStages: number[];
}

export function previewCache(detail: AnalysisDetail, changed: Iterable<string>): CachePreview {
  const changedSet = new Set(changed);
  const a = detail.analysis;
  const out: CacheStep[] = [];
  const rebuilt = new Set<number>();
  const stepsAt = new Map<string, string[]>();
  for (const s of detail.flow?.steps ?? []) {
    if (s.from !== 'context') continue;
    const key = `${s.stage}:${s.line}`;
    stepsAt.set(key, [...(stepsAt.get(key) ?? []), ...s.contextReads]);
  }
  const stageName = (i: number) => a.stages[i]?.name ?? `stage ${i}`;
  const graph = detail.graph;

  for (const idx of a.needed) {
    const ds = detail.dispatch?.stages[idx];
    if (!ds) continue;
    let chain: string | null = null; // why everything from here on re-runs
    if (ds.baseStage !== null && rebuilt.has(ds.baseStage)) chain = `it builds on stage "${stageName(ds.baseStage)}", which re-ran`;
    for (const dc of ds.commands) {
      const cmd = dc.cmd;
      const text = cmd.node.original.split('\n')[0];
      let reason: string | null = chain;
      if (!reason) {
        const reads = stepsAt.get(`${idx}:${cmd.line}`) ?? [];
        const hit = reads.filter((r) => changedSet.has(r));
        if (hit.length > 0 && (cmd.kind === 'copy' || cmd.kind === 'add' || cmd.kind === 'run')) {
          reason = `it reads ${hit.slice(0, 3).join(', ')}${hit.length > 3 ? ` and ${hit.length - 3} more` : ''}, which changed`;
        }
      }
      if (!reason && graph) {
        for (const dep of graph.states[idx]?.deps ?? []) {
          if (dep.cmd !== cmd) continue;
          const node = graph.states[dep.state];
          if (node.kind === 'stage' && rebuilt.has(node.stageIndex)) {
            reason = `it ${dep.kind === 'copy' ? 'copies from' : 'mounts'} stage "${stageName(node.stageIndex)}", which re-ran`;
          }
        }
      }
      const reruns = reason !== null;
      if (reruns && !chain) chain = `a step before it (line ${cmd.line}) re-ran`;
      if (reruns) rebuilt.add(idx);
      out.push({
        stage: idx,
        line: cmd.line,
        endLine: cmd.endLine,
        instruction: text,
        reruns,
        reason: reason ?? 'cached: nothing it depends on changed',
      });
    }
  }
  return { steps: out, rebuiltStages: [...rebuilt].sort((x, y) => x - y) };
}
