/** Pure helpers for the Cache tab: steps grouped by stage, and the numbers of the summary line. */
import type { CachePreview, CacheStep } from '../../core/explain/index.ts';

export interface StageSteps {
  stage: number;
  steps: CacheStep[];
  reruns: number;
}

/** Steps grouped by stage, stages in the order the preview lists them (needed stages, file order). */
export function groupByStage(preview: CachePreview): StageSteps[] {
  const groups: StageSteps[] = [];
  for (const step of preview.steps) {
    let g = groups.find((x) => x.stage === step.stage);
    if (!g) {
      g = { stage: step.stage, steps: [], reruns: 0 };
      groups.push(g);
    }
    g.steps.push(step);
    if (step.reruns) g.reruns++;
  }
  return groups;
}

export interface CacheCounts {
  buildSteps: number;
  reruns: number;
  stagesRerun: number;
}

export function cacheCounts(preview: CachePreview): CacheCounts {
  const build = preview.steps.filter((s) => s.executes);
  const reruns = build.filter((s) => s.reruns);
  return { buildSteps: build.length, reruns: reruns.length, stagesRerun: new Set(reruns.map((s) => s.stage)).size };
}

export function cacheSummaryText(c: CacheCounts): string {
  if (c.buildSteps === 0) return 'The stages the target needs have no build steps.';
  if (c.reruns === 0) return c.buildSteps === 1 ? 'The one build step stays cached.' : `All ${c.buildSteps} build steps stay cached.`;
  return `${c.reruns} of ${c.buildSteps} build steps re-run, in ${c.stagesRerun} ${c.stagesRerun === 1 ? 'stage' : 'stages'}; the others stay cached.`;
}

/** What a step's badge says. */
export function stepState(step: CacheStep): 'reruns' | 'cached' | 'config' {
  if (!step.executes) return 'config';
  return step.reruns ? 'reruns' : 'cached';
}

/**
 * Whether the list shows a step's reason: always for a re-run; for a cached step only when it
 * says more than "nothing it reads changed" (a `--link` copy that stays cached after a re-run).
 */
export function showsReason(step: CacheStep): boolean {
  if (!step.executes) return false;
  return step.reruns || /--link/.test(step.reason);
}

export type TextPart = string | { line: number; text: string };

/** Plain text with its "line N" references split out, so they can lead to the editor. */
export function splitLineRefs(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const m of text.matchAll(/\bline (\d+)\b/g)) {
    const at = m.index ?? 0;
    if (at > last) parts.push(text.slice(last, at));
    parts.push({ line: Number(m[1]), text: m[0] });
    last = at + m[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}
