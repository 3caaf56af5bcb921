/**
 * Cache preview: mark context files as changed and see which instructions lose their cache.
 *
 * BuildKit's rules, as its solver applies them (`solver/llbsolver/ops/exec.go` and `file.go`
 * `CacheMap`): a step's cache key covers its parent step and the content it reads, so a step
 * re-runs when
 *   - a file it reads changed: COPY/ADD sources from the context, and bind mounts of the
 *     context (content hashes of the selected paths only, after .dockerignore);
 *   - a step before it in the stage re-ran, or the stage it builds on (FROM <stage>) re-ran
 *     (the parent's cache key is part of the child's);
 *   - a stage it copies or mounts from re-ran (COPY --from, RUN --mount from=). BuildKit hashes
 *     the copied content there, so such a step stays cached when the files come out identical;
 *     the preview cannot know, and says "re-runs".
 * Not part of any key: the content of cache mounts (and of secret, ssh and tmpfs mounts), and
 * files .dockerignore drops. Metadata instructions (ENV, LABEL, USER, CMD, EXPOSE, ...) are
 * not build steps at all: they change the image config and never "run".
 * `COPY --link` / `ADD --link` copy onto an empty layer that is then merged
 * (`dockerfile2llb/convert.go` `dispatchCopy`, `llb.Merge`): the copy itself stays cached when
 * only steps before it re-ran, but the steps after it still re-run.
 */
import type { AnalysisDetail } from '../analyze.ts';
import type { Command } from '../syntax/types.ts';

export type CacheCause = 'input-changed' | 'previous-step' | 'base-stage' | 'source-stage';

export interface CacheStep {
  stage: number;
  line: number;
  endLine: number;
  /** the instruction's first line as written */
  instruction: string;
  /** true when BuildKit would execute this step again */
  reruns: boolean;
  /** why it re-runs (or why it stays cached), plain text */
  reason: string;
  /** RUN, COPY, ADD and WORKDIR are build steps; every other instruction only changes the image config */
  executes: boolean;
  /** the first rule that makes it re-run, or null when it stays cached */
  cause: CacheCause | null;
  /** changed context files this step reads itself */
  changedInputs: string[];
  /** for cause 'source-stage' (or 'base-stage'): the stage that re-ran */
  sourceStage: number | null;
}

export interface CachePreview {
  steps: CacheStep[];
  /**
   * needed stages whose result changes: a step of theirs re-runs, or they build on a stage
   * that changed (a stage of metadata instructions only still gets the new base)
   */
  rebuiltStages: number[];
  /** lines of the steps that re-run (build steps only), ascending */
  rerunLines: number[];
  /** changed paths .dockerignore drops: BuildKit never sees them, so they bust nothing */
  changedIgnored: string[];
  /** changed paths in the context that no step of a needed stage reads */
  changedUnread: string[];
}

/** Build steps: the instructions that become LLB operations (convert.go `cmdTotal` counts these). */
export function isBuildStep(kind: Command['kind']): boolean {
  return kind === 'run' || kind === 'copy' || kind === 'add' || kind === 'workdir';
}

function summarize(paths: string[]): string {
  return `${paths.slice(0, 3).join(', ')}${paths.length > 3 ? ` and ${paths.length - 3} more` : ''}`;
}

/** A changed entry as a context path: './src/' -> 'src', '.' or '' -> '' (the whole context). */
function normalizeChanged(c: string): string {
  const p = c.replace(/^(\.\/)+/, '').replace(/^\/+/, '').replace(/\/+$/, '');
  return p === '.' ? '' : p;
}

/** The entries of `set` that are `path` itself or one of its parent directories ('' = root). */
function* coveringEntries(path: string, set: Set<string>): Generator<string> {
  if (set.has('')) yield '';
  for (let i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) {
    const dir = path.slice(0, i);
    if (set.has(dir)) yield dir;
  }
  if (set.has(path)) yield path;
}

/** `changed` may hold files or directories ('src' covers every file below it): O(depth) per path. */
function matcher(changed: Set<string>): (path: string) => boolean {
  return (path) => !coveringEntries(path, changed).next().done;
}

