/**
 * MaintainerDeprecated. BuildKit: `instructions/parse.go` `ParseInstructionWithLinter`
 * (`case command.Maintainer`), at the instruction, with its per-instruction `# check=`
 * comments. The parser emits it; this rule adds a fix that rewrites it as the OCI label.
 */
import { fmt } from '../registry.ts';
import { at, nodeAt, parseLintsOf, replaceInstruction, type Finding, type LintContext } from '../ruleContext.ts';

export function maintainerDeprecated(ctx: LintContext): Finding[] {
  return parseLintsOf(ctx, 'MaintainerDeprecated').map((l) => {
    const node = nodeAt(ctx, l.line);
    const f = at(ctx, 'MaintainerDeprecated', l, l.message || fmt.MaintainerDeprecated(), node ? node.prevComment : null);
    const value = node?.next.join(' ') ?? '';
    if (node && value !== '' && !/["\\`$\n]/.test(value)) {
      const kw = node.keyword === node.keyword.toLowerCase() ? 'label' : 'LABEL';
      const edit = replaceInstruction(ctx, node, `${kw} org.opencontainers.image.authors="${value}"`);
      if (edit) f.fix = { title: 'Replace with LABEL org.opencontainers.image.authors', edits: [edit] };
    }
    return f;
  });
}
