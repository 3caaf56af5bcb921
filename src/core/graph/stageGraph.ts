/**
 * The stage graph exactly as BuildKit builds it in `dockerfile2llb/convert.go`:
 * `buildDispatchStates` (FROM expansion, `addState` linking a FROM only to an EARLIER stage by
 * exact-case name), `buildStageDependencyGraph` + `toCommand` (`--from` resolved after all
 * stages exist, lower-cased, numeric index for COPY, unknown names become image states),
 * `detectRunMount` (mount `from=` by name only), `validateCircularDependency`,
 * `resolveTarget` and `allReachableStages`.
 */
import type { Command, InstructionsResult, Stage } from '../syntax/types.ts';
import type { Edge } from '../types.ts';
import { processWord, type EnvGetter } from '../args/lex.ts';
import { parseNormalizedNamed } from './reference.ts';
import { suggest } from '../util/suggest.ts';

export interface GraphProblem {
  rule: string;
  message: string;
  line: number;
  endLine: number;
}

/** One dependency of a stage on another state (BuildKit's `dispatchState.deps`). */
export interface Dependency {
  kind: 'copy' | 'mount';
  /** index into `states` */
  state: number;
  cmd: Command;
  /** for mounts: which mount of the RUN */
  mountIndex?: number;
}

/** A dispatch state: a stage of the file, or an image named by `--from` (unregistered). */
export interface StateNode {
  kind: 'stage' | 'image';
  /** for stages: the stage index; for images: -1 */
  stageIndex: number;
  /** for images: the reference as written in --from / from= */
  ref: string;
  /** BuildKit's stageName: the stage name, or `stage-N`; '' for a lone stage */
  stageName: string;
  deps: Dependency[];
}

export interface StageGraph {
  /** per stage: FROM after expansion */
  bases: string[];
  /** per stage: names FROM used that no one declared (UndefinedArgInFrom) */
  fromUnmatched: string[][];
  platforms: (string | null)[];
  platformUnmatched: string[][];
  /** per stage: index of the earlier stage FROM links to, or null */
  baseStage: (number | null)[];
  states: StateNode[];
  edges: Edge[];
  target: number | null;
  needed: number[];
  problems: GraphProblem[];
}

const scratch = 'scratch';

/** `--from` values that are stage indexes: `strconv.Atoi` accepts an optional sign. */
function atoi(s: string): number | null {
  if (!/^[+-]?\d{1,18}$/.test(s)) return null;
  return Number(s);
}

function loc(cmd: { line: number; endLine: number }) {
  return { line: cmd.line, endLine: cmd.endLine };
}

