/**
 * Connect A -> B as "build on" (issue 6): B's FROM base becomes A. FROM links only to an
 * earlier stage, by exact (lower-case) name, so A must come first, have a name (one is added
 * when it has none), and no stage of the same name may sit between A and B.
 */
import type { TextEdit } from '../types.ts';
import {
  type EditResult,
  editContext,
  nameStageEdit,
  refuse,
  replaceSpan,
  stageAt,
  uniqueStageName,
} from './textEdits.ts';
import { resolveBase, stageReferences, namesInUse } from './references.ts';
import { changeBase } from './changeBase.ts';

export interface ConnectBaseOptions {
  /** the stage to build on, or an image reference */
  from: number | string;
  to: number;
}

export function connectBase(text: string, opts: ConnectBaseOptions): EditResult<{ name: string }> {
  if (typeof opts.from === 'string') {
    const r = changeBase(text, { stage: opts.to, base: opts.from });
    return r.ok ? { ...r, name: opts.from.trim() } : r;
  }
  const ctx = editContext(text);
  const a = stageAt(ctx, opts.from);
  const b = stageAt(ctx, opts.to);
  if (!a) return refuse(`there is no stage ${opts.from}`);
  if (!b) return refuse(`there is no stage ${opts.to}`);
  if (opts.from >= opts.to) {
    return refuse(
      opts.from === opts.to
        ? 'a stage cannot build on itself'
        : `FROM only builds on an earlier stage (stage ${opts.from} comes after stage ${opts.to}); move it earlier first`,
    );
  }
  const edits: TextEdit[] = [];
  let name = a.name;
  if (!name) {
    name = uniqueStageName(a.baseName, namesInUse(ctx, opts.from));
    const e = nameStageEdit(ctx, opts.from, name);
    if (!e) return refuse(`stage ${opts.from} has no base to name`);
    edits.push(e);
  } else if (resolveBase(ctx.stages, opts.to, name) !== opts.from) {
    return refuse(`another stage named "${name}" sits between stage ${opts.from} and stage ${opts.to}`);
  }
  const ref = stageReferences(ctx).find((r) => r.kind === 'base' && r.stage === opts.to);
  if (!ref || !ref.span) return refuse(`the FROM at line ${b.line} has no base word that can be edited in place`);
  if (b.baseName !== name) edits.push(replaceSpan(ref.span, name));
  return { ok: true, edits, name };
}
