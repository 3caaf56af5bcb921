/**
 * Delete an edge (issue 6): a copy edge removes its `COPY --from` instruction (heredoc body
 * included), a mount edge removes the `--mount` flag(s) of that RUN that use the stage, a
 * base edge needs the new base and is a `changeBase`.
 */
import type { TextEdit } from '../types.ts';
import {
  type EditContext,
  type EditResult,
  type Token,
  deleteLines,
  editContext,
  isBlankLine,
  lineText,
  refuse,
  replaceSpan,
} from './textEdits.ts';
import { stageReferences } from './references.ts';
import { changeBase } from './changeBase.ts';

export type DeleteEdgeOptions =
  | { kind: 'copy'; /** first line of the COPY/ADD */ line: number }
  | { kind: 'mount'; /** first line of the RUN */ line: number; /** the mounted stage index or the from= value */ from: number | string }
  | { kind: 'base'; stage: number; /** what the FROM should build on instead */ newBase: string };

export function deleteEdge(text: string, opts: DeleteEdgeOptions): EditResult {
  if (opts.kind === 'base') return changeBase(text, { stage: opts.stage, base: opts.newBase });
  const ctx = editContext(text);
  const cmd = ctx.stages.flatMap((s) => s.commands).find((c) => c.line === opts.line);
  if (opts.kind === 'copy') {
    if (!cmd || (cmd.kind !== 'copy' && cmd.kind !== 'add') || cmd.from === null) {
      return refuse(`there is no COPY --from at line ${opts.line}`);
    }
    return { ok: true, edits: [deleteLines(ctx.doc, cmd.line, cmd.endLine)] };
  }
  if (!cmd || cmd.kind !== 'run') return refuse(`there is no RUN at line ${opts.line}`);
  const from = opts.from;
  const refs = stageReferences(ctx).filter(
    (r) =>
      r.kind === 'mount' &&
      r.line === opts.line &&
      (typeof from === 'number' ? r.target === from : r.value.toLowerCase() === from.toLowerCase()),
  );
  if (refs.length === 0) return refuse(`the RUN at line ${opts.line} mounts no ${typeof from === 'number' ? `stage ${from}` : from}`);
  const edits: TextEdit[] = [];
  for (const r of refs) if (r.token) edits.push(removeFlagEdit(ctx, r.token));
  return { ok: true, edits };
}

/**
 * Remove one flag word: the whole line when the flag is alone on a continuation line, else
 * the word and the blanks after it (up to the continuation character, which stays).
 */
export function removeFlagEdit(ctx: EditContext, tok: Token): TextEdit {
  const doc = ctx.doc;
  const line = lineText(doc, tok.start.line);
  if (tok.start.line === tok.end.line) {
    const before = line.slice(0, tok.start.column - 1);
    const after = line.slice(tok.end.column - 1);
    const escRe = ctx.escape === '`' ? /^[ \t]*`[ \t]*$/ : /^[ \t]*\\[ \t]*$/;
    if (isBlankLine(before) && escRe.test(after)) return deleteLines(doc, tok.start.line, tok.start.line);
    let n = 0;
    while (n < after.length && (after[n] === ' ' || after[n] === '\t')) n++;
    if (n === after.length) {
      // last word of the line: take the blanks before it instead
      let m = before.length;
      while (m > 0 && (before[m - 1] === ' ' || before[m - 1] === '\t')) m--;
      return replaceSpan({ line: tok.start.line, column: m + 1, endLine: tok.end.line, endColumn: line.length + 1 }, '');
    }
    return replaceSpan({ line: tok.start.line, column: tok.start.column, endLine: tok.end.line, endColumn: tok.end.column + n }, '');
  }
  return replaceSpan({ line: tok.start.line, column: tok.start.column, endLine: tok.end.line, endColumn: tok.end.column }, '');
}
