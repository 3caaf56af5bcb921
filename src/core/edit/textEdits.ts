/**
 * Text helpers shared by the graph-editing actions (issue 6): a line model of the Dockerfile
 * text, `TextEdit` builders and `applyEdits`, the positions of the words of an instruction
 * (continuations, comment lines inside them and quotes taken into account), and the file's
 * conventions (instruction casing, indentation, EOL).
 *
 * Positions are 1-based lines and columns in UTF-16 code units, end column exclusive: Monaco's.
 * A byte-order mark is not part of line 1, as in Monaco and in BuildKit's parser. Lines are
 * split on `\n` with a trailing `\r` dropped, as BuildKit does, so line numbers are the
 * parser's.
 *
 * Pure: no DOM, no Node.
 */
import type { TextEdit } from '../types.ts';
import type { InstructionsResult, Node, Stage } from '../syntax/types.ts';
import { parse } from '../syntax/instructions.ts';
import { RESERVED_STAGE_NAMES, stageNameFromImage } from './stageName.ts';

export interface Pos {
  line: number;
  column: number;
}

export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** The text as lines. */
export interface Doc {
  text: string;
  /** text starts with U+FEFF (kept out of every line) */
  bom: boolean;
  /** the file's line ending, `\r\n` when its first line break is one */
  eol: '\n' | '\r\n';
  /** Monaco's lines: a text ending in a newline has an empty last line */
  lines: string[];
  /** offset in `text` of each line's first character */
  starts: number[];
  /** the text ends with a line break */
  finalEol: boolean;
  /** number of real lines (the parser's count: without the empty line after a final newline) */
  lineCount: number;
}

export function makeDoc(text: string): Doc {
  const bom = text.charCodeAt(0) === 0xfeff;
  const lines: string[] = [];
  const starts: number[] = [];
  let p = bom ? 1 : 0;
  for (;;) {
    const nl = text.indexOf('\n', p);
    starts.push(p);
    if (nl < 0) {
      lines.push(text.slice(p));
      break;
    }
    const end = nl > p && text[nl - 1] === '\r' ? nl - 1 : nl;
    lines.push(text.slice(p, end));
    p = nl + 1;
  }
  const firstNl = text.indexOf('\n');
  const eol = firstNl > 0 && text[firstNl - 1] === '\r' ? '\r\n' : '\n';
  const finalEol = text.endsWith('\n');
  return { text, bom, eol, lines, starts, finalEol, lineCount: finalEol ? lines.length - 1 : lines.length };
}

/** The text of a 1-based line ('' past the end). */
export function lineText(doc: Doc, line: number): string {
  return doc.lines[line - 1] ?? '';
}

/** Offset in the text of a position (clamped to the line and the document). */
export function offsetOf(doc: Doc, pos: Pos): number {
  if (pos.line < 1) return doc.starts[0];
  if (pos.line > doc.lines.length) return doc.text.length;
  const l = doc.lines[pos.line - 1];
  const col = Math.min(Math.max(pos.column, 1), l.length + 1);
  return doc.starts[pos.line - 1] + col - 1;
}

/**
 * Applies edits that do not overlap (as Monaco's `executeEdits` requires). Several inserts
 * at one position come out in the order given. Throws on overlapping edits: that is a bug of
 * the action that made them.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const doc = makeDoc(text);
  const ranges = edits.map((e, i) => {
    const start = offsetOf(doc, { line: e.line, column: e.column });
    const end = offsetOf(doc, { line: e.endLine, column: e.endColumn });
    if (end < start) throw new Error(`edit ${i} ends before it starts`);
    return { start, end, text: e.text, i };
  });
  ranges.sort((a, b) => a.start - b.start || a.end - b.end || a.i - b.i);
  for (let k = 1; k < ranges.length; k++) {
    if (ranges[k].start < ranges[k - 1].end) throw new Error('overlapping edits');
  }
  let out = '';
  let at = 0;
  for (const r of ranges) {
    out += text.slice(at, r.start) + r.text;
    at = r.end;
  }
  return out + text.slice(at);
}

// ------------------------------------------------------------------------ edit builders

/** Replace a span. */
export function replaceSpan(span: Span, text: string): TextEdit {
  return { line: span.line, column: span.column, endLine: span.endLine, endColumn: span.endColumn, text };
}

