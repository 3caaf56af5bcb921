/**
 * Where the words of a FROM instruction are in the text, for the casing fixes of FromAsCasing
 * and StageNameCasing. Only the simple shape BuildKit lints (`FROM [--flags] image AS name`).
 */
import type { Node } from '../../syntax/types.ts';
import type { LintContext } from '../ruleContext.ts';

export interface Token {
  text: string;
  line: number;
  /** 1-based */
  column: number;
}

export function instructionTokens(ctx: LintContext, node: Node): Token[] {
  const out: Token[] = [];
  for (let line = node.startLine; line <= node.endLine; line++) {
    const text = ctx.lines[line - 1] ?? '';
    if (line > node.startLine && /^[ \t]*#/.test(text)) continue;
    const re = /[^ \t\r]+/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      if (m[0] === ctx.escape && m.index + m[0].length >= text.replace(/[ \t\r]+$/, '').length) continue;
      out.push({ text: m[0], line, column: m.index + 1 });
    }
  }
  return out;
}

/** [image, as, name] of `FROM [--flags] image AS name`, or null for any other shape. */
export function fromAsName(ctx: LintContext, node: Node): { as: Token; name: Token } | null {
  const toks = instructionTokens(ctx, node);
  if (toks.length === 0 || toks[0].text !== node.keyword) return null;
  const args = toks.slice(1).filter((t) => !t.text.startsWith('--'));
  if (args.length !== 3 || args[1].text.toLowerCase() !== 'as') return null;
  return { as: args[1], name: args[2] };
}
