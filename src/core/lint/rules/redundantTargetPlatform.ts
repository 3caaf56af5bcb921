/**
 * RedundantTargetPlatform. BuildKit: `dockerfile2llb/validations.go`
 * `reportRedundantTargetPlatform`, from `convert.go` `buildDispatchStates` for every stage with
 * a `--platform`: reported when the expansion looked up exactly one name, TARGETPLATFORM, found
 * it, and the result equals its value (`$TARGETPLATFORM`, `${TARGETPLATFORM}`,
 * `${TARGETPLATFORM:-x}`...). The message quotes the flag value as written.
 */
import { processWord } from '../../args/lex.ts';
import { fmt } from '../registry.ts';
import { at, nodeLoc, replaceInstruction, type Finding, type LintContext } from '../ruleContext.ts';
import { fromScope } from './fromArgs.ts';
import { instructionTokens } from './fromTokens.ts';

export function redundantTargetPlatform(ctx: LintContext): Finding[] {
  const { env } = fromScope(ctx);
  const out: Finding[] = [];
  for (const st of ctx.dispatch.instructions.stages) {
    if (!st.platform) continue;
    const r = processWord(st.platform, env, ctx.escape);
    if (r.matched.size !== 1 || r.unmatched.size !== 0 || !r.matched.has('TARGETPLATFORM')) continue;
    if (r.value !== env.get('TARGETPLATFORM')) continue;
    const f = at(ctx, 'RedundantTargetPlatform', nodeLoc(st.from), fmt.RedundantTargetPlatform(st.platform), st.from.prevComment);
    // fix: drop the --platform flag (single-line FROM only)
    if (st.from.startLine === st.from.endLine) {
      const toks = instructionTokens(ctx, st.from).filter((t) => !/^--platform=/i.test(t.text));
      if (toks.length > 0 && toks[0].text === st.from.keyword) {
        const edit = replaceInstruction(ctx, st.from, toks.map((t) => t.text).join(' '));
        if (edit) f.fix = { title: 'Remove --platform', edits: [edit] };
      }
    }
    out.push(f);
  }
  return out;
}