/** Insert text at a position. */
export function insertAt(pos: Pos, text: string): TextEdit {
  return { line: pos.line, column: pos.column, endLine: pos.line, endColumn: pos.column, text };
}

/**
 * Insert whole lines before line `before` (1-based); `before` past the last line appends
 * them at the end of the file, adding a line break before them when the file has no final
 * one, and after them when it has (or when it is empty).
 */
export function insertLines(doc: Doc, before: number, newLines: readonly string[]): TextEdit {
  const body = newLines.join(doc.eol);
  if (doc.text === '' || (doc.bom && doc.text.length === 1)) return insertAt({ line: 1, column: 1 }, body + doc.eol);
  if (before <= doc.lineCount) return insertAt({ line: before, column: 1 }, body + doc.eol);
  if (doc.finalEol) return insertAt({ line: doc.lines.length, column: 1 }, body + doc.eol);
  const last = doc.lines.length;
  return insertAt({ line: last, column: doc.lines[last - 1].length + 1 }, doc.eol + body);
}

/** Delete whole lines `first..last` (1-based, inclusive) with their line breaks. */
export function deleteLines(doc: Doc, first: number, last: number): TextEdit {
  if (last < doc.lines.length - 1 || (last < doc.lines.length && doc.finalEol)) {
    return replaceSpan({ line: first, column: 1, endLine: last + 1, endColumn: 1 }, '');
  }
  // the last line of a file without a final line break: take the break before it instead
  const endColumn = lineText(doc, last).length + 1;
  if (first > 1) {
    return replaceSpan({ line: first - 1, column: lineText(doc, first - 1).length + 1, endLine: last, endColumn }, '');
  }
  return replaceSpan({ line: 1, column: 1, endLine: last, endColumn }, '');
}

/** Replace whole lines `first..last` by `newLines` (their line breaks are kept). */
export function replaceLines(doc: Doc, first: number, last: number, newLines: readonly string[]): TextEdit {
  return replaceSpan(
    { line: first, column: 1, endLine: last, endColumn: lineText(doc, last).length + 1 },
    newLines.join(doc.eol),
  );
}

// ------------------------------------------------------------------ file conventions

/** unicode.IsSpace for one UTF-16 unit */
export function isSpaceChar(ch: string | undefined): boolean {
  if (ch === undefined || ch === '') return false;
  const c = ch.charCodeAt(0);
  if (c <= 0xff) return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0x85 || c === 0xa0;
  return c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}

/** parser.go `isComment`: the first non-space character is `#`. */
export function isCommentLine(line: string): boolean {
  let i = 0;
  while (i < line.length && isSpaceChar(line[i])) i++;
  return line[i] === '#';
}

export function isBlankLine(line: string): boolean {
  for (let i = 0; i < line.length; i++) if (!isSpaceChar(line[i])) return false;
  return true;
}

/** The leading blanks of a line. */
export function indentOf(line: string): string {
  let i = 0;
  while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
  return line.slice(0, i);
}

export type Casing = 'upper' | 'lower';

/**
 * The casing new instructions are written in: the majority of the file's self-consistent
 * keywords (as BuildKit's ConsistentInstructionCasing decides), upper case on a tie or when
 * there are none.
 */
export function instructionCasing(nodes: readonly Node[]): Casing {
  let upper = 0;
  let lower = 0;
  for (const n of nodes) {
    if (n.keyword === n.keyword.toUpperCase()) upper++;
    else if (n.keyword === n.keyword.toLowerCase()) lower++;
  }
  return lower > upper ? 'lower' : 'upper';
}

/** A keyword in the file's casing. */
export function kw(word: string, casing: Casing): string {
  return casing === 'upper' ? word.toUpperCase() : word.toLowerCase();
}

// ------------------------------------------------------------------ instruction words

/** One whitespace-separated word of an instruction's first logical line, with its place. */
export interface Token {
  /** the characters as written (continuations removed, quotes and escapes kept) */
  raw: string;
  /** quotes removed and escapes applied (as `extractBuilderFlags` does for flags) */
  value: string;
  start: Pos;
  /** exclusive */
  end: Pos;
  /** the position of the raw character `i` (0 <= i <= raw.length; raw.length gives `end`) */
  at(i: number): Pos;
}

