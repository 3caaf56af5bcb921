/**
 * NoCacheMount (Stagecraft, info). In a needed stage, a RUN that runs a package manager with a
 * download cache (apt, apk without --no-cache, dnf/yum, npm, yarn, pnpm, pip without
 * --no-cache-dir, poetry, pipenv, uv, go, cargo, maven, gradle) and has no cache mount at all.
 * Reported at the RUN, naming the first such manager and where its cache mount goes.
 */
import { ruleMessage } from '../messages.ts';
import { at, neededCommands, type Finding, type LintContext } from '../ruleContext.ts';
import { packageSteps } from './shellCommands.ts';

export function noCacheMount(ctx: LintContext): Finding[] {
  const out: Finding[] = [];
  for (const { dc } of neededCommands(ctx)) {
    const cmd = dc.cmd;
    if (cmd.kind !== 'run' || cmd.mounts.some((m) => m.type === 'cache')) continue;
    const step = packageSteps(cmd).find((s) => s.cacheTargets !== null);
    if (!step || !step.cacheTargets) continue;
    out.push(at(ctx, 'NoCacheMount', cmd, ruleMessage.NoCacheMount(step.manager, step.cacheTargets), cmd.node.prevComment));
  }
  return out;
}
