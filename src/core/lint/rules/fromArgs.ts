/**
 * The global ARG scope FROM lines are expanded with, as `convert.go` `toDispatchState` builds
 * it: `defaultArgs` (the predeclared platform ARGs, `--build-arg` overriding them), then
 * `buildMetaArgs` over the ARGs before the first FROM. Shared by UndefinedArgInFrom,
 * RedundantTargetPlatform, FromPlatformFlagConstDisallowed and InvalidDefaultArgInFrom.
 */
import { buildMetaArgs, defaultArgs, type Env } from '../../dispatch/dispatch.ts';
import type { LintContext } from '../ruleContext.ts';

export interface FromScope {
  /** globalArgs after build args (what FROM is expanded with) */
  env: Env;
  /** globalArgs with ARG defaults only (`validateBaseImagesWithDefaultArgs`) */
  defaultsEnv: Env;
  /** `unusedFromArgsCheckKeys`: every meta ARG key and every global arg key */
  declared: string[];
}

const cache = new WeakMap<object, FromScope>();

export function fromScope(ctx: LintContext): FromScope {
  const hit = cache.get(ctx.dispatch);
  if (hit) return hit;
  const instr = ctx.dispatch.instructions;
  const stages = instr.stages;
  const t = ctx.dispatch.target;
  const targetName = (t !== null ? stages[t]?.name : stages[stages.length - 1]?.name) ?? '';
  const buildArgs = ctx.dispatch.buildArgs;
  const { env, args } = buildMetaArgs(defaultArgs(buildArgs, targetName), instr, buildArgs, true);
  const { env: defaultsEnv } = buildMetaArgs(defaultArgs(buildArgs, targetName), instr, {}, false);
  const declared = [...new Set([...env.keys(), ...args.map((a) => a.key)])];
  const scope = { env, defaultsEnv, declared };
  cache.set(ctx.dispatch, scope);
  return scope;
}
