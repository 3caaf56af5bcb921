/**
 * Move a stage one place earlier or later (issue 6): its block (the comment block above its
 * FROM, its instructions, its trailing comments) swaps with the neighbour's, the lines between
 * the two blocks stay where they are, and `--from=<index>` references are renumbered. Refused,
 * with the reason, when a reference would then resolve differently: a `--from`/mount pointing
 * at a stage defined later, a FROM that would no longer (or newly) build on a stage.
 */
import type { TextEdit } from '../types.ts';
import {
  type EditResult,
  applyEdits,
  editContext,
  lineText,
  refuse,
  replaceLines,
  stageAt,
  stageHead,
  stageTail,
} from './textEdits.ts';
import { type StageReference, resolveBase, resolveName, rewriteReference, stageReferences } from './references.ts';

export interface MoveStageOptions {
  stage: number;
  direction: 'earlier' | 'later';
}

function describe(r: StageReference): string {
  if (r.kind === 'base') return `FROM ${r.value} (line ${r.line})`;
  if (r.kind === 'copy') return `--from=${r.value} (line ${r.line})`;
  return `the mount from=${r.value} (line ${r.line})`;
}

export function moveStage(text: string, opts: MoveStageOptions): EditResult<{ index: number }> {
  const ctx = editContext(text);
  const st = stageAt(ctx, opts.stage);
  if (!st) return refuse(`there is no stage ${opts.stage}`);
  const other = opts.direction === 'earlier' ? opts.stage - 1 : opts.stage + 1;
  if (other < 0) return refuse('this is already the first stage');
  if (other >= ctx.stages.length) return refuse('this is already the last stage');
  const a = Math.min(opts.stage, other);
  const b = a + 1;
  const pos = (k: number) => (k === a ? b : k === b ? a : k); // old index -> new index
  const moved = ctx.stages.map((s) => ({ name: s.name }));
  [moved[a], moved[b]] = [moved[b], moved[a]];
  const oldOf = (n: number | null) => (n === null ? null : pos(n)); // pos is its own inverse

  const refs = stageReferences(ctx);
  const renumber: StageReference[] = [];
  for (const r of refs) {
    const here = pos(r.stage);
    let now: number | null;
    if (r.kind === 'base') now = oldOf(resolveBase(moved, here, r.resolvedValue));
    else if (r.byIndex) {
      now = r.target; // renumbered below
      if (r.target !== null && pos(r.target) !== r.target) renumber.push(r);
    } else now = r.value.includes('$') ? null : oldOf(resolveName(moved, r.value, r.kind === 'copy'));
    if (now !== r.target) {
      if (r.kind === 'base') {
        return refuse(
          r.target === null
            ? `${describe(r)} would then build on stage ${now} instead of the image "${r.resolvedValue}"`
            : `${describe(r)} would no longer build on stage ${r.target}: FROM only links to an earlier stage`,
        );
      }
      return refuse(`${describe(r)} would then refer to ${now === null ? 'an image' : `stage ${now}`} instead of stage ${r.target}`);
    }
    if (r.kind !== 'base' && r.target !== null && r.target < r.stage && pos(r.target) > here) {
      return refuse(`${describe(r)} would point at a stage defined later, which BuildKit rejects`);
    }
  }

  const doc = ctx.doc;
  const aFirst = stageHead(ctx, a);
  const aLast = stageTail(ctx, a);
  const bFirst = stageHead(ctx, b);
  const bLast = stageTail(ctx, b);

  // renumber --from=<index>: inside the swapped region on its text, elsewhere directly
  const inside: TextEdit[] = [];
  const outside: TextEdit[] = [];
  for (const r of renumber) {
    const e = rewriteReference(r, String(pos(r.target as number)));
    if (!e) return refuse(`${describe(r)} cannot be renumbered`);
    if (e.line >= aFirst && e.endLine <= bLast) inside.push({ ...e, line: e.line - aFirst + 1, endLine: e.endLine - aFirst + 1 });
    else outside.push(e);
  }
  const region: string[] = [];
  for (let l = aFirst; l <= bLast; l++) region.push(lineText(doc, l));
  const newRegion = applyEdits(region.join('\n'), inside).split('\n');
  const rel = (l: number) => l - aFirst;
  const blockA = newRegion.slice(rel(aFirst), rel(aLast) + 1);
  const gap = newRegion.slice(rel(aLast) + 1, rel(bFirst));
  const blockB = newRegion.slice(rel(bFirst), rel(bLast) + 1);
  const edits: TextEdit[] = [replaceLines(doc, aFirst, bLast, [...blockB, ...gap, ...blockA]), ...outside];
  return { ok: true, edits, index: other };
}
