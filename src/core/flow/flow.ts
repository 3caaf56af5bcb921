/**
 * The file flow: which context files each needed stage reads, what each stage's filesystem
 * holds (with provenance), and so which files reach the target. Mirrors BuildKit's COPY/ADD
 * (`dockerfile2llb/convert_copy.go` `dispatchCopy`), the file backend
 * (`solver/llbsolver/file/backend.go` `docopy`, `cleanPath`) and fsutil's copier
 * (`copy/copy.go` `Copy`, `prepareTargetDir`, `ResolveWildcards`), and RUN bind mounts
 * (`convert_runmount.go` `dispatchRunMounts`).
 */
import type { Command } from '../syntax/types.ts';
import type { DispatchResult, DispatchedCommand } from '../dispatch/types.ts';
import type { ContextStatus, FinalFile } from '../types.ts';
import type { StageGraph } from '../graph/stageGraph.ts';
import { basename, clean, isWithin, join, normalizePath, pathRelativeToWorkingDir } from '../paths.ts';
import { TreeIndex, byPath, sortedPaths, compileGlob, containsWildcards, resolveWildcards, splitWildcards, type FileEntry, type SourceTree } from './tree.ts';
import { StageFs } from './stageFs.ts';
import { childPath, listedDir, type Node } from './pathTree.ts';
import { CopyRecord } from './copyStep.ts';
import { compileExcludes } from '../context/patternmatcher.ts';

export interface FlowProblem {
  rule: string;
  message: string;
  line: number;
  endLine: number;
}

/** One context read or copy, for "why is this file here" and the cache preview. */
export interface CopyStep {
  stage: number;
  line: number;
  /** "context" or the source ref ("stage:N", "image:REF", "heredoc") */
  from: string;
  /** files read from the context by this step (relative paths) */
  contextReads: string[];
  /** destination paths written in the stage (copyStep.ts lists a copied directory's when first read) */
  readonly wrote: string[];
}

export interface FlowResult {
  context: Record<string, ContextStatus>;
  final: FinalFile[];
  /** each needed stage's filesystem after its last instruction */
  stageFs: Map<number, StageFs>;
  steps: CopyStep[];
  problems: FlowProblem[];
}

type CopyCmd = Extract<Command, { kind: 'copy' | 'add' }>;

