/**
 * WorkdirRelativePath. BuildKit: `dockerfile2llb/convert.go` `dispatchWorkdir` (commit=true):
 * the first WORKDIR of a stage chain that is relative (after expansion) while no WORKDIR was
 * set in this stage or inherited through `FROM <stage>` (the base image's WORKDIR does not
 * count). Later relative WORKDIRs are silent. Needed stages only; the message quotes the
 * expanded path.
 */
import { fmt } from '../registry.ts';
import { at, neededCommands, type Finding, type LintContext } from '../ruleContext.ts';

export function workdirRelativePath(ctx: LintContext): Finding[] {
  const out: Finding[] = [];
  for (const { dc } of neededCommands(ctx)) {
    const cmd = dc.cmd;
    if (cmd.kind !== 'workdir' || dc.workdirSet) continue;
    const path = dc.expanded.path ?? cmd.path;
    if (path.startsWith('/')) continue;
    out.push(at(ctx, 'WorkdirRelativePath', cmd, fmt.WorkdirRelativePath(path), cmd.node.prevComment));
  }
  return out;
}
