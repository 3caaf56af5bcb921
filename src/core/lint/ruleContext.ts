/**
 * What every rule sees, and what it reports. Rules are pure functions of a LintContext that
 * return Findings; `index.ts` applies the check directives, severities and URLs.
 */
import type { Analysis, TextEdit } from '../types.ts';
import type { DispatchedCommand, DispatchedStage, DispatchResult } from '../dispatch/types.ts';
import type { Command, Node, ParseLint, Stage } from '../syntax/types.ts';
import { clean } from '../paths.ts';

export interface LintInput {
  dispatch: DispatchResult;
  analysis: Omit<Analysis, 'diagnostics'>;
  files: string[];
  dockerignore: string | null;
}

export interface Finding {
  rule: string;
  line: number;
  endLine: number;
  column: number;
  message: string;
  /**
   * The comment lines directly above the instruction whose per-instruction `# check=` (BuildKit
   * merges them for the lints of that instruction) or `# stagecraft:` comments apply; null for
   * findings BuildKit reports with the file-level configuration only.
   */
  comments: readonly string[] | null;
  fix?: { title: string; edits: TextEdit[] };
}

export interface LintContext extends LintInput {
  /** the Dockerfile's lines (no terminators) */
  lines: readonly string[];
  escape: '\\' | '`';
  /** indexes of the stages the target needs */
  needed: ReadonlySet<number>;
  /** dispatched stages (the needed ones), in file order */
  neededStages: DispatchedStage[];
}

export function makeContext(input: LintInput): LintContext {
  const needed = new Set(input.dispatch.needed);
  return {
    ...input,
    lines: input.dispatch.instructions.parsed.lines,
    escape: input.dispatch.instructions.parsed.directives.escape,
    needed,
    neededStages: input.dispatch.stages.filter((s) => needed.has(s.index)),
  };
}

/** 1-based column of the first non-blank character of a 1-based line (1 when none). */
export function firstColumn(lines: readonly string[], line: number): number {
  const text = lines[line - 1] ?? '';
  const m = /^[ \t\uFEFF]*/.exec(text);
  const col = (m ? m[0].length : 0) + 1;
  return col > text.length ? 1 : col;
}

/** A finding located on an instruction (its whole line range, BuildKit's `Location()`). */
export function at(
  ctx: LintContext,
  rule: string,
  loc: { line: number; endLine: number },
  message: string,
  comments: readonly string[] | null,
  fix?: Finding['fix'],
): Finding {
  const f: Finding = { rule, line: loc.line, endLine: Math.max(loc.line, loc.endLine), column: firstColumn(ctx.lines, loc.line), message, comments };
  if (fix) f.fix = fix;
  return f;
}

export function commentsOf(x: Command | Node | Stage): readonly string[] {
  if ('prevComment' in x) return x.prevComment;
  if ('from' in x && 'commands' in x) return x.from.prevComment;
  return x.node.prevComment;
}

/** The commands of the needed stages, with their stage. */
export function* neededCommands(ctx: LintContext): Generator<{ stage: DispatchedStage; dc: DispatchedCommand }> {
  for (const stage of ctx.neededStages) for (const dc of stage.commands) yield { stage, dc };
}

/**
 * The stage chain whose filesystem and config the target's image is: the target, its base
 * stage, that stage's base, ... (target first).
 */
export function targetChain(ctx: LintContext): DispatchedStage[] {
  const out: DispatchedStage[] = [];
  const seen = new Set<number>();
  let i: number | null = ctx.dispatch.target;
  while (i !== null && !seen.has(i) && ctx.dispatch.stages[i]) {
    seen.add(i);
    const st: DispatchedStage = ctx.dispatch.stages[i];
    out.push(st);
    i = st.baseStage;
  }
  return out;
}

/** The keyword's 1-based column on the instruction's first line. */
export function keywordRange(ctx: LintContext, node: Node): TextEdit | null {
  if (!nodeIsInText(ctx, node)) return null;
  const text = ctx.lines[node.startLine - 1];
  if (text === undefined) return null;
  const col = firstColumn(ctx.lines, node.startLine);
  if (text.slice(col - 1, col - 1 + node.keyword.length) !== node.keyword) return null;
  return { line: node.startLine, column: col, endLine: node.startLine, endColumn: col + node.keyword.length, text: node.keyword };
}