/** Archive names ADD unpacks (BuildKit sniffs the content; the name is our offline proxy). */
const isArchive = (p: string) => /\.(tar|tar\.gz|tgz|tar\.bz2|tbz2?|tar\.xz|txz|tar\.zst|tzst)$/i.test(p);
const isUrl = (s: string) => /^https?:\/\//i.test(s);
const isGit = (s: string) => /^(git@|git:\/\/|ssh:\/\/)/.test(s) || /^https?:\/\/.*\.git(#.*)?$/i.test(s);

export function computeFlow(
  d: DispatchResult,
  graph: StageGraph,
  files: string[],
  ignored: Set<string>,
): FlowResult {
  const problems: FlowProblem[] = [];
  const steps: CopyStep[] = [];
  const sortedFiles = sortedPaths(files);
  const contextRels = sortedFiles.filter((f) => !ignored.has(f)); // contextTree.files without the leading '/'
  const contextTree = new TreeIndex(contextRels.map((f) => '/' + f));
  const contextDirs = new Map<string, Node>(); // context directories as trees, for copyDir
  const haveContext = files.length > 0;
  const reads = new Set<string>();
  const readRange = new Uint8Array(contextRels.length); // reads by copyDir, marked by index in contextRels
  const stageFs = new Map<number, StageFs>();
  const emptyTree = new TreeIndex([]);

  for (const idx of d.needed) {
    const ds = d.stages[idx];
    const baseFs = ds.baseStage !== null ? (stageFs.get(ds.baseStage) ?? null) : null;
    const fs = StageFs.fromBase(baseFs, ds.baseStage === null && ds.base !== 'scratch');
    for (const dc of ds.commands) {
      const cmd = dc.cmd;
      if (cmd.kind === 'workdir') {
        fs.mkdir(absWorkdir(dc));
      } else if (cmd.kind === 'copy' || cmd.kind === 'add') {
        copyInto(fs, idx, cmd, dc);
      } else if (cmd.kind === 'run') {
        runMounts(idx, cmd, dc);
      }
    }
    stageFs.set(idx, fs);
  }

  function absWorkdir(dc: DispatchedCommand): string {
    const p = dc.expanded.path ?? '';
    return clean(p.startsWith('/') ? p : join(dc.workdir, p)) || '/';
  }

  function runMounts(stage: number, cmd: Extract<Command, { kind: 'run' }>, dc: DispatchedCommand) {
    cmd.mounts.forEach((m, i) => {
      if (m.type !== 'bind' || (m.from !== null && m.from !== '')) return;
      // A bind mount without from= reads the context, the whole of it without source=.
      const src = normalizePath('/', dc.expanded[`mount:${i}:source`] ?? dc.expanded[`mount:${i}:src`] ?? '', false);
      const read = contextTree.isFile(src) ? [src] : contextTree.filesUnder(src);
      const rel = read.map((f) => f.slice(1));
      for (const r of rel) reads.add(r);
      steps.push({ stage, line: cmd.line, from: 'context', contextReads: rel, wrote: [] });
    });
  }

  function copyInto(fs: StageFs, stage: number, cmd: CopyCmd, dc: DispatchedCommand) {
    const dest = pathRelativeToWorkingDir(dc.workdir, dc.expanded.dest ?? cmd.dest);
    const destClean = clean(dest);
    const destIsDirHint = dest.endsWith('/');
    const sourceRef = sourceOf(stage, cmd);
    const exclude = cmd.exclude.length > 0 ? compileExcludes(cmd.exclude) : null;
    const step = new CopyRecord(stage, cmd.line, sourceRef.ref);
    steps.push(step);

    // fsutil Copy: a destination ending in '/' is created as a directory first.
    if (destIsDirHint) fs.mkdir(destClean);

    const write = (target: string, entry: FileEntry) => {
      fs.put(target, entry);
      step.write(target);
    };
    /** prepareTargetDir for one file: onto an existing directory, it lands inside. */
    const fileTarget = (name: string) => (destIsDirHint || fs.isDir(destClean) ? join(destClean, name) : destClean);

    const sources = dc.sources ?? cmd.sources;
    for (const raw of sources) {
      if (cmd.kind === 'add' && (isUrl(raw) || isGit(raw))) continue; // remote: not the context
      if (sourceRef.kind === 'context' && isUrl(raw)) continue;
      const src = normalizePath('/', raw, false);
      const tree = sourceRef.tree;
      if (!tree) {
        // An image (or a stage we cannot see into): the named path arrives, content unknown.
        if (containsWildcards(src)) continue;
        write(fileTarget(basename(src)), { from: sourceRef.ref, source: src, line: cmd.line, origin: null, opaque: true });
        continue;
      }
      let pivot = src;
      let includeRe: RegExp | null = null;
      if (cmd.kind === 'copy' && cmd.parents) {
        // --parents: an optional `/./` pivot; the rest of the path is kept under dest.
        const cut = raw.indexOf('/./');
        const pattern = cut >= 0 ? raw.slice(cut + 3) : raw;
        pivot = cut >= 0 ? normalizePath('/', raw.slice(0, cut), false) : '/';
        includeRe = compileGlob(clean(pattern).replace(/^\/+/, ''));
      }
      const matches = includeRe ? [pivot] : containsWildcards(src) ? resolveWildcards(tree, ...splitAbs(src)) : [src];
      let found = false;
      for (const m of matches) {
        if (tree.isFile(m) && !includeRe) {
          found = true;
          // copier.exclude tests paths below the copied source, never the source itself:
          // a file named (or matched by a wildcard) is always copied.
          if (cmd.kind === 'add' && cmd.unpack !== false && sourceRef.kind === 'context' && isArchive(m)) {
            // ADD unpacks a local archive into dest (backend.go docopy AttemptUnpack): the
            // archive itself is not in the image, its unknown contents are.
            const rel = m.slice(1);
            reads.add(rel);
            step.contextReads.push(rel);
            fs.mkdir(destClean);
            write(childPath(destClean, basename(m)), { from: 'context', source: rel, line: cmd.line, origin: rel, opaque: true, unpacked: true });
            continue;
          }
          copyOne(m, fileTarget(basename(m)));
        } else if (tree.isDir(m)) {
          found = true;
          // CopyDirContentsOnly: a directory's contents go into dest.
          const base = m === '/' ? '' : m;
          // (A file at '/' itself, from a heredoc named '..', is listed by filesUnder('/'): the loop.)
          if (!includeRe && !exclude && !(m === '/' && tree.isFile('/'))) copyDir(m, base);
          else {
            for (const f of tree.filesUnder(m)) {
              const rel = f.slice(base.length + 1);
              if (includeRe && !matchesSelfOrParent(includeRe, rel)) continue;
              if (exclude && exclude(rel)) continue;
              copyOne(f, childPath(destClean, rel));
            }
          }
          if (!includeRe) fs.mkdir(destClean);
        } else if (sourceRef.kind === 'stage' && !containsWildcards(src)) {
          // Made by RUN in the source stage: unknowable content, but the path is named.
          found = true;
          write(fileTarget(basename(m)), { from: sourceRef.ref, source: m, line: cmd.line, origin: null, opaque: true });
        }
      }
      if (!found && sourceRef.kind === 'scratch' && !containsWildcards(src)) {
        problems.push({
          rule: 'CopySourceNotFound',
          message: `COPY --from=scratch copies from an empty filesystem: the build fails with "${src}: not found"`,
          line: cmd.line,
          endLine: cmd.endLine,
        });
      }
      if (!found && sourceRef.kind === 'context' && haveContext && !containsWildcards(src)) {
        const rel = src.slice(1);
        const why = ignored.has(rel) || [...ignored].some((p) => p.startsWith(rel + '/')) ? ' (excluded by .dockerignore)' : '';
        problems.push({
          rule: 'CopySourceNotFound',
          message: `${cmd.kind.toUpperCase()} source "${raw}" is not in the build context${why}: the build fails with "${src}: not found"`,
          line: cmd.line,
          endLine: cmd.endLine,
        });
      }
    }
    cmd.contents.forEach((c) => {
      // Heredoc sources: a file named after the delimiter (convert_copy.go SourceContents).
      write(fileTarget(c.path), { from: 'heredoc', source: c.path, line: cmd.line, origin: null });
    });

    /**
     * The loop above for a whole directory `m`, with no patterns: grafted, not file by file.
     * (The functions it keeps are made outside, so they hold on to nothing else of this copy.)
     */
    function copyDir(m: string, base: string) {
      if (sourceRef.kind === 'context') {
        const [lo, hi] = contextTree.rangeUnder(m);
        readRange.fill(1, lo, hi);
        const read = contextRels.slice(lo, hi);
        step.contextReads = step.contextReads.length === 0 ? read : step.contextReads.concat(read);
        step.writeLater(movedContextFiles(contextRels, lo, hi, base.length, destClean));
        let src = contextDirs.get(m);
        if (!src) contextDirs.set(m, (src = listedDir(contextTree.files, lo, hi, base.length + 1)));
        fs.copyDir(destClean, src, m, contextEntry(cmd.line));
      } else if (sourceRef.fs) {
        step.writeLater(movedStageFiles(sourceRef.fs, m, base.length + 1, destClean));
        const src = sourceRef.fs.node(m);
        if (src) fs.copyDir(destClean, src, m, stageEntry(sourceRef.ref, cmd.line));
      }
    }

    function copyOne(srcPath: string, target: string) {
      if (sourceRef.kind === 'context') {
        const rel = srcPath.slice(1);
        reads.add(rel);
        step.contextReads.push(rel);
        write(target, { from: 'context', source: rel, line: cmd.line, origin: rel });
      } else {
        const prev = sourceRef.fs?.get(srcPath);
        write(target, {
          from: sourceRef.ref,
          source: srcPath,
          line: cmd.line,
          origin: prev?.origin ?? null,
          opaque: prev?.opaque,
        });
      }
    }
  }

  function sourceOf(stage: number, cmd: CopyCmd): { kind: 'context' | 'stage' | 'image' | 'scratch'; ref: string; tree: SourceTree | null; fs: StageFs | null } {
    if (cmd.kind === 'add' || !cmd.from) return { kind: 'context', ref: 'context', tree: contextTree, fs: null };
    const dep = graph.states[stage]?.deps.find((x) => x.cmd === cmd);
    if (!dep) return { kind: 'image', ref: `image:${cmd.from}`, tree: null, fs: null };
    const node = graph.states[dep.state];
    // resolveReachableStages: an image state named scratch is llb.Scratch(), an empty filesystem.
    if (node.kind === 'image' && node.ref === 'scratch') return { kind: 'scratch', ref: 'image:scratch', tree: emptyTree, fs: null };
    if (node.kind === 'image') return { kind: 'image', ref: `image:${node.ref}`, tree: null, fs: null };
    const srcFs = stageFs.get(node.stageIndex) ?? null; // null: defined later, an error already
    return { kind: 'stage', ref: `stage:${node.stageIndex}`, tree: srcFs, fs: srcFs };
  }

  // Statuses (CONTRACT.md section 2).
  // A null prototype: a context file named __proto__ is a key like any other.
  const context: Record<string, ContextStatus> = Object.create(null);
  const target = d.target;
  const targetFs = target !== null ? stageFs.get(target) : undefined;
  const finalOrigins = new Set<string>();
  for (let i = 0; i < readRange.length; i++) if (readRange[i]) reads.add(contextRels[i]);
  const final: FinalFile[] = [];
  if (targetFs) {
    for (const [p, e] of targetFs.files) {
      if (e.origin) finalOrigins.add(e.origin);
      if (e.unpacked) continue; // an unpacked archive's files are unknown: not listed
      final.push({ path: p, from: e.from, source: e.source, line: e.line });
    }
    final.sort((a, b) => byPath(a.path, b.path));
  }
  for (const f of sortedFiles) {
    if (ignored.has(f)) context[f] = 'ignored';
    else if (finalOrigins.has(f)) context[f] = 'final';
    else if (reads.has(f)) context[f] = 'build-only';
    else context[f] = 'unused';
  }
  return { context, final, stageFs, steps, problems };
}

/** The entries of the files a COPY at `line` copies from the context. */
function contextEntry(line: number): (srcPath: string) => FileEntry {
  return (p) => {
    const rel = p.slice(1);
    return { from: 'context', source: rel, line, origin: rel };
  };
}

/** The entries of the files a COPY at `line` copies from a stage (`from`): their origins carry over. */
function stageEntry(from: string, line: number): (srcPath: string, prev: FileEntry) => FileEntry {
  return (p, prev) => ({ from, source: p, line, origin: prev.origin ?? null, opaque: prev.opaque });
}

/** Where copyDir puts the context files `rels[lo..hi)`: below `dest`, without their first `cut` characters. */
function movedContextFiles(rels: string[], lo: number, hi: number, cut: number, dest: string): () => string[] {
  return () => rels.slice(lo, hi).map((rel) => childPath(dest, rel.slice(cut)));
}

/** Where copyDir puts the files below `dir` of a built stage: below `dest`, without their first `cut` characters. */
function movedStageFiles(srcFs: StageFs, dir: string, cut: number, dest: string): () => string[] {
  return () => srcFs.filesUnder(dir).map((f) => childPath(dest, f.slice(cut)));
}

function splitAbs(src: string): [string, string] {
  const [d1, d2] = splitWildcards(src);
  return [d1 === '.' ? '/' : d1, d2];
}

/** fsutil include patterns: a path is included when it or one of its parents matches. */
function matchesSelfOrParent(re: RegExp, rel: string): boolean {
  if (re.test(rel)) return true;
  let i = rel.lastIndexOf('/');
  while (i > 0) {
    if (re.test(rel.slice(0, i))) return true;
    i = rel.lastIndexOf('/', i - 1);
  }
  return false;
}

export { isWithin };
