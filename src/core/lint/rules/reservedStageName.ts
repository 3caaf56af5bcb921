/**
 * ReservedStageName. BuildKit: `dockerfile2llb/validations.go` `validateStageNames`
 * (`reservedStageNames`: `context`, `scratch`), every stage, file-level configuration,
 * reported at the FROM.
 */
import { fmt } from '../registry.ts';
import { at, nodeLoc, type Finding, type LintContext } from '../ruleContext.ts';

const reserved = new Set(['context', 'scratch']);

export function reservedStageName(ctx: LintContext): Finding[] {
  const out: Finding[] = [];
  for (const st of ctx.dispatch.instructions.stages) {
    const name = (st.name ?? '').toLowerCase();
    if (reserved.has(name)) out.push(at(ctx, 'ReservedStageName', nodeLoc(st.from), fmt.ReservedStageName(name), null));
  }
  return out;
}
