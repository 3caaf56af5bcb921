/**
 * Delete a stage (issue 6): its lines, with the comment block directly above its FROM and
 * the comments that trail it, and one of the blank lines around it. References by index to
 * later stages are renumbered; the references that would break are returned (and left as
 * they are) so that the user can see them first.
 */
import type { TextEdit } from '../types.ts';
import {
  type EditResult,
  deleteLines,
  editContext,
  isBlankLine,
  lineText,
  refuse,
  stageAt,
  stageHead,
  stageTail,
} from './textEdits.ts';
import { type StageReference, resolveBase, resolveName, rewriteReference, stageReferences } from './references.ts';

export interface BrokenReference {
  reference: StageReference;
  /**
   * what it resolves to once the stage is gone, in the new numbering: another stage (a
   * duplicate name, or the next index), or null (an image pull, or an invalid index)
   */
  resolvesTo: number | null;
}

export interface DeleteStageOptions {
  stage: number;
}

export function deleteStage(text: string, opts: DeleteStageOptions): EditResult<{ broken: BrokenReference[] }> {
  const ctx = editContext(text);
  const st = stageAt(ctx, opts.stage);
  if (!st) return refuse(`there is no stage ${opts.stage}`);
  const doc = ctx.doc;
  const d = opts.stage;

  let first = stageHead(ctx, d);
  let last = stageTail(ctx, d);
  const blankBefore = first === 1 || isBlankLine(lineText(doc, first - 1));
  const blankAfter = last + 1 <= doc.lineCount && isBlankLine(lineText(doc, last + 1));
  if (blankBefore && blankAfter) last++;
  else if (blankBefore && first > 1 && last >= doc.lineCount) first--;

  const edits: TextEdit[] = [deleteLines(doc, first, last)];
  const broken: BrokenReference[] = [];
  const remaining = ctx.stages.filter((_, k) => k !== d).map((s) => ({ name: s.name }));
  const newIndex = (k: number) => (k > d ? k - 1 : k);
  for (const r of stageReferences(ctx)) {
    if (r.stage === d) continue;
    if (r.target === d) {
      let resolvesTo: number | null;
      if (r.kind === 'base') resolvesTo = resolveBase(remaining, newIndex(r.stage), r.resolvedValue);
      else resolvesTo = resolveName(remaining, r.value, r.kind === 'copy');
      broken.push({ reference: r, resolvesTo });
    } else if (r.byIndex && r.target !== null && r.target > d) {
      const e = rewriteReference(r, String(r.target - 1));
      if (e) edits.push(e);
    }
  }
  return { ok: true, edits, broken };
}
