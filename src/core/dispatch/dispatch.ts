/**
 * The dispatcher: walks the stages the target needs, in file order, the way BuildKit's
 * `dispatchStages` (dockerfile2llb/convert.go) does, tracking what each instruction sees:
 * ENV and ARG scopes (`dispatchEnv`, `dispatchArg`), WORKDIR (`dispatchWorkdir`), SHELL, and
 * the variables each expansion could not resolve (`reportUnmatchedVariables`). It only
 * computes; the flow model and the lint rules read its result.
 */
import type { Command, InstructionsResult, Stage } from '../syntax/types.ts';
import type { DispatchedCommand, DispatchedStage, DispatchResult } from './types.ts';
import { processWord, processWords, type EnvGetter } from '../args/lex.ts';
import { buildStageGraph, type GraphProblem, type StageGraph } from '../graph/stageGraph.ts';
import { clean, isAbs, join } from '../paths.ts';
import { parse } from '../syntax/instructions.ts';

/** BuildKit `system.DefaultPathEnv("linux")`: PATH is always set, so it is never undefined. */
export const defaultPath = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** Args that never become environment variables (`nonEnvArgs` in convert.go). */
const nonEnvArgs = new Set(['BUILDKIT_SBOM_SCAN_CONTEXT', 'BUILDKIT_SBOM_SCAN_STAGE']);

/** An ordered environment, like llb's EnvList: insertion order kept, keys replaced in place. */
export class Env implements EnvGetter {
  private readonly m: Map<string, string>;
  constructor(from?: Iterable<[string, string]>) {
    this.m = new Map(from);
  }
  get(key: string): string | undefined {
    return this.m.get(key);
  }
  keys(): string[] {
    return [...this.m.keys()];
  }
  set(key: string, value: string): void {
    this.m.set(key, value);
  }
  clone(): Env {
    return new Env(this.m);
  }
}

/**
 * `platform.go` `defaultArgs`: the predeclared platform ARGs. Stagecraft assumes a linux/amd64
 * builder and target, the default on most machines; `--build-arg` may override any of them.
 */
export function defaultArgs(buildArgs: Record<string, string>, target: string): Env {
  const pairs: [string, string][] = [
    ['BUILDPLATFORM', 'linux/amd64'],
    ['BUILDOS', 'linux'],
    ['BUILDOSVERSION', ''],
    ['BUILDARCH', 'amd64'],
    ['BUILDVARIANT', ''],
    ['TARGETPLATFORM', 'linux/amd64'],
    ['TARGETOS', 'linux'],
    ['TARGETOSVERSION', ''],
    ['TARGETARCH', 'amd64'],
    ['TARGETVARIANT', ''],
    ['TARGETSTAGE', target === '' ? 'default' : target],
  ];
  return new Env(pairs.map(([k, v]) => [k, Object.hasOwn(buildArgs, k) ? buildArgs[k] : v]));
}

export interface MetaArgInfo {
  key: string;
  value: string | null;
  line: number;
}

/** `buildMetaArgs`: global ARGs in order, each default expanded with the ARGs before it. */
export function buildMetaArgs(
  base: Env,
  instr: InstructionsResult,
  buildArgs: Record<string, string>,
  useBuildArgs: boolean,
): { env: Env; args: MetaArgInfo[] } {
  const env = base.clone();
  const escape = instr.parsed.directives.escape;
  const args: MetaArgInfo[] = [];
  for (const cmd of instr.metaArgs) {
    for (const kp of cmd.args) {
      let value: string | null = kp.value;
      if (useBuildArgs && Object.hasOwn(buildArgs, kp.key)) {
        value = buildArgs[kp.key];
      } else if (value !== null) {
        value = processWord(value, env, escape).value;
      }
      if (value !== null) env.set(kp.key, value);
      args.push({ key: kp.key, value, line: cmd.line });
    }
  }
  return { env, args };
}

interface StageState {
  env: Env;
  workdir: string;
  workdirSet: boolean;
  shellSet: boolean;
  /** declared ARGs (BuildKit's `d.buildArgs`) */
  argKeys: string[];
}

export interface DispatchOutput extends DispatchResult {
  graph: StageGraph;
  problems: GraphProblem[];
}

