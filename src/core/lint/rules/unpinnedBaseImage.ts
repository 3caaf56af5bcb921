/**
 * UnpinnedBaseImage (Stagecraft). A needed stage whose FROM (after ARG expansion) is an image,
 * not a stage nor scratch, with no digest and no tag or the `latest` tag. Reported at the FROM.
 */
import { ruleMessage } from '../messages.ts';
import { at, nodeLoc, type Finding, type LintContext } from '../ruleContext.ts';
import { splitImage } from './images.ts';

export function unpinnedBaseImage(ctx: LintContext): Finding[] {
  const out: Finding[] = [];
  for (const st of ctx.neededStages) {
    if (st.baseStage !== null || st.base === '' || st.base === 'scratch') continue;
    const { tag, digest } = splitImage(st.base);
    if (digest !== null) continue;
    if (tag !== null && tag !== 'latest') continue;
    out.push(at(ctx, 'UnpinnedBaseImage', nodeLoc(st.stage.from), ruleMessage.UnpinnedBaseImage(st.base, tag === 'latest'), st.stage.from.prevComment));
  }
  return out;
}
