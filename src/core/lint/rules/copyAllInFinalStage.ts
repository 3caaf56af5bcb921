/**
 * CopyAllInFinalStage (Stagecraft). In a Dockerfile with more than one stage, a COPY/ADD of the
 * whole context (`.`, `./`, `/`) into the target stage itself. Reported at that COPY.
 */
import { ruleMessage } from '../messages.ts';
import { at, isContextCopy, isContextRoot, type Finding, type LintContext } from '../ruleContext.ts';

export function copyAllInFinalStage(ctx: LintContext): Finding[] {
  const t = ctx.dispatch.target;
  if (t === null || ctx.dispatch.stages.length < 2) return [];
  const out: Finding[] = [];
  for (const dc of ctx.dispatch.stages[t].commands) {
    const cmd = dc.cmd;
    if (!isContextCopy(cmd)) continue;
    const sources = dc.sources ?? cmd.sources;
    const root = sources.find(isContextRoot);
    if (root === undefined) continue;
    out.push(at(ctx, 'CopyAllInFinalStage', cmd, ruleMessage.CopyAllInFinalStage(`${cmd.node.keyword} ${root}`), cmd.node.prevComment));
  }
  return out;
}