export function dispatch(
  instr: InstructionsResult,
  target: string | null,
  buildArgs: Record<string, string>,
): DispatchOutput {
  const stages = instr.stages;
  const escape = instr.parsed.directives.escape;
  const targetName = target && target !== '' ? target : (stages[stages.length - 1]?.name ?? '');
  const defaults = defaultArgs(buildArgs, targetName);
  const { env: globalArgs, args: metaArgs } = buildMetaArgs(defaults, instr, buildArgs, true);
  const graph = buildStageGraph(instr, globalArgs, target);
  const problems: GraphProblem[] = [...graph.problems];
  // `validateBaseImagesWithDefaultArgs`: FROM expanded with defaults only, no --build-arg.
  const { env: defaultGlobals } = buildMetaArgs(defaultArgs({}, targetName), instr, {}, false);

  const neededSet = new Set(graph.needed);
  const finalStates = new Map<number, StageState>();
  const dispatched = new Set<number>();
  const out: DispatchedStage[] = stages.map((st, i) => ({
    index: i,
    stage: st,
    base: graph.bases[i],
    fromUnmatched: graph.fromUnmatched[i],
    baseWithDefaults: processWord(st.baseName, defaultGlobals, escape).value,
    platform: graph.platforms[i],
    baseStage: graph.baseStage[i],
    commands: [],
  }));

  for (let i = 0; i < stages.length; i++) {
    if (!neededSet.has(i)) continue;
    const st = stages[i];
    const b = graph.baseStage[i];
    const inherited = b !== null ? finalStates.get(b) : undefined;
    const state: StageState = inherited
      ? { env: inherited.env.clone(), workdir: inherited.workdir, workdirSet: inherited.workdirSet, shellSet: inherited.shellSet, argKeys: [...inherited.argKeys] }
      : { env: new Env([['PATH', defaultPath]]), workdir: '/', workdirSet: false, shellSet: false, argKeys: [] };
    const commands = [...onBuildTriggers(b !== null ? stages[b] : null, st), ...st.commands];
    for (const cmd of commands) {
      out[i].commands.push(dispatchCommand(cmd, state, globalArgs, buildArgs, escape, problems, dispatched, graph, i));
    }
    dispatched.add(i);
    finalStates.set(i, state);
  }

  return {
    instructions: instr,
    stages: out,
    needed: graph.needed,
    target: graph.target,
    metaArgs,
    buildArgs,
    graph,
    problems,
  };
}

/**
 * `initOnBuildTriggers`: a stage built on a stage runs that stage's ONBUILD instructions first,
 * located at the child's FROM line.
 */
function onBuildTriggers(base: Stage | null, child: Stage): Command[] {
  if (!base) return [];
  const out: Command[] = [];
  for (const cmd of base.commands) {
    if (cmd.kind !== 'onbuild') continue;
    const trigger = parse(`FROM scratch\n${cmd.expression}`).stages[0]?.commands ?? [];
    for (const t of trigger) out.push({ ...t, line: child.line, endLine: child.line } as Command);
  }
  return out;
}

