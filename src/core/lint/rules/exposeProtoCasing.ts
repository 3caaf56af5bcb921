/**
 * ExposeProtoCasing. BuildKit: `dockerfile2llb/convert_expose.go` `parsePort` (from
 * `dispatchExpose`): a port whose protocol is not lower case, one finding per port, quoting
 * the port as expanded. Needed stages only.
 */
import type { TextEdit } from '../../types.ts';
import { fmt } from '../registry.ts';
import { at, neededCommands, nodeIsInText, type Finding, type LintContext } from '../ruleContext.ts';
import { instructionTokens } from './fromTokens.ts';
import { exposeLints } from './exposePorts.ts';

export function exposeProtoCasing(ctx: LintContext): Finding[] {
  const out: Finding[] = [];
  for (const { dc } of neededCommands(ctx)) {
    for (const p of exposeLints(dc)) {
      if (!p.protoCasing) continue;
      const f = at(ctx, 'ExposeProtoCasing', dc.cmd, fmt.ExposeProtoCasing(p.raw), dc.cmd.node.prevComment);
      const toks = (nodeIsInText(ctx, dc.cmd.node) ? instructionTokens(ctx, dc.cmd.node) : []).filter((t) => t.text === p.raw);
      if (toks.length > 0) {
        const slash = p.raw.lastIndexOf('/');
        const text = p.raw.slice(0, slash + 1) + p.raw.slice(slash + 1).toLowerCase();
        const edits: TextEdit[] = toks.map((t) => ({ line: t.line, column: t.column, endLine: t.line, endColumn: t.column + t.text.length, text }));
        f.fix = { title: `Write ${text}`, edits };
      }
      out.push(f);
    }
  }
  return out;
}
