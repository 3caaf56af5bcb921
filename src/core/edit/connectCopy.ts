/**
 * Connect A -> B as "copy artifacts" (issue 6): `COPY --from=a <src> <dest>` in stage B, after
 * its last COPY/ADD, else before its first CMD/ENTRYPOINT (and the comments above it), else at
 * the end of the stage, indented like its neighbours.
 */
import {
  type EditResult,
  commentBlockStart,
  editContext,
  indentOf,
  insertLines,
  kw,
  lineText,
  refuse,
  stageAt,
} from './textEdits.ts';
import { resolveName } from './references.ts';

export interface ConnectCopyOptions {
  /** the source: a stage index, or an image reference (`nginx:1.27-alpine`) */
  from: number | string;
  /** the stage that receives the COPY */
  to: number;
  src: string;
  dest: string;
}

/** Shell-form words when they are plain, else JSON form (paths with white space). */
export function copyArgs(src: string, dest: string): string {
  if (/[\s"']/.test(src) || /[\s"']/.test(dest)) return `[${JSON.stringify(src)}, ${JSON.stringify(dest)}]`;
  return `${src} ${dest}`;
}

export function connectCopy(text: string, opts: ConnectCopyOptions): EditResult<{ line: number }> {
  const ctx = editContext(text);
  const b = stageAt(ctx, opts.to);
  if (!b) return refuse(`there is no stage ${opts.to}`);
  if (opts.src.trim() === '' || opts.dest.trim() === '') return refuse('COPY needs a source and a destination');

  let ref: string;
  if (typeof opts.from === 'number') {
    const a = stageAt(ctx, opts.from);
    if (!a) return refuse(`there is no stage ${opts.from}`);
    if (opts.from === opts.to) return refuse('a stage cannot copy from itself');
    if (opts.from > opts.to) {
      return refuse(
        `COPY --from can only use a stage defined before the current one (stage ${opts.from} comes after stage ${opts.to}); move it earlier first`,
      );
    }
    // by name when the name resolves to this stage (the last stage of a name wins), else by index
    ref = a.name && resolveName(ctx.stages, a.name, true) === opts.from ? a.name : String(opts.from);
  } else {
    ref = opts.from.trim();
    if (ref === '' || /\s/.test(ref)) return refuse('the image reference must be one word');
  }

  const doc = ctx.doc;
  const copies = b.commands.filter((c) => c.kind === 'copy' || c.kind === 'add');
  const lastCopy = copies[copies.length - 1];
  const firstCmd = b.commands.find((c) => c.kind === 'cmd' || c.kind === 'entrypoint');
  let before: number;
  let indent: string;
  if (lastCopy) {
    before = lastCopy.endLine + 1;
    indent = indentOf(lineText(doc, lastCopy.line));
  } else if (firstCmd) {
    const prevEnd = b.commands.filter((c) => c.line < firstCmd.line).reduce((m, c) => Math.max(m, c.endLine), b.line);
    before = commentBlockStart(doc, firstCmd.line, prevEnd, ctx.directiveLines);
    indent = indentOf(lineText(doc, firstCmd.line));
  } else {
    before = b.endLine + 1;
    const last = b.commands[b.commands.length - 1];
    indent = last ? indentOf(lineText(doc, last.line)) : '';
  }
  const line = `${indent}${kw('COPY', ctx.casing)} --from=${ref} ${copyArgs(opts.src, opts.dest)}`;
  return { ok: true, edits: [insertLines(doc, before, [line])], line: Math.min(before, doc.lineCount + 1) };
}
