/**
 * LegacyKeyValueFormat. BuildKit: `dockerfile2llb/convert.go` `dispatchEnv` / `dispatchLabel`:
 * one finding per pair parsed from the legacy `ENV key value` / `LABEL key value` form
 * (`KeyValuePair.NoDelim`, set by `parser/line_parsers.go` `parseNameVal` when the first word
 * has no `=`). Needed stages only; the message names the instruction as written.
 *
 * Fix: `KEY key=value`, quoting the value when it holds blanks outside quotes (only when that
 * quoting cannot change how BuildKit reads the value).
 */
import { fmt } from '../registry.ts';
import { at, neededCommands, replaceInstruction, type Finding, type LintContext } from '../ruleContext.ts';

/** Would `parseWords` keep `v` as one word (every blank inside quotes)? */
function isOneWord(v: string, escape: string): boolean {
  let quote = '';
  for (let i = 0; i < v.length; i++) {
    const ch = v[i];
    if (quote === '') {
      if (/\s/.test(ch)) return false;
      if (ch === escape) {
        i++;
        continue;
      }
      if (ch === '"' || ch === "'") quote = ch;
    } else {
      if (ch === escape && quote !== "'") {
        i++;
        continue;
      }
      if (ch === quote) quote = '';
    }
  }
  return true;
}

export function fixedPair(key: string, value: string, escape: string): string | null {
  if (key === '' || key.includes('=')) return null;
  if (isOneWord(value, escape)) return `${key}=${value}`;
  if (/["'`\\]/.test(value) || value.includes(escape)) return null;
  return `${key}="${value}"`;
}

export function legacyKeyValueFormat(ctx: LintContext): Finding[] {
  const out: Finding[] = [];
  for (const { dc } of neededCommands(ctx)) {
    const cmd = dc.cmd;
    if ((cmd.kind !== 'env' && cmd.kind !== 'label') || !cmd.legacy) continue;
    const pairs = cmd.kind === 'env' ? cmd.env : cmd.labels;
    for (const kv of pairs) {
      const f = at(ctx, 'LegacyKeyValueFormat', cmd, fmt.LegacyKeyValueFormat(cmd.node.keyword), cmd.node.prevComment);
      const pair = pairs.length === 1 ? fixedPair(kv.key, kv.value, ctx.escape) : null;
      if (pair !== null) {
        const edit = replaceInstruction(ctx, cmd.node, `${cmd.node.keyword} ${pair}`);
        if (edit) f.fix = { title: `Use ${cmd.node.keyword} ${pair}`, edits: [edit] };
      }
      out.push(f);
    }
  }
  return out;
}
