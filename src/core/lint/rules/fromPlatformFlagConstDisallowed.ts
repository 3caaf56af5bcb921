/**
 * FromPlatformFlagConstDisallowed. BuildKit: `dockerfile2llb/validations.go`
 * `reportConstPlatformDisallowed`, from `convert.go` `buildDispatchStates` for every stage with
 * a `--platform`: reported when the value uses no variable at all, parses as a platform
 * (`platforms.Parse`), and the stage name contains neither its OS nor its architecture.
 * The message quotes the value (`%q`).
 */
import { processWord } from '../../args/lex.ts';
import { fmt } from '../registry.ts';
import { at, nodeLoc, type Finding, type LintContext } from '../ruleContext.ts';
import { fromScope } from './fromArgs.ts';
import { parsePlatform } from './platformParse.ts';

export function fromPlatformFlagConstDisallowed(ctx: LintContext): Finding[] {
  const { env } = fromScope(ctx);
  const out: Finding[] = [];
  for (const st of ctx.dispatch.instructions.stages) {
    if (!st.platform) continue;
    const r = processWord(st.platform, env, ctx.escape);
    if (r.matched.size > 0 || r.unmatched.size > 0) continue;
    const p = parsePlatform(r.value);
    if (!p) continue;
    const name = st.name ?? '';
    if (name.includes(p.os) || name.includes(p.architecture)) continue;
    out.push(at(ctx, 'FromPlatformFlagConstDisallowed', nodeLoc(st.from), fmt.FromPlatformFlagConstDisallowed(r.value), st.from.prevComment));
  }
  return out;
}
