/**
 * InvalidDefaultArgInFrom. BuildKit: `dockerfile2llb/validations.go`
 * `validateBaseImagesWithDefaultArgs`, from `convert.go` `toDispatchState` with the file-level
 * configuration: every stage's FROM is expanded with the global ARGs' DEFAULTS only (no
 * `--build-arg` for them) and must then be a valid image reference
 * (`reference.ParseNormalizedNamed`; stage names and `scratch` are valid references). An
 * expansion error abandons the check for the remaining stages, as in BuildKit. The message
 * quotes the FROM argument as written.
 */
import { processWord } from '../../args/lex.ts';
import { parseNormalizedNamed } from '../../graph/reference.ts';
import { fmt } from '../registry.ts';
import { at, nodeLoc, type Finding, type LintContext } from '../ruleContext.ts';
import { fromScope } from './fromArgs.ts';

export function invalidDefaultArgInFrom(ctx: LintContext): Finding[] {
  const { defaultsEnv } = fromScope(ctx);
  const out: Finding[] = [];
  for (const st of ctx.dispatch.instructions.stages) {
    const r = processWord(st.baseName, defaultsEnv, ctx.escape);
    if (r.error) break;
    if (!parseNormalizedNamed(r.value).ok) {
      out.push(at(ctx, 'InvalidDefaultArgInFrom', nodeLoc(st.from), fmt.InvalidDefaultArgInFrom(st.baseName), null));
    }
  }
  return out;
}
