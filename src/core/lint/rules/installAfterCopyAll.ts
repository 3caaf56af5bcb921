/**
 * InstallAfterCopyAll (Stagecraft). In a needed stage, a RUN that installs the project's
 * dependencies (npm/yarn/pnpm, pip -r/poetry/pipenv/uv, go mod download, cargo fetch, bundle,
 * maven dependency:go-offline, gradle dependencies, composer) after a COPY/ADD of the whole
 * context (`COPY . .`) in the same stage: every source change busts the install's cache.
 * Reported at the RUN, once per RUN.
 */
import { ruleMessage } from '../messages.ts';
import { at, isContextCopy, isContextRoot, type Finding, type LintContext } from '../ruleContext.ts';
import { packageSteps } from './shellCommands.ts';

export function installAfterCopyAll(ctx: LintContext): Finding[] {
  const out: Finding[] = [];
  for (const stage of ctx.neededStages) {
    let copyAllLine: number | null = null;
    for (const dc of stage.commands) {
      const cmd = dc.cmd;
      if (isContextCopy(cmd) && copyAllLine === null) {
        const sources = dc.sources ?? cmd.sources;
        if (sources.some(isContextRoot)) copyAllLine = cmd.line;
      }
      if (cmd.kind !== 'run' || copyAllLine === null) continue;
      const step = packageSteps(cmd).find((s) => s.dependencyInstall);
      if (step) out.push(at(ctx, 'InstallAfterCopyAll', cmd, ruleMessage.InstallAfterCopyAll(step.text, copyAllLine), cmd.node.prevComment));
    }
  }
  return out;
}
