/**
 * Add a stage (issue 6): `FROM <base> AS <name>` with a unique lower-case name, after a given
 * stage or at the end, in the file's instruction casing, separated by blank lines.
 * `--from=<index>` references to the stages after it are renumbered.
 */
import type { TextEdit } from '../types.ts';
import {
  type EditResult,
  asKeyword,
  editContext,
  insertLines,
  isBlankLine,
  kw,
  lineText,
  nameStageEdit,
  refuse,
  stageAt,
  stageTail,
  uniqueStageName,
} from './textEdits.ts';
import { rewriteReference, stageReferences, namesInUse } from './references.ts';

export interface AddStageOptions {
  /** the image to build on (`golang:1.23`); ignored when `baseStage` is given */
  base?: string;
  /** build on an existing stage instead (it is given a name if it has none) */
  baseStage?: number;
  /** the wished name; by default derived from the base (`golang:1.23` -> `golang`) */
  name?: string;
  /** insert after this stage (default: after the last one) */
  after?: number;
}

/** Insert a new stage. Returns its name and index once inserted. */
export function addStage(text: string, opts: AddStageOptions): EditResult<{ name: string; index: number }> {
  const ctx = editContext(text);
  const taken = namesInUse(ctx, opts.baseStage);
  const edits: TextEdit[] = [];

  let base: string;
  let after = opts.after ?? ctx.stages.length - 1;
  if (opts.after !== undefined && (opts.after < -1 || opts.after >= ctx.stages.length || !Number.isInteger(opts.after))) {
    return refuse(`there is no stage ${opts.after}`);
  }
  if (opts.baseStage !== undefined) {
    const bs = stageAt(ctx, opts.baseStage);
    if (!bs) return refuse(`there is no stage ${opts.baseStage}`);
    if (bs.name) {
      // FROM links to the latest earlier stage of that name: it must be this one
      const later = ctx.stages.findIndex((s, k) => k > opts.baseStage! && s.name === bs.name);
      if (later >= 0 && later <= after) {
        return refuse(`stage ${later} is also named "${bs.name}": a FROM after it would build on that one`);
      }
      base = bs.name;
    } else {
      base = uniqueStageName(bs.baseName, taken);
      taken.add(base);
      const e = nameStageEdit(ctx, opts.baseStage, base);
      if (!e) return refuse(`stage ${opts.baseStage} has no base to name`);
      edits.push(e);
    }
    // FROM only builds on an earlier stage
    if (after < opts.baseStage) after = opts.baseStage;
  } else {
    base = (opts.base ?? '').trim();
    if (base === '' || /\s/.test(base)) return refuse('the base image must be one word');
  }

  const name = uniqueStageName(opts.name ?? base, taken);
  const from = `${kw('FROM', ctx.casing)} ${base} ${asKeyword(kw('FROM', ctx.casing))} ${name}`;

  const doc = ctx.doc;
  const insertBefore = after >= 0 ? stageTail(ctx, after) + 1 : doc.lineCount + 1;
  const lines: string[] = [];
  const prev = insertBefore - 1;
  if (prev >= 1 && !isBlankLine(lineText(doc, prev))) lines.push('');
  lines.push(from);
  if (insertBefore <= doc.lineCount && !isBlankLine(lineText(doc, insertBefore))) lines.push('');
  edits.push(insertLines(doc, insertBefore, lines));
  // `--from=<index>` of the stages after it move one up
  const index = after + 1;
  for (const r of stageReferences(ctx)) {
    if (r.byIndex && r.target !== null && r.target >= index) {
      const e = rewriteReference(r, String(r.target + 1));
      if (e) edits.push(e);
    }
  }
  return { ok: true, edits, name, index };
}
