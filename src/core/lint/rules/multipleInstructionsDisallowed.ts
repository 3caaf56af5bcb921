/**
 * MultipleInstructionsDisallowed. BuildKit: `dockerfile2llb/validations.go` `validateUsedOnce`
 * from `dispatchCmd`, `dispatchEntrypoint` and `dispatchHealthcheck`: per stage (the trackers
 * are not inherited through `FROM <stage>`), a second CMD / ENTRYPOINT / HEALTHCHECK reports the
 * EARLIER one (the one that is ignored), named as the later one is written, with the later
 * one's per-instruction comments. Needed stages only.
 */
import type { Command } from '../../syntax/types.ts';
import { fmt } from '../registry.ts';
import { at, type Finding, type LintContext } from '../ruleContext.ts';

export function multipleInstructionsDisallowed(ctx: LintContext): Finding[] {
  const out: Finding[] = [];
  for (const stage of ctx.neededStages) {
    const last = new Map<string, Command>();
    for (const { cmd } of stage.commands) {
      if (cmd.kind !== 'cmd' && cmd.kind !== 'entrypoint' && cmd.kind !== 'healthcheck') continue;
      const prev = last.get(cmd.kind);
      if (prev) out.push(at(ctx, 'MultipleInstructionsDisallowed', prev, fmt.MultipleInstructionsDisallowed(cmd.node.keyword), cmd.node.prevComment));
      last.set(cmd.kind, cmd);
    }
  }
  return out;
}
