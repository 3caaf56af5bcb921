/**
 * Rename a stage (issue 6): its `AS` name, and every reference that resolves to it: FROM
 * (exact case, later stages only), `COPY/ADD --from=` and mount `from=` (case-insensitive,
 * last stage of a name wins). References by index stay as they are. Refused when the new
 * name is invalid, taken, reserved, or would capture a reference that now means something
 * else (an image `FROM new`, a `--from=new`).
 */
import type { TextEdit } from '../types.ts';
import {
  type EditResult,
  RESERVED_STAGE_NAMES,
  STAGE_NAME_RE,
  editContext,
  instructionWords,
  nameStageEdit,
  refuse,
  replaceSpan,
  stageAt,
  tokenSpan,
} from './textEdits.ts';
import { type StageReference, resolveBase, resolveName, rewriteReference, stageReferences } from './references.ts';

export interface RenameStageOptions {
  stage: number;
  name: string;
}

export function renameStage(
  text: string,
  opts: RenameStageOptions,
): EditResult<{ name: string; previous: string | null; skipped: StageReference[] }> {
  const ctx = editContext(text);
  const st = stageAt(ctx, opts.stage);
  if (!st) return refuse(`there is no stage ${opts.stage}`);
  const name = opts.name.trim().toLowerCase();
  if (!STAGE_NAME_RE.test(name)) {
    return refuse(`invalid name for build stage: "${opts.name.trim()}", name can't start with a number or contain symbols`);
  }
  if (RESERVED_STAGE_NAMES.has(name)) return refuse(`"${name}" is reserved and cannot be used as a stage name`);
  if (name === st.name) return { ok: true, edits: [], name, previous: st.name, skipped: [] };
  const other = ctx.stages.findIndex((s, k) => k !== opts.stage && s.name === name);
  if (other >= 0) return refuse(`stage ${other} is already named "${name}"`);

  const refs = stageReferences(ctx);
  // what the names look like afterwards
  const after = ctx.stages.map((s, k) => ({ name: k === opts.stage ? name : s.name }));
  const rewrite = (r: StageReference) => r.target === opts.stage && !r.byIndex && st.name !== null;
  for (const r of refs) {
    if (rewrite(r)) continue;
    const now =
      r.kind === 'base'
        ? resolveBase(after, r.stage, r.resolvedValue)
        : r.value.includes('$')
          ? null
          : resolveName(after, r.value, r.kind === 'copy');
    if (now !== r.target) {
      const what = r.kind === 'base' ? `FROM ${r.value}` : r.kind === 'copy' ? `--from=${r.value}` : `from=${r.value}`;
      return refuse(`${what} at line ${r.line} would then refer to this stage instead of ${r.target === null ? 'an image' : `stage ${r.target}`}`);
    }
  }

  const edits: TextEdit[] = [];
  const skipped: StageReference[] = [];
  // the AS name
  const w = instructionWords(ctx.doc, st.line, ctx.escape);
  if (st.nameAsWritten !== null && w.args.length >= 3) {
    edits.push(replaceSpan(tokenSpan(w.args[2]), name));
  } else {
    const e = nameStageEdit(ctx, opts.stage, name);
    if (!e) return refuse(`the FROM at line ${st.line} cannot be given a name`);
    edits.push(e);
  }
  for (const r of refs) {
    if (!rewrite(r)) continue;
    // a FROM that names the stage through an ARG cannot be rewritten
    const e = r.kind === 'base' && r.value !== st.name ? null : rewriteReference(r, name);
    if (e) edits.push(e);
    else skipped.push(r);
  }
  return { ok: true, edits, name, previous: st.name, skipped };
}
