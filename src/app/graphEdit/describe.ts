/**
 * Words for graph editing: how a stage is called in messages, what a deleted stage breaks,
 * which lines an edit writes (the preview), the accessible names of nodes and edges. Pure.
 */
import type { Analysis, EdgeKind, StageInfo } from '../../core/types.ts';

/** A stage in a sentence: `build` or `#2` (unnamed). */
export function stageCalled(stage: Pick<StageInfo, 'index' | 'name' | 'nameAsWritten'> | undefined): string {
  if (!stage) return 'a stage';
  return stage.nameAsWritten ?? stage.name ?? `#${stage.index}`;
}

/** A graph node id in a sentence: `build`, `#2`, or `image nginx:1.27`. */
export function nodeCalled(analysis: Analysis | null, id: string): string {
  if (id.startsWith('image:')) return `image ${id.slice('image:'.length)}`;
  const index = Number(id.slice('stage:'.length));
  return stageCalled(analysis?.stages[index] ?? { index, name: null, nameAsWritten: null });
}

/** What a deleted stage's reference would mean afterwards (core deleteStage's `broken`). */
export interface BrokenLike {
  reference: { kind: EdgeKind; stage: number; line: number; value: string; byIndex: boolean };
  /** in the numbering after the deletion */
  resolvesTo: number | null;
}

export function describeBroken(b: BrokenLike, stages: readonly StageInfo[], deleted: number): string {
  const r = b.reference;
  const after = (k: number) => stages[k >= deleted ? k + 1 : k];
  const holder = stageCalled(stages[r.stage]);
  const now =
    b.resolvesTo !== null
      ? `stage ${stageCalled(after(b.resolvesTo))}`
      : r.byIndex
        ? 'a stage that does not exist'
        : `an image named “${r.value}”`;
  if (r.kind === 'base') return `line ${r.line}: FROM ${r.value} (stage ${holder}) would build on ${now}`;
  if (r.kind === 'copy') return `line ${r.line}: COPY --from=${r.value} (stage ${holder}) would copy from ${now}`;
  return `line ${r.line}: RUN --mount from=${r.value} (stage ${holder}) would mount ${now}`;
}

/** The lines of `after` that differ from `before` (common head and tail taken off). */
export function changedLines(before: string, after: string): { first: number; lines: string[]; removed: number } {
  const a = before.split(/\r?\n/);
  const b = after.split(/\r?\n/);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  return { first: head + 1, lines: b.slice(head, b.length - tail), removed: a.length - head - tail };
}

/** The accessible name of a stage node; `needed` is the analysis's `needed` as a set (one lookup per stage). */
export function stageNodeLabel(analysis: Analysis, index: number, needed: ReadonlySet<number>): string {
  const s = analysis.stages[index];
  if (!s) return `Stage #${index}`;
  const state = analysis.target === index ? 'the target' : needed.has(index) ? 'built' : 'skipped';
  return `Stage ${stageCalled(s)}, FROM ${s.base}, lines ${s.line} to ${s.endLine}, ${state}`;
}

/** The accessible name of an edge. */
export function edgeLabel(analysis: Analysis | null, kind: EdgeKind, from: string, to: number, line: number, detail: string): string {
  const target = stageCalled(analysis?.stages[to] ?? { index: to, name: null, nameAsWritten: null });
  const what = kind === 'base' ? 'builds on' : kind === 'copy' ? 'copies from' : 'mounts';
  return `${target} ${what} ${nodeCalled(analysis, from)}, line ${line}: ${detail}`;
}
