/**
 * Change a stage's base (issue 6): the base word of its FROM becomes another image or stage
 * name; `--platform` and `AS` are kept.
 */
import { type EditResult, editContext, refuse, replaceSpan, stageAt } from './textEdits.ts';
import { stageReferences } from './references.ts';

export interface ChangeBaseOptions {
  stage: number;
  /** the new base: an image reference or the name of an earlier stage */
  base: string;
}

export function changeBase(text: string, opts: ChangeBaseOptions): EditResult {
  const ctx = editContext(text);
  const st = stageAt(ctx, opts.stage);
  if (!st) return refuse(`there is no stage ${opts.stage}`);
  const base = opts.base.trim();
  if (base === '' || /\s/.test(base)) return refuse('the base must be one word');
  const ref = stageReferences(ctx).find((r) => r.kind === 'base' && r.stage === opts.stage);
  if (!ref || !ref.span) return refuse(`the FROM at line ${st.line} has no base word that can be edited in place`);
  if (base === st.baseName) return { ok: true, edits: [] };
  return { ok: true, edits: [replaceSpan(ref.span, base)] };
}