export function buildStageGraph(
  instr: InstructionsResult,
  globalArgs: EnvGetter,
  target: string | null,
): StageGraph {
  const escape = instr.parsed.directives.escape;
  const stages = instr.stages;
  const problems: GraphProblem[] = [];
  const bases: string[] = [];
  const fromUnmatched: string[][] = [];
  const platforms: (string | null)[] = [];
  const platformUnmatched: string[][] = [];
  const baseStage: (number | null)[] = [];
  const states: StateNode[] = [];
  const statesByName = new Map<string, number>(); // lower-cased name -> state index
  const edges: Edge[] = [];

  // buildDispatchStates + addState
  stages.forEach((st: Stage, i) => {
    const res = processWord(st.baseName, globalArgs, escape);
    fromUnmatched.push([...res.unmatched]);
    if (res.error) problems.push({ rule: 'InvalidBaseName', message: res.error, ...loc(st) });
    let base = res.value;
    if (base === '' && !res.error) {
      problems.push({ rule: 'InvalidBaseName', message: `base name (${st.baseName}) should not be blank`, ...loc(st) });
    }
    if (st.platform) {
      const p = processWord(st.platform, globalArgs, escape);
      platforms.push(p.value);
      platformUnmatched.push([...p.unmatched]);
      if (p.value === '' && !p.error) {
        problems.push({ rule: 'InvalidPlatform', message: `empty platform value from expression ${st.platform}`, ...loc(st) });
      }
    } else {
      platforms.push(null);
      platformUnmatched.push([]);
    }
    bases.push(base);
    const linked = statesByName.get(base); // exact case: addState looks up stage.BaseName as is
    baseStage.push(linked !== undefined ? states[linked].stageIndex : null);
    if (linked === undefined && base !== scratch && base !== '') {
      // resolveBaseImage runs for every stage without a base stage, needed or not.
      const ref = parseNormalizedNamed(base);
      if (!ref.ok) {
        problems.push({ rule: 'InvalidBaseImage', message: `failed to parse stage name "${base}": ${ref.error}`, ...loc(st) });
      }
    }
    if (base === '') base = st.baseName;
    states.push({ kind: 'stage', stageIndex: i, ref: base, stageName: st.name ?? `stage-${i}`, deps: [] });
    if (st.name) statesByName.set(st.name.toLowerCase(), states.length - 1);
    edges.push({
      from: linked !== undefined ? `stage:${states[linked].stageIndex}` : `image:${base}`,
      to: i,
      kind: 'base',
      line: st.line,
    });
  });
  if (stages.length === 1) states[0].stageName = '';

  const imageState = (ref: string): number => {
    states.push({ kind: 'image', stageIndex: -1, ref, stageName: '', deps: [] });
    return states.length - 1;
  };
  const stateRef = (s: number) => (states[s].kind === 'stage' ? `stage:${states[s].stageIndex}` : `image:${states[s].ref}`);

  // buildStageDependencyGraph + toCommand + detectRunMount
  stages.forEach((st, i) => {
    const self = i; // stages are registered first, in order: a stage's state index is its index
    for (const cmd of st.commands) {
      if (cmd.kind === 'copy' && cmd.from !== null && cmd.from !== '') {
        const from = cmd.from;
        const check = processWord(from, { get: () => undefined, keys: () => [] }, escape);
        if (check.value !== from || check.error) {
          problems.push({
            rule: 'FromVariableExpansion',
            message: 'variable expansion is not supported for --from, define a new stage with FROM using ARG from global scope as a workaround',
            ...loc(cmd),
          });
          continue;
        }
        const index = atoi(from);
        let src: number;
        if (index === null) {
          const found = statesByName.get(from.toLowerCase());
          src = found !== undefined ? found : imageState(from);
        } else if (index < 0 || index >= states.length) {
          // findStateByIndex counts every state registered so far, images named by earlier
          // --from included, exactly as BuildKit's dispatchStates.states grows.
          problems.push({ rule: 'InvalidStageIndex', message: `invalid stage index ${index}`, ...loc(cmd) });
          continue;
        } else {
          src = index;
        }
        states[self].deps.push({ kind: 'copy', state: src, cmd });
        edges.push({ from: stateRef(src), to: i, kind: 'copy', line: cmd.line });
      }
      if (cmd.kind === 'run') {
        cmd.mounts.forEach((m, mountIndex) => {
          if (m.from === null || m.from === '') {
            // detectRunMount gives every mount a source: without from= it is an unregistered
            // "scratch" state, appended to the states, which shifts later numeric --from
            // indexes (findStateByIndex counts every state). No edge: it reads nothing.
            imageState(scratch);
            return;
          }
          const found = statesByName.get(m.from.toLowerCase());
          const src = found !== undefined ? found : imageState(m.from);
          states[self].deps.push({ kind: 'mount', state: src, cmd, mountIndex });
          edges.push({ from: stateRef(src), to: i, kind: 'mount', line: cmd.line });
        });
      }
    }
  });

  const cycle = findCycle(states);
  if (cycle) problems.push(cycle);

  // resolveTarget
  let targetIndex: number | null = stages.length > 0 ? stages.length - 1 : null;
  if (target !== null && target !== '') {
    const found = statesByName.get(target.toLowerCase());
    if (found === undefined) {
      const names = states.filter((s) => s.kind === 'stage' && s.stageName !== '' && stages[s.stageIndex].name).map((s) => s.stageName);
      const hint = suggest(target, names, true);
      problems.push({
        rule: 'UnknownTarget',
        message: `target stage "${target}" could not be found${hint ? ` (did you mean ${hint}?)` : ''}`,
        line: stages[0]?.line ?? 1,
        endLine: stages[0]?.line ?? 1,
      });
      targetIndex = null;
    } else {
      targetIndex = states[found].stageIndex;
    }
  }

  // allReachableStages / addReachableStages
  const needed: number[] = [];
  if (targetIndex !== null) {
    const seen = new Set<number>();
    const stack = [targetIndex]; // a stage's state index is its stage index
    while (stack.length > 0) {
      const s = stack.pop()!;
      if (seen.has(s)) continue;
      seen.add(s);
      const node = states[s];
      if (node.kind !== 'stage') continue;
      needed.push(node.stageIndex);
      const b = baseStage[node.stageIndex];
      if (b !== null) stack.push(b);
      for (const d of node.deps) stack.push(d.state);
    }
    needed.sort((a, b) => a - b);
  }

  return { bases, fromUnmatched, platforms, platformUnmatched, baseStage, states, edges, target: targetIndex, needed, problems };
}

/** `validateCircularDependency` (dockerfile2llb/validations.go): any cycle in copy/mount deps. */
function findCycle(states: StateNode[]): GraphProblem | null {
  const visited = new Set<number>();
  const onPath = new Set<number>();
  const visit = (s: number, current: Command[]): Command[] | null => {
    if (visited.has(s)) return null;
    visited.add(s);
    onPath.add(s);
    for (const dep of states[s].deps) {
      const next = [...current, dep.cmd];
      if (onPath.has(dep.state)) return next;
      const found = visit(dep.state, next);
      if (found) return found;
    }
    onPath.delete(s);
    return null;
  };
  for (let s = 0; s < states.length; s++) {
    const cmds = visit(s, []);
    if (cmds) {
      const first = cmds[0];
      return {
        rule: 'CircularDependency',
        message: `circular dependency detected on stage: ${states[s].stageName || states[s].ref}`,
        line: first.line,
        endLine: first.endLine,
      };
    }
  }
  return null;
}
