/**
 * ExposeInvalidFormat. BuildKit: `dockerfile2llb/convert_expose.go` `parsePort` (from
 * `dispatchExpose`): a port written with an IP address or a host port (`ip:host:container`,
 * `host:container`), one finding per port, quoting it as expanded. Needed stages only.
 */
import { fmt } from '../registry.ts';
import { at, neededCommands, type Finding, type LintContext } from '../ruleContext.ts';
import { exposeLints } from './exposePorts.ts';

export function exposeInvalidFormat(ctx: LintContext): Finding[] {
  const out: Finding[] = [];
  for (const { dc } of neededCommands(ctx)) {
    for (const p of exposeLints(dc)) {
      if (p.invalidFormat) out.push(at(ctx, 'ExposeInvalidFormat', dc.cmd, fmt.ExposeInvalidFormat(p.raw), dc.cmd.node.prevComment));
    }
  }
  return out;
}
