/**
 * UndefinedVar. BuildKit: `dockerfile2llb/convert.go` `dispatch` expands each word of an
 * instruction (and `dispatchArg` each ARG default) and calls `validations.go`
 * `reportUnmatchedVariables` with the names the lexer could not resolve: names declared as ARG
 * in the stage (even without a value) and `BUILDKIT_SBOM_SCAN_*` are dropped; PATH is always
 * set (`dispatchStages`). One finding per name and expanded word, with `suggest.Search` over
 * the environment's keys. Needed stages only. Identical findings on one instruction (the same
 * name in two words) are reported once.
 */
import { processWord } from '../../args/lex.ts';
import type { DispatchedCommand } from '../../dispatch/types.ts';
import { suggest } from '../../util/suggest.ts';
import { fmt } from '../registry.ts';
import { at, neededCommands, type Finding, type LintContext } from '../ruleContext.ts';

const nonEnvArgs = new Set(['BUILDKIT_SBOM_SCAN_CONTEXT', 'BUILDKIT_SBOM_SCAN_STAGE']);

/**
 * For ARG, BuildKit checks each default against the ARGs declared BEFORE that key
 * (`d.buildArgs` grows key by key), so `ARG a=$a` reports `a`. Recomputed here per key.
 */
function argUnmatched(ctx: LintContext, dc: DispatchedCommand): { name: string; options: string[] }[] {
  if (dc.cmd.kind !== 'arg') return [];
  const env = new Map<string, string>(dc.envKeys.map((k) => [k, '']));
  const declared = new Set(dc.argKeys);
  const out: { name: string; options: string[] }[] = [];
  for (const a of dc.cmd.args) {
    const fromBuildArg = Object.hasOwn(ctx.dispatch.buildArgs, a.key);
    if (!fromBuildArg && a.value !== null) {
      const r = processWord(a.value, { get: (k) => env.get(k), keys: () => [...env.keys()] }, ctx.escape);
      for (const name of r.unmatched) if (!declared.has(name)) out.push({ name, options: [...env.keys()] });
    }
    declared.add(a.key);
    const v = dc.expanded[`value:${a.key}`];
    if (v !== undefined && !nonEnvArgs.has(a.key)) env.set(a.key, v);
  }
  return out;
}

export function undefinedVar(ctx: LintContext): Finding[] {
  const out: Finding[] = [];
  for (const { dc } of neededCommands(ctx)) {
    const cmd = dc.cmd;
    const found =
      cmd.kind === 'arg'
        ? argUnmatched(ctx, dc)
        : dc.unmatched.filter((n) => !dc.argKeys.includes(n)).map((name) => ({ name, options: dc.envKeys }));
    const seen = new Set<string>();
    for (const { name, options } of found) {
      if (nonEnvArgs.has(name) || name === 'PATH' || seen.has(name)) continue;
      seen.add(name);
      const opts = options.includes('PATH') ? options : [...options, 'PATH'];
      out.push(at(ctx, 'UndefinedVar', cmd, fmt.UndefinedVar(name, suggest(name, opts, true)), cmd.node.prevComment));
    }
  }
  return out;
}
