/**
 * StageNameCasing. BuildKit: `instructions/parse.go` `ParseInstructionWithLinter` ->
 * `isLowerCaseStageName` (the name after AS must be lower case; BuildKit lower-cases it anyway,
 * so the fix changes nothing to the build: `--from`/`--target` lookups are case-insensitive).
 * Reported at the FROM, with its per-instruction comments. The parser emits it.
 */
import { at, nodeAt, parseLintsOf, type Finding, type LintContext } from '../ruleContext.ts';
import { fromAsName } from './fromTokens.ts';

export function stageNameCasing(ctx: LintContext): Finding[] {
  return parseLintsOf(ctx, 'StageNameCasing').map((l) => {
    const node = nodeAt(ctx, l.line);
    const f = at(ctx, 'StageNameCasing', l, l.message, node ? node.prevComment : null);
    const toks = node ? fromAsName(ctx, node) : null;
    if (toks) {
      const t = toks.name;
      const lower = t.text.toLowerCase();
      f.fix = {
        title: `Rename the stage '${lower}'`,
        edits: [{ line: t.line, column: t.column, endLine: t.line, endColumn: t.column + t.text.length, text: lower }],
      };
    }
    return f;
  });
}
