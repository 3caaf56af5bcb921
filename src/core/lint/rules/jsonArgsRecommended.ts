/**
 * JSONArgsRecommended. BuildKit: `dockerfile2llb/convert.go` `dispatchCmd` /
 * `dispatchEntrypoint`: a shell-form CMD or ENTRYPOINT while the image config has no SHELL
 * (a SHELL of this stage, or of a base stage through `FROM <stage>`, counts; base images are
 * assumed to set none). Needed stages only; the message names the instruction as written.
 *
 * Fix: when the command is plain words (no quotes, variables, escapes or shell operators), the
 * JSON array of those words, which runs the same program without `/bin/sh -c` in front.
 */
import { fmt } from '../registry.ts';
import { at, neededCommands, replaceInstruction, type Finding, type LintContext } from '../ruleContext.ts';

const plainWords = /^[A-Za-z0-9_\-.,/:=@%+ \t]+$/;

export function jsonArgsRecommended(ctx: LintContext): Finding[] {
  const out: Finding[] = [];
  for (const { dc } of neededCommands(ctx)) {
    const cmd = dc.cmd;
    if (cmd.kind !== 'cmd' && cmd.kind !== 'entrypoint') continue;
    if (!cmd.prependShell || dc.shellSet) continue;
    const f = at(ctx, 'JSONArgsRecommended', cmd, fmt.JSONArgsRecommended(cmd.node.keyword), cmd.node.prevComment);
    const line = cmd.cmdLine.join(' ').trim();
    if (line !== '' && plainWords.test(line)) {
      const json = '[' + line.split(/[ \t]+/).map((w) => JSON.stringify(w)).join(', ') + ']';
      const edit = replaceInstruction(ctx, cmd.node, `${cmd.node.keyword} ${json}`);
      if (edit) f.fix = { title: `Use the JSON form: ${cmd.node.keyword} ${json}`, edits: [edit] };
    }
    out.push(f);
  }
  return out;
}
