/**
 * Small helpers the explainers share: how to name a stage, which stage a line is in, whether a
 * COPY source covers a context path (and whether `--exclude` drops it), and short summaries of
 * long path lists.
 */
import type { AnalysisDetail } from '../analyze.ts';
import type { Command } from '../syntax/types.ts';
import type { DispatchedCommand } from '../dispatch/types.ts';
import { basename, isWithin, normalizePath } from '../paths.ts';
import { compileGlob, containsWildcards } from '../flow/tree.ts';
import { compileExcludes } from '../context/patternmatcher.ts';

export type CopyCommand = Extract<Command, { kind: 'copy' | 'add' }>;

/** `stage "build"`, or `stage 2` for an unnamed stage. */
export function stageLabel(detail: AnalysisDetail, i: number | null): string {
  if (i === null) return 'an unknown stage';
  const s = detail.analysis.stages[i];
  return s?.name ? `stage "${s.name}"` : `stage ${i}`;
}

/** The stage whose FROM..last instruction range holds the line, or null. */
export function stageOfLine(detail: AnalysisDetail, line: number): number | null {
  const s = detail.analysis.stages.find((st) => line >= st.line && line <= st.endLine);
  return s ? s.index : null;
}

/** The target, then the stage it builds on, and so on: the stages whose files are the image. */
export function targetChain(detail: AnalysisDetail): number[] {
  const out: number[] = [];
  for (let s = detail.analysis.target; s !== null && s !== undefined && !out.includes(s); s = detail.analysis.stages[s]?.baseStage ?? null) {
    out.push(s);
  }
  return out;
}

export const isRemote = (s: string): boolean =>
  /^(https?:\/\/|git@|git:\/\/|ssh:\/\/)/i.test(s) || /^[a-z]+:\/\/.*\.git(#.*)?$/i.test(s);

/**
 * Does this COPY/ADD source (as BuildKit normalises it against `/` of the context) take the
 * context path `rel`? Returns the part of the source it matched (the directory, file or
 * wildcard match), or null.
 */
export function sourceMatch(src: string, rel: string): string | null {
  if (isRemote(src)) return null;
  const p = normalizePath('/', src, false);
  if (containsWildcards(p)) {
    const re = compileGlob(p.slice(1));
    if (!re) return null;
    const parts = rel.split('/');
    for (let k = 1; k <= parts.length; k++) {
      const prefix = parts.slice(0, k).join('/');
      if (re.test(prefix)) return prefix;
    }
    return null;
  }
  if (isWithin(p, '/' + rel)) return p === '/' ? '' : p.slice(1);
  return null;
}

export function sourceCovers(src: string, rel: string): boolean {
  return sourceMatch(src, rel) !== null;
}

/**
 * For a context COPY whose source `src` covers `rel`: the `--exclude` pattern that leaves it
 * out, or null. Patterns apply relative to each copied source (fsutil `copier.exclude`): to the
 * path below a directory source, to the base name of a file source.
 */
export function excludedBy(cmd: CopyCommand, src: string, rel: string): string | null {
  if (cmd.exclude.length === 0) return null;
  const m = sourceMatch(src, rel);
  if (m === null) return null;
  const relToSrc = m === rel ? basename(rel) : m === '' ? rel : rel.slice(m.length + 1);
  if (!compileExcludes(cmd.exclude)(relToSrc)) return null;
  return cmd.exclude.find((p) => !p.startsWith('!') && compileExcludes([p])(relToSrc)) ?? cmd.exclude[0];
}

/** The COPY/ADD sources of a dispatched command, expanded when it was dispatched. */
export function sourcesOf(cmd: CopyCommand, dc: DispatchedCommand | null): string[] {
  return dc?.sources ?? cmd.sources;
}

/** "a, b, c and 4 more" */
export function listShort(items: string[], max = 3): string {
  if (items.length <= max) return items.length === 2 ? `${items[0]} and ${items[1]}` : items.join(', ');
  return `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}

/**
 * A list of relative paths grouped by top-level entry: `src/… (10 files), package.json`.
 * Keeps long COPY summaries readable.
 */
export function groupPaths(paths: string[], max = 4): string {
  const groups = new Map<string, number>();
  for (const p of paths) {
    const cut = p.indexOf('/');
    const key = cut < 0 ? p : p.slice(0, cut + 1);
    groups.set(key, (groups.get(key) ?? 0) + 1);
  }
  const parts = [...groups.entries()]
    .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
    .map(([k, n]) => (k.endsWith('/') ? `${k}… (${n} file${n === 1 ? '' : 's'})` : k));
  if (parts.length <= max) return parts.join(', ');
  return `${parts.slice(0, max).join(', ')} and ${parts.length - max} more`;
}

export function plural(n: number, word: string, many = word + 's'): string {
  return `${n} ${n === 1 ? word : many}`;
}
