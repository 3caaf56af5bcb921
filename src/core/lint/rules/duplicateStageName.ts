/**
 * DuplicateStageName. BuildKit: `dockerfile2llb/validations.go` `validateStageNames`, called
 * from `convert.go` `toDispatchState` on every stage with the file-level configuration. Names
 * are compared lower-cased (BuildKit lower-cases them at parse time, `parseBuildStageName`);
 * the later stage is reported, at its FROM.
 */
import { fmt } from '../registry.ts';
import { at, nodeLoc, type Finding, type LintContext } from '../ruleContext.ts';

export function duplicateStageName(ctx: LintContext): Finding[] {
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const st of ctx.dispatch.instructions.stages) {
    const name = (st.name ?? '').toLowerCase();
    if (name === '') continue;
    if (seen.has(name)) out.push(at(ctx, 'DuplicateStageName', nodeLoc(st.from), fmt.DuplicateStageName(name), null));
    seen.add(name);
  }
  return out;
}
