/**
 * UndefinedArgInFrom. BuildKit: `dockerfile2llb/convert.go` `buildDispatchStates` expands the
 * FROM base name, then the `--platform` value, with `ProcessWordWithMatches` and calls
 * `validations.go` `reportUnusedFromArgs` with what was unmatched: every name that is neither a
 * global ARG (declared before the first FROM, with or without a value) nor a predeclared one,
 * including names inside `${X:-default}` (`shell/lex.go` records every lookup). Every stage,
 * needed or not, with the FROM's per-instruction comments; the suggestion is `suggest.Search`
 * over the declared names.
 */
import { processWord } from '../../args/lex.ts';
import { suggest } from '../../util/suggest.ts';
import { fmt } from '../registry.ts';
import { at, nodeLoc, type Finding, type LintContext } from '../ruleContext.ts';
import { fromScope } from './fromArgs.ts';

export function undefinedArgInFrom(ctx: LintContext): Finding[] {
  const { env, declared } = fromScope(ctx);
  const known = new Set(declared);
  const out: Finding[] = [];
  for (const st of ctx.dispatch.instructions.stages) {
    const words = [st.baseName];
    if (st.platform) words.push(st.platform);
    for (const w of words) {
      const r = processWord(w, env, ctx.escape);
      for (const name of r.unmatched) {
        if (known.has(name)) continue;
        out.push(at(ctx, 'UndefinedArgInFrom', nodeLoc(st.from), fmt.UndefinedArgInFrom(name, suggest(name, declared, true)), st.from.prevComment));
      }
    }
  }
  return out;
}