function dispatchCommand(
  cmd: Command,
  state: StageState,
  globalArgs: Env,
  buildArgs: Record<string, string>,
  escape: '\\' | '`',
  problems: GraphProblem[],
  dispatched: Set<number>,
  graph: StageGraph,
  stageIndex: number,
): DispatchedCommand {
  const unmatched: string[] = [];
  const expanded: Record<string, string> = {};
  const before: DispatchedCommand = {
    cmd,
    unmatched,
    envKeys: state.env.keys(),
    argKeys: [...state.argKeys],
    workdir: state.workdir,
    workdirSet: state.workdirSet,
    shellSet: state.shellSet,
    expanded,
  };
  const expand = (word: string): string => {
    const r = processWord(word, state.env, escape);
    for (const u of r.unmatched) unmatched.push(u);
    if (r.error) problems.push({ rule: 'ExpansionError', message: r.error, line: cmd.line, endLine: cmd.endLine });
    return r.value;
  };
  const problem = (rule: string, message: string) => problems.push({ rule, message, line: cmd.line, endLine: cmd.endLine });

  switch (cmd.kind) {
    case 'env': {
      // EnvCommand.Expand runs before any pair is set: pairs of one ENV do not see each other.
      const pairs = cmd.env.map((kv) => [expand(kv.key), expand(kv.value)] as const);
      for (const [k, v] of pairs) {
        expanded[`key:${k}`] = k;
        expanded[`value:${k}`] = v;
        state.env.set(k, v);
      }
      break;
    }
    case 'arg': {
      // dispatchArg: build-arg value, else the default expanded, else the global value.
      for (const arg of cmd.args) {
        let value: string | null = arg.value;
        const hasValue = Object.hasOwn(buildArgs, arg.key);
        if (!hasValue && value === null) {
          const g = globalArgs.get(arg.key);
          if (g !== undefined) value = g;
        }
        if (hasValue) value = buildArgs[arg.key];
        else if (arg.value !== null) value = expand(arg.value);
        if (value !== null) {
          if (!nonEnvArgs.has(arg.key)) state.env.set(arg.key, value);
          expanded[`value:${arg.key}`] = value;
        }
        expanded[`key:${arg.key}`] = arg.key;
        state.argKeys.push(arg.key);
      }
      break;
    }
    case 'label':
      for (const kv of cmd.labels) {
        const k = expand(kv.key);
        expanded[`key:${k}`] = k;
        expanded[`value:${k}`] = expand(kv.value);
      }
      break;
    case 'workdir': {
      const p = expand(cmd.path);
      expanded.path = p;
      state.workdirSet = true;
      // system.NormalizeWorkdir: relative paths join the current WORKDIR.
      state.workdir = clean(isAbs(p) ? p : join(state.workdir, p));
      if (!isAbs(state.workdir)) state.workdir = '/' + state.workdir;
      break;
    }
    case 'user':
      expanded.user = expand(cmd.user);
      break;
    case 'volume':
      cmd.volumes.forEach((v, i) => (expanded[`volume:${i}`] = expand(v)));
      break;
    case 'stopsignal':
      expanded.signal = expand(cmd.signal);
      break;
    case 'expose': {
      // dispatchExpose: ProcessWords (word splitting) on each port.
      const ports: string[] = [];
      for (const p of cmd.ports) {
        const r = processWords(p, state.env, escape);
        ports.push(...r.words);
      }
      expanded.ports = ports.join(' ');
      break;
    }
    case 'shell':
      state.shellSet = true;
      break;
    case 'run':
      // setMountState re-parses every mount with the expander: every option value expands.
      cmd.mounts.forEach((m, i) => {
        for (const [k, v] of Object.entries(m.options)) expanded[`mount:${i}:${k}`] = expand(v);
        const srcDep = m.from ? depState(graph, stageIndex, cmd, i) : null;
        if (srcDep !== null && graph.states[srcDep].kind === 'stage' && !dispatched.has(srcDep)) {
          problem('CopyFromLaterStage', `cannot mount from stage "${m.from}" to "${m.target ?? ''}", stage needs to be defined before current command`);
        }
      });
      break;
    case 'copy':
    case 'add': {
      const sources = cmd.sources.map((s) => expand(s));
      before.sources = sources;
      expanded.dest = expand(cmd.dest);
      if (cmd.chown) expanded.chown = expand(cmd.chown);
      if (cmd.chmod) expanded.chmod = expand(cmd.chmod);
      if (cmd.kind === 'add' && cmd.checksum) expanded.checksum = expand(cmd.checksum);
      cmd.contents.forEach((c, i) => {
        if (c.expand) {
          // ExpandRaw: a lexer with escape '\\' and quotes left alone.
          const r = processWord(c.data, state.env, '\\', { rawQuotes: true });
          for (const u of r.unmatched) unmatched.push(u);
          expanded[`content:${i}`] = r.value;
        } else {
          expanded[`content:${i}`] = c.data;
        }
      });
      if (cmd.kind === 'copy' && cmd.from) {
        const src = depState(graph, stageIndex, cmd, null);
        if (src !== null && graph.states[src].kind === 'stage' && !dispatched.has(src)) {
          const name = graph.states[stageIndex]?.stageName || `stage-${stageIndex}`;
          problem('CopyFromLaterStage', `cannot copy from stage "${cmd.from}", it needs to be defined before current stage "${name}"`);
        }
      }
      break;
    }
    default:
      break;
  }
  return before;
}

/**
 * The state a COPY --from or a mount of this command depends on. Stages are registered first,
 * in file order, so a stage's state index is its stage index.
 */
function depState(graph: StageGraph, stageIndex: number, cmd: Command, mountIndex: number | null): number | null {
  const dep = graph.states[stageIndex]?.deps.find((d) => d.cmd === cmd && (mountIndex === null || d.mountIndex === mountIndex));
  return dep ? dep.state : null;
}
