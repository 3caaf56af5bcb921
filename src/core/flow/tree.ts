/**
 * File trees the flow model copies between: the build context (a list of paths) and each
 * stage's filesystem as far as the Dockerfile tells it. Paths are absolute, cleaned, '/'-joined.
 */
import { basename, clean, isWithin } from '../paths.ts';

export interface FileEntry {
  /** "context" | "stage:N" | "image:REF" | "heredoc" */
  from: string;
  /** where it came from in that source (context path, stage path, image path, heredoc name) */
  source: string;
  /** the instruction that put it here */
  line: number;
  /** the context file it traces back to, when it does (relative path), else null */
  origin: string | null;
  /** true when the path was named by a COPY from a stage or image but its content is unknown */
  opaque?: boolean;
  /** a local archive ADD unpacked here: its files reach the image, their names are unknown */
  unpacked?: boolean;
}

/** Go `filepath.Match` on '/'-separated paths: `*`/`?` never cross '/', `[...]` with `^`, `\` escapes. */
export function compileGlob(pattern: string): RegExp | null {
  let re = '^';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '\\') {
      i++;
      if (i >= pattern.length) return null; // ErrBadPattern
      re += escapeRe(pattern[i]);
    } else if (c === '[') {
      const end = pattern.indexOf(']', i + 2);
      if (end < 0) return null;
      let body = pattern.slice(i + 1, end);
      let neg = false;
      if (body.startsWith('^')) {
        neg = true;
        body = body.slice(1);
      }
      re += `[${neg ? '^' : ''}${body.replace(/[\]\\^]/g, (m) => '\\' + m).replace(/\\\\(.)/g, '\\$1')}]`;
      i = end;
    } else re += escapeRe(c);
  }
  try {
    return new RegExp(re + '$', 'u');
  } catch {
    return null;
  }
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** fsutil `containsWildcards`. */
export function containsWildcards(name: string): boolean {
  for (let i = 0; i < name.length; i++) {
    const ch = name[i];
    if (ch === '\\') i++;
    else if (ch === '*' || ch === '?' || ch === '[') return true;
  }
  return false;
}

/** fsutil `splitWildcards`: the wildcard-free leading directory and the rest. */
export function splitWildcards(p: string): [string, string] {
  const parts = clean(p).split('/');
  const p1: string[] = [];
  const p2: string[] = [];
  let found = false;
  for (let part of parts) {
    if (!found && containsWildcards(part)) found = true;
    if (part === '') part = '/';
    if (!found) p1.push(part);
    else p2.push(part);
  }
  return [clean(p1.join('/') || '.'), p2.length ? clean(p2.join('/')) : ''];
}

/** The build context as a sorted index: built once per analysis, O(log n) lookups. */
export class TreeIndex implements SourceTree {
  readonly files: string[]; // sorted absolute paths
  private readonly fileSet: Set<string>;
  private readonly dirSet: Set<string>;

  constructor(files: Iterable<string>, extraDirs: Iterable<string> = []) {
    this.files = sortedPaths(files);
    this.fileSet = new Set(this.files);
    this.dirSet = new Set(['/']);
    for (const f of this.files) addParents(this.dirSet, f);
    for (const d of extraDirs) {
      this.dirSet.add(d);
      addParents(this.dirSet, d);
    }
  }

  isFile(p: string): boolean {
    return this.fileSet.has(p);
  }

  isDir(p: string): boolean {
    return this.dirSet.has(p);
  }

  /** files at or below `dir`, in sorted order */
  filesUnder(dir: string): string[] {
    if (dir === '/') return this.files;
    const [lo, hi] = this.rangeUnder(dir);
    return this.files.slice(lo, hi);
  }

  /** where the files below `dir` are in `files`: [first, end) */
  rangeUnder(dir: string): [number, number] {
    if (dir === '/') return [0, this.files.length];
    // The paths starting with `dir/` are those from `dir/` up to `dir0` ('0' follows '/').
    return [lowerBound(this.files, dir + '/'), lowerBound(this.files, dir + '0')];
  }

  dirsUnder(dir: string): string[] {
    return [...this.dirSet].filter((d) => d !== dir && isWithin(dir, d));
  }
}

/** Go's lexical order of path strings (byte order). */
export function byPath(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Paths in lexical order. The default sort (UTF-16 code units) is 2-4x faster than a comparator
 * and equals Go's byte order for every character below U+E000; lists from disk usually arrive
 * sorted already, which is checked first.
 */
export function sortedPaths(paths: Iterable<string>): string[] {
  const arr = [...paths];
  for (let i = 1; i < arr.length; i++) if (arr[i - 1] > arr[i]) return arr.sort();
  return arr;
}

/** What COPY reads from: the context, or a stage's filesystem. */
export interface SourceTree {
  isFile(p: string): boolean;
  isDir(p: string): boolean;
  /** files at or below `dir`, in sorted order */
  filesUnder(dir: string): string[];
  /** the known directories strictly below `dir` */
  dirsUnder(dir: string): string[];
}

/**
 * fsutil `resolveWildcards`: walk below `base` in lexical order; every path (file or
 * directory) whose path relative to `base` matches `pattern` is a match, and a matched
 * directory is not descended into.
 */
export function resolveWildcards(tree: SourceTree, base: string, pattern: string): string[] {
  const re = compileGlob(pattern);
  if (!re) return [];
  const depth = pattern.split('/').length;
  const candidates = new Set<string>();
  const baseLen = base === '/' ? 1 : base.length + 1;
  for (const f of tree.filesUnder(base)) {
    const segs = f.slice(baseLen).split('/');
    // Only paths with as many segments as the pattern can match it ('*' never crosses '/').
    if (segs.length >= depth) candidates.add(segs.slice(0, depth).join('/'));
  }
  for (const d of tree.dirsUnder(base)) {
    const rel = d.slice(baseLen);
    if (rel.split('/').length === depth) candidates.add(rel);
  }
  const matches = [...candidates].filter((rel) => re.test(rel)).sort();
  // A match below an already-matched directory is skipped (filepath.SkipDir).
  const out: string[] = [];
  for (const rel of matches) {
    const abs = base === '/' ? '/' + rel : base + '/' + rel;
    if (out.some((m) => isWithin(m, abs))) continue;
    out.push(abs);
  }
  return out;
}

function lowerBound(arr: string[], key: string): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (arr[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function addParents(dirs: Set<string>, p: string): void {
  let i = p.lastIndexOf('/');
  while (i > 0) {
    const d = p.slice(0, i);
    if (dirs.has(d)) return;
    dirs.add(d);
    i = d.lastIndexOf('/');
  }
}

/**
 * Directories every non-scratch Linux base image has (FHS). Used only for BuildKit's
 * "a file copied onto an existing directory lands inside it" rule, since image contents are
 * not known offline.
 */
export const imageDirs = [
  '/bin', '/sbin', '/etc', '/home', '/lib', '/opt', '/root', '/run', '/srv', '/tmp', '/usr',
  '/usr/bin', '/usr/sbin', '/usr/lib', '/usr/local', '/usr/local/bin', '/usr/local/sbin',
  '/usr/local/lib', '/usr/share', '/var', '/var/lib', '/var/log', '/var/cache',
];

export { basename };
