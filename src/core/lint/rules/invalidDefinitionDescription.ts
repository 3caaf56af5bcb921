/**
 * InvalidDefinitionDescription (experimental in BuildKit: reported only with
 * `# check=experimental=InvalidDefinitionDescription` or `experimental=all`).
 * BuildKit: `instructions/parse.go` `validateDefinitionDescription`, called for FROM with a
 * stage name and for ARG, at the instruction, with its per-instruction comments.
 * The parser emits it; the experimental gate is applied in `index.ts`.
 */
import { at, nodeAt, parseLintsOf, type Finding, type LintContext } from '../ruleContext.ts';

export function invalidDefinitionDescription(ctx: LintContext): Finding[] {
  return parseLintsOf(ctx, 'InvalidDefinitionDescription').map((l) => {
    const node = nodeAt(ctx, l.line);
    return at(ctx, 'InvalidDefinitionDescription', l, l.message, node ? node.prevComment : null);
  });
}