export function previewCache(detail: AnalysisDetail, changed: Iterable<string>): CachePreview {
  // '.' (or '/') marks the whole context; empty strings mark nothing.
  const changedList = [...changed].filter((c) => typeof c === 'string' && c.trim() !== '');
  const changedSet = new Set(changedList.map(normalizeChanged));
  const isChanged = matcher(changedSet);
  const a = detail.analysis;
  const out: CacheStep[] = [];
  const rebuilt = new Set<number>();
  const readsAt = new Map<string, string[]>();
  for (const s of detail.flow?.steps ?? []) {
    if (s.from !== 'context') continue;
    const key = `${s.stage}:${s.line}`;
    readsAt.set(key, [...(readsAt.get(key) ?? []), ...s.contextReads]);
  }
  const readAnywhere = new Set<string>();
  for (const r of readsAt.values()) for (const p of r) readAnywhere.add(p);
  const stageName = (i: number) => (a.stages[i]?.name ? `"${a.stages[i].name}"` : `${i}`);
  const graph = detail.graph;

  for (const idx of a.needed) {
    const ds = detail.dispatch?.stages[idx];
    if (!ds) continue;
    // Why every build step from here on re-runs, once something re-ran.
    let chain: { cause: CacheCause; reason: string; stage: number | null } | null = null;
    if (ds.baseStage !== null && rebuilt.has(ds.baseStage)) {
      chain = { cause: 'base-stage', reason: `it builds on stage ${stageName(ds.baseStage)} (FROM), which re-ran`, stage: ds.baseStage };
      rebuilt.add(idx);
    }
    for (const dc of ds.commands) {
      const cmd = dc.cmd;
      const text = cmd.node.original.split('\n')[0];
      const executes = isBuildStep(cmd.kind);
      const reads = readsAt.get(`${idx}:${cmd.line}`) ?? [];
      const hit = executes ? [...new Set(reads.filter(isChanged))] : [];
      if (!executes) {
        out.push({
          stage: idx,
          line: cmd.line,
          endLine: cmd.endLine,
          instruction: text,
          reruns: false,
          reason: 'not a build step: it only changes the image config, so there is nothing to re-run',
          executes,
          cause: null,
          changedInputs: [],
          sourceStage: null,
        });
        continue;
      }
      let own: { cause: CacheCause; reason: string; stage: number | null } | null = null;
      if (hit.length > 0) {
        const what = cmd.kind === 'run' ? 'it mounts' : 'it copies';
        own = { cause: 'input-changed', reason: `${what} ${summarize(hit)}, which changed`, stage: null };
      }
      if (!own && graph) {
        for (const dep of graph.states[idx]?.deps ?? []) {
          if (dep.cmd !== cmd) continue;
          const node = graph.states[dep.state];
          if (node?.kind === 'stage' && rebuilt.has(node.stageIndex)) {
            const how = dep.kind === 'copy' ? 'copies from' : 'mounts';
            own = {
              cause: 'source-stage',
              reason: `it ${how} stage ${stageName(node.stageIndex)}, which re-ran (BuildKit compares the content it takes, so it stays cached only if that comes out identical)`,
              stage: node.stageIndex,
            };
            break;
          }
        }
      }
      const linked = (cmd.kind === 'copy' || cmd.kind === 'add') && cmd.link;
      let decided = own;
      let reason: string;
      if (own) {
        reason = chain && !linked ? `${own.reason}; also ${chain.reason}` : own.reason;
      } else if (chain && !linked) {
        decided = chain;
        reason = chain.reason;
      } else if (chain && linked) {
        reason = `cached: --link copies onto an empty layer, so the steps before it that re-ran do not touch its cache (${chain.reason.replace(/^it /, 'the stage ')})`;
      } else {
        reason = 'cached: nothing it reads changed and no step before it re-ran';
      }
      const reruns = decided !== null;
      if (reruns) {
        rebuilt.add(idx);
        if (!chain) chain = { cause: 'previous-step', reason: `a step before it (line ${cmd.line}) re-ran`, stage: null };
      }
      out.push({
        stage: idx,
        line: cmd.line,
        endLine: cmd.endLine,
        instruction: text,
        reruns,
        reason,
        executes,
        cause: decided?.cause ?? null,
        changedInputs: hit,
        sourceStage: decided?.stage ?? null,
      });
    }
  }
  // Which changed entries matter at all: one pass over the context, O(files x depth).
  const stats = new Map<string, { any: boolean; included: boolean; read: boolean }>();
  for (const c of changedSet) stats.set(c, { any: false, included: false, read: false });
  for (const [f, st] of Object.entries(a.context)) {
    for (const c of coveringEntries(f, changedSet)) {
      const x = stats.get(c)!;
      x.any = true;
      if (st !== 'ignored') x.included = true;
      if (readAnywhere.has(f)) x.read = true;
    }
  }
  const changedIgnored: string[] = [];
  const changedUnread: string[] = [];
  for (const c of changedList) {
    const x = stats.get(normalizeChanged(c));
    if (!x || !x.any) continue;
    if (!x.included) changedIgnored.push(c);
    else if (!x.read) changedUnread.push(c);
  }
  const rerunLines = [...new Set(out.filter((s) => s.reruns).map((s) => s.line))].sort((x, y) => x - y);
  return { steps: out, rebuiltStages: [...rebuilt].sort((x, y) => x - y), rerunLines, changedIgnored, changedUnread };
}
