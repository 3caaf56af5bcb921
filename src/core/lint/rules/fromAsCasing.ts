/**
 * FromAsCasing. BuildKit: `instructions/parse.go` `ParseInstructionWithLinter` ->
 * `doesFromCaseMatchAsCase`: when FROM is all-lower or all-upper, `AS` must have the same case
 * (a mixed-case FROM is left to ConsistentInstructionCasing). Reported at the FROM, with its
 * per-instruction comments. The parser emits it; this rule adds the fix.
 */
import { at, nodeAt, parseLintsOf, type Finding, type LintContext } from '../ruleContext.ts';
import { fromAsName } from './fromTokens.ts';

export function fromAsCasing(ctx: LintContext): Finding[] {
  return parseLintsOf(ctx, 'FromAsCasing').map((l) => {
    const node = nodeAt(ctx, l.line);
    const f = at(ctx, 'FromAsCasing', l, l.message, node ? node.prevComment : null);
    const toks = node ? fromAsName(ctx, node) : null;
    if (node && toks) {
      const as = node.keyword === node.keyword.toLowerCase() ? 'as' : 'AS';
      const t = toks.as;
      f.fix = {
        title: `Write '${as}' to match '${node.keyword}'`,
        edits: [{ line: t.line, column: t.column, endLine: t.line, endColumn: t.column + t.text.length, text: as }],
      };
    }
    return f;
  });
}