/** parser.go `trimContinuationCharacter` for the escape token. */
function trimContinuation(line: string, esc: string): { line: string; isEndOfLine: boolean } {
  let end = line.length;
  while (end > 0 && (line[end - 1] === ' ' || line[end - 1] === '\t')) end--;
  if (end === 0 || line[end - 1] !== esc) return { line, isEndOfLine: true };
  const escPos = end - 1;
  if (escPos === 0) return { line: '', isEndOfLine: false };
  if (line[escPos - 1] === esc) return { line, isEndOfLine: true };
  return { line: line.slice(0, escPos), isEndOfLine: false };
}

/**
 * The words of the logical line that starts at `line` (the instruction itself, not its
 * heredoc bodies), as BuildKit's parser joins it: continuation lines are appended without
 * their escape, comment lines and blank lines inside the continuation are skipped. Words are
 * split on unquoted, unescaped white space.
 */
export function instructionTokens(doc: Doc, line: number, escape: string): Token[] {
  const chars: string[] = [];
  const where: Pos[] = [];
  let ln = line;
  let first = true;
  let endPos: Pos = { line, column: 1 };
  while (ln <= doc.lines.length) {
    const raw = doc.lines[ln - 1];
    if (!first && (isCommentLine(raw) || isBlankLine(raw))) {
      ln++;
      continue;
    }
    let startCol = 0;
    if (first) while (startCol < raw.length && isSpaceChar(raw[startCol])) startCol++;
    const t = trimContinuation(raw.slice(startCol), escape);
    for (let i = 0; i < t.line.length; i++) {
      chars.push(t.line[i]);
      where.push({ line: ln, column: startCol + i + 1 });
    }
    endPos = { line: ln, column: startCol + t.line.length + 1 };
    first = false;
    ln++;
    if (t.isEndOfLine) break;
  }
  const posAt = (k: number): Pos => {
    if (k < where.length) return where[k];
    return endPos;
  };
  const tokens: Token[] = [];
  let i = 0;
  while (i < chars.length) {
    if (isSpaceChar(chars[i])) {
      i++;
      continue;
    }
    const s = i;
    let value = '';
    let quote = '';
    while (i < chars.length) {
      const c = chars[i];
      if (quote === '') {
        if (isSpaceChar(c)) break;
        if (c === '"' || c === "'") {
          quote = c;
          i++;
          continue;
        }
      } else if (c === quote) {
        quote = '';
        i++;
        continue;
      }
      if (c === escape && i + 1 < chars.length && quote !== "'") {
        value += chars[i + 1];
        i += 2;
        continue;
      }
      value += c;
      i++;
    }
    const e = i;
    const last = where[e - 1];
    tokens.push({
      raw: chars.slice(s, e).join(''),
      value,
      start: where[s],
      end: { line: last.line, column: last.column + 1 },
      at: (k: number) => (s + k < e ? posAt(s + k) : { line: last.line, column: last.column + 1 }),
    });
  }
  return tokens;
}

/** The parts of an instruction: keyword, flags (`--x`), arguments (as `extractBuilderFlags`). */
export interface InstructionWords {
  keyword: Token | null;
  flags: Token[];
  args: Token[];
}

export function instructionWords(doc: Doc, line: number, escape: string): InstructionWords {
  const tokens = instructionTokens(doc, line, escape);
  const keyword = tokens[0] ?? null;
  const flags: Token[] = [];
  let k = 1;
  for (; k < tokens.length; k++) {
    const t = tokens[k];
    if (!t.raw.startsWith('--')) break;
    if (t.raw === '--') {
      k++;
      break;
    }
    flags.push(t);
  }
  return { keyword, flags, args: tokens.slice(k) };
}

/** The span of a token. */
export function tokenSpan(t: Token): Span {
  return { line: t.start.line, column: t.start.column, endLine: t.end.line, endColumn: t.end.column };
}

/**
 * The first line of the comment block directly above `line` (no blank line between), not
 * going above `floor` and never taking parser directives; `line` itself when there is none.
 */
export function commentBlockStart(doc: Doc, line: number, floor: number, directiveLines: ReadonlySet<number>): number {
  let s = line;
  while (s - 1 > floor && isCommentLine(lineText(doc, s - 1)) && !directiveLines.has(s - 1)) s--;
  return s;
}

// ------------------------------------------------------------------ action plumbing

