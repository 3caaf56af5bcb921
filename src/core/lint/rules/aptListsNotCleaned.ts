/**
 * AptListsNotCleaned (Stagecraft). In a stage whose layers ship in the image (the target and
 * the stages it is built FROM), a RUN with `apt-get install` / `apt install` that neither
 * removes /var/lib/apt/lists in the same RUN nor has a cache or tmpfs mount over /var/lib/apt
 * (or its lists). Reported at the RUN.
 */
import { ruleMessage } from '../messages.ts';
import { at, targetChain, type Finding, type LintContext } from '../ruleContext.ts';
import { runScript, simpleCommands } from './shellCommands.ts';

const listsDir = /^\/var\/lib\/apt(\/lists)?\/?$/;

export function aptListsNotCleaned(ctx: LintContext): Finding[] {
  const out: Finding[] = [];
  for (const st of targetChain(ctx)) {
    for (const dc of st.commands) {
      const cmd = dc.cmd;
      if (cmd.kind !== 'run') continue;
      const cmds = simpleCommands(runScript(cmd));
      const installs = cmds.some((w) => (w[0] === 'apt-get' || w[0] === 'apt') && w.slice(1).find((x) => !x.startsWith('-')) === 'install');
      if (!installs) continue;
      const cleans = cmds.some((w) => w[0] === 'rm' && w.some((x) => x.startsWith('/var/lib/apt/lists') || x === '/var/lib/apt'));
      const mounted = cmd.mounts.some((m, i) => {
        const target = dc.expanded[`mount:${i}:target`] ?? m.target ?? '';
        return (m.type === 'cache' || m.type === 'tmpfs') && listsDir.test(target);
      });
      if (cleans || mounted) continue;
      out.push(at(ctx, 'AptListsNotCleaned', cmd, ruleMessage.AptListsNotCleaned(), cmd.node.prevComment));
    }
  }
  return out;
}
