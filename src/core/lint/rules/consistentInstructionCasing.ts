/**
 * ConsistentInstructionCasing. BuildKit: `dockerfile2llb/validations.go`
 * `validateCommandCasing` / `validateCaseMatch`, called from `convert.go` `toDispatchState` on
 * every stage with the file-level configuration. The majority is counted over the
 * self-consistent spellings (all-lower or all-upper) of every FROM and every instruction of
 * every stage (not the ARGs before the first FROM); a tie is "uppercase". Then every
 * instruction not in the majority case is reported, mixed case included.
 */
import type { Node } from '../../syntax/types.ts';
import { fmt } from '../registry.ts';
import { at, keywordRange, type Finding, type LintContext } from '../ruleContext.ts';

const isSelfConsistent = (s: string) => s === s.toLowerCase() || s === s.toUpperCase();

export function consistentInstructionCasing(ctx: LintContext): Finding[] {
  const stages = ctx.dispatch.instructions.stages;
  let lower = 0;
  let upper = 0;
  const nodes: Node[] = [];
  for (const st of stages) {
    nodes.push(st.from);
    for (const cmd of st.commands) nodes.push(cmd.node);
  }
  for (const n of nodes) {
    if (!isSelfConsistent(n.keyword)) continue;
    if (n.keyword.toLowerCase() === n.keyword) lower++;
    else upper++;
  }
  const majorityLower = lower > upper;
  const out: Finding[] = [];
  for (const n of nodes) {
    const name = n.keyword;
    let correct = '';
    if (majorityLower && name.toLowerCase() !== name) correct = 'lowercase';
    else if (!majorityLower && name.toUpperCase() !== name) correct = 'uppercase';
    if (correct === '') continue;
    const f = at(ctx, 'ConsistentInstructionCasing', { line: n.startLine, endLine: n.endLine }, fmt.ConsistentInstructionCasing(name, correct), null);
    const r = keywordRange(ctx, n);
    if (r) {
      const text = majorityLower ? name.toLowerCase() : name.toUpperCase();
      f.fix = { title: `Write '${text}'`, edits: [{ ...r, text }] };
    }
    out.push(f);
  }
  return out;
}