/** What every action works from: the text, its lines and its parse. */
export interface EditContext {
  doc: Doc;
  parsed: InstructionsResult;
  stages: Stage[];
  escape: '\\' | '`';
  casing: Casing;
  /** lines holding parser directives (never moved or deleted with a stage) */
  directiveLines: Set<number>;
}

export function editContext(text: string): EditContext {
  const parsed = parse(text);
  const doc = makeDoc(text);
  const directiveLines = new Set<number>(Object.values(parsed.parsed.directives.lines));
  // every comment line of the directive block at the top counts as a directive line
  for (let l = 1; l <= doc.lineCount && isCommentLine(lineText(doc, l)) && /^\s*#\s*\w+\s*=/.test(lineText(doc, l)); l++) {
    directiveLines.add(l);
  }
  return {
    doc,
    parsed,
    stages: parsed.stages,
    escape: parsed.parsed.directives.escape,
    casing: instructionCasing(parsed.parsed.nodes),
    directiveLines,
  };
}

/** The result of an action: edits, or the reason it was refused. */
export type EditResult<Extra = object> = ({ ok: true; edits: TextEdit[] } & Extra) | { ok: false; reason: string };

export function refuse(reason: string): { ok: false; reason: string } {
  return { ok: false, reason };
}

/** BuildKit's stage-name rule (`parseBuildStageName`): `^[a-z][a-z0-9-_.]*$` after lower-casing. */
export const STAGE_NAME_RE = /^[a-z][a-z0-9-_.]*$/;

/** Names BuildKit reserves (ReservedStageName). */
export { RESERVED_STAGE_NAMES };

/** A stage by index, or a refusal. */
export function stageAt(ctx: EditContext, index: number): Stage | null {
  return Number.isInteger(index) && index >= 0 && index < ctx.stages.length ? ctx.stages[index] : null;
}

/** How a stage is shown in messages: its name, or `stage N`. */
export function stageLabel(ctx: EditContext, index: number): string {
  const s = ctx.stages[index];
  return s?.name ? `"${s.name}"` : `stage ${index}`;
}

/**
 * A unique stage name from a wish (`golang:1.22` -> `golang`, `gcr.io/distroless/static` ->
 * `static`): lower-cased, invalid characters replaced, `-2`, `-3`... added when taken.
 */
export function uniqueStageName(wish: string, taken: ReadonlySet<string>): string {
  const w = stageNameFromImage(wish);
  if (!taken.has(w)) return w;
  for (let n = 2; ; n++) {
    const c = `${w}-${n}`;
    if (!taken.has(c)) return c;
  }
}

/** The lower-cased names of all stages. */
export function stageNames(ctx: EditContext): Set<string> {
  const s = new Set<string>();
  for (const st of ctx.stages) if (st.name) s.add(st.name);
  return s;
}

/**
 * The last line that belongs to a stage: its last instruction, plus the comment lines right
 * after it when a blank line (or the end of the file) follows them; comments that run into
 * the next instruction belong to that instruction instead.
 */
export function stageTail(ctx: EditContext, index: number): number {
  const st = ctx.stages[index];
  let l = st.endLine;
  let k = l + 1;
  while (k <= ctx.doc.lineCount && isCommentLine(lineText(ctx.doc, k))) k++;
  if (k > l + 1 && (k > ctx.doc.lineCount || isBlankLine(lineText(ctx.doc, k)))) l = k - 1;
  return l;
}

/** The first line of a stage's block: its FROM, or the comment block directly above it. */
export function stageHead(ctx: EditContext, index: number): number {
  const st = ctx.stages[index];
  const floor = index > 0 ? stageTail(ctx, index - 1) : 0;
  return commentBlockStart(ctx.doc, st.line, floor, ctx.directiveLines);
}

/** `AS` in the casing that matches a FROM keyword as written (FromAsCasing). */
export function asKeyword(fromKeyword: string): string {
  return fromKeyword === fromKeyword.toLowerCase() ? 'as' : 'AS';
}

/**
 * Give an unnamed stage a name: the edit appending ` AS <name>` to its FROM, or null when
 * the FROM has no base word to append to.
 */
export function nameStageEdit(ctx: EditContext, index: number, name: string): TextEdit | null {
  const st = ctx.stages[index];
  const w = instructionWords(ctx.doc, st.line, ctx.escape);
  const base = w.args[0];
  if (!base || !w.keyword) return null;
  return insertAt(base.end, ` ${asKeyword(w.keyword.raw)} ${name}`);
}