/** Does the instruction have comment lines inside its continuation (an edit would drop them)? */
export function hasInnerComments(ctx: LintContext, node: Node): boolean {
  for (let l = node.startLine + 1; l <= node.endLine; l++) {
    if (/^[ \t]*#/.test(ctx.lines[l - 1] ?? '')) return true;
  }
  return false;
}

/**
 * An edit replacing the whole instruction (first line from the keyword to the last line's end)
 * with `text`; null when the instruction has heredocs or comments inside (not safe to rewrite).
 */
export function replaceInstruction(ctx: LintContext, node: Node, text: string): TextEdit | null {
  if (node.heredocs.length > 0 || hasInnerComments(ctx, node) || !nodeIsInText(ctx, node)) return null;
  const last = ctx.lines[node.endLine - 1];
  if (last === undefined) return null;
  const col = firstColumn(ctx.lines, node.startLine);
  // keep trailing blanks out of the edit
  return { line: node.startLine, column: col, endLine: node.endLine, endColumn: last.replace(/[ \t\r]+$/, '').length + 1, text };
}

/** Is a COPY/ADD source the whole context root (`.`, `./`, `/`, `./.`...)? */
export function isContextRoot(src: string): boolean {
  const c = clean(src);
  return c === '.' || c === '/';
}

/** COPY/ADD from the build context (no `--from`), not a URL or git source. */
export function isContextCopy(cmd: Command): cmd is Extract<Command, { kind: 'copy' | 'add' }> {
  if (cmd.kind !== 'copy' && cmd.kind !== 'add') return false;
  return cmd.kind === 'add' || cmd.from === null || cmd.from === '';
}

export function isRemoteSource(src: string): boolean {
  return /^(https?:\/\/|git@|git:\/\/|ssh:\/\/)/.test(src) || /^[a-z]+:\/\/.*\.git(#.*)?$/.test(src) || /^github\.com\//.test(src);
}

/** The parse-time lints the parser emitted with this BuildKit id (both parse layers, once). */
export function parseLintsOf(ctx: LintContext, rule: string): ParseLint[] {
  const instr = ctx.dispatch.instructions;
  const seen = new Set<string>();
  const out: ParseLint[] = [];
  for (const l of [...instr.parsed.lints, ...instr.lints]) {
    if (l.rule !== rule) continue;
    const key = `${l.line}:${l.endLine}:${l.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(l);
  }
  return out;
}

/** The instruction node that starts on (else: spans) this line; parse lints are at node.Location(). */
export function nodeAt(ctx: LintContext, line: number): Node | undefined {
  let idx = nodeIndex.get(ctx.dispatch);
  if (!idx) {
    idx = new Map<number, Node>();
    for (const n of ctx.dispatch.instructions.parsed.nodes) {
      for (let l = n.endLine; l >= n.startLine; l--) if (l === n.startLine || !idx.has(l)) idx.set(l, n);
    }
    nodeIndex.set(ctx.dispatch, idx);
  }
  return idx.get(line);
}

const nodeIndex = new WeakMap<object, Map<number, Node>>();

/** BuildKit's `node.Location()`: the instruction's line range. */
export function nodeLoc(node: Node): { line: number; endLine: number } {
  return { line: node.startLine, endLine: node.endLine };
}

/**
 * Is this node one of the file's own instructions? Commands an ONBUILD trigger adds to a child
 * stage carry a node parsed from the trigger text (BuildKit locates their findings at the
 * child's FROM); edits must never be computed from those.
 */
export function nodeIsInText(ctx: LintContext, node: Node): boolean {
  let set = ownNodes.get(ctx.dispatch);
  if (!set) {
    set = new Set<Node>(ctx.dispatch.instructions.parsed.nodes);
    for (const st of ctx.dispatch.instructions.stages) {
      set.add(st.from);
      for (const c of st.commands) set.add(c.node);
    }
    ownNodes.set(ctx.dispatch, set);
  }
  return set.has(node);
}

const ownNodes = new WeakMap<object, Set<Node>>();
