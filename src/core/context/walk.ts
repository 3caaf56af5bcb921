/**
 * Which context files BuildKit sends, given a `.dockerignore` (CONTRACT rule 30).
 *
 * BuildKit's dockerfile frontend reads the `.dockerignore` (`dockerui` `dockerIgnorePatterns`
 * → `ignorefile.ReadAll`) and passes the patterns as ExcludePatterns of the context's local
 * source; the client walks the context with tonistiigi/fsutil `filterFS.Walk`, which:
 * - matches each path with `MatchesUsingParentResults`, passing down the MatchInfo of the
 *   parent directory (so a pattern matching a directory covers everything below it);
 * - for an excluded directory, returns `filepath.SkipDir` (never looks inside) when every
 *   exception is "prefix only" (no `*[]?^\` once a trailing `/**` or `/*` is removed) and
 *   no exception pattern starts with `<dir>/`; if some exception has a wildcard, excluded
 *   directories are always walked;
 * - otherwise still walks an excluded directory (without sending it), so files below it
 *   can be re-included by an exception.
 * The Dockerfile and the .dockerignore itself are ordinary files here.
 *
 * Each verdict depends only on the path's chain of parent directories (fsutil's parentDirs
 * stack always holds exactly the ancestors of the current path in its depth-first, lexical
 * walk), so we evaluate each implicit directory once, cache its state, and carry its
 * MatchInfo down to its children without ever re-matching ancestors; files may come in any
 * order.
 */
import { readIgnoreFile } from './ignorefile.ts';
import { PatternMatcher, normalizeRelPath } from './patternmatcher.ts';

export interface ContextError {
  message: string;
  /** 1-based line of the .dockerignore the error is about. */
  line: number;
}

export interface FilterResult {
  /** Context files BuildKit leaves out (the strings as given). */
  ignored: Set<string>;
  /** Context files BuildKit sends, in input order. */
  included: string[];
  errors: ContextError[];
}

/** State of one implicit directory of the context. */
export interface DirState {
  /** The directory matched the exclude patterns (Go `m` in filterFS.Walk). */
  readonly excluded: boolean;
  /** The walk never enters this directory (it or an ancestor got SkipDir). */
  readonly pruned: boolean;
  /** The directory that got SkipDir ('' unless pruned). */
  readonly prunedAt: string;
  /** MatchInfo passed to the children (null: the zero MatchInfo, for the context root). */
  readonly info: Uint8Array | null;
  /** Number of '/' in the directory path (-1 for the root). */
  readonly slashes: number;
}

/** A directory of the implicit tree: its state plus its subdirectories. */
interface DirNode extends DirState {
  kids: Map<string, DirNode> | null;
  /** The child looked up last, with its name: files of one directory usually come together. */
  lastName: string;
  lastKid: DirNode | null;
}

const ROOT: DirState = { excluded: false, pruned: false, prunedAt: '', info: null, slashes: -1 };

/** fsutil `patternWithoutTrailingGlob`. */
function patternWithoutTrailingGlob(p: string): string {
  let s = p;
  if (s.endsWith('/**')) s = s.slice(0, -3);
  if (s.endsWith('/*')) s = s.slice(0, -2);
  return s;
}

const PATTERN_CHARS = /[*[\]?^\\]/;

/**
 * A compiled `.dockerignore` for one context: the patterns (compiled once) plus the implicit
 * directory tree of the paths seen so far, each directory with its walk state. Mirrors fsutil `NewFilterFS` (the onlyPrefixExcludeExceptions
 * precomputation) and `filterFS.Walk` (per-path decisions).
 */
export class ContextMatcher {
  readonly matcher: PatternMatcher;
  /** ReadAll output: the pattern strings and their 1-based lines. */
  readonly patterns: readonly string[];
  readonly lines: readonly number[];
  readonly errors: readonly ContextError[];
  /** Go `onlyPrefixExcludeExceptions` in NewFilterFS. */
  readonly onlyPrefixExcludeExceptions: boolean;
  private readonly exceptionPrefixes: string[];
  /** The implicit directory tree: each node keeps its directory's state. */
  private readonly root: DirNode = { ...ROOT, kids: null, lastName: '', lastKid: null };
  /** Shared MatchInfo of every directory no pattern matched (most of them). */
  private readonly zeroInfo: Uint8Array;
  private readonly scratch: Uint8Array;

  constructor(dockerignoreText: string | null) {
    const file = readIgnoreFile(typeof dockerignoreText === 'string' ? dockerignoreText : '');
    this.patterns = file.patterns;
    this.lines = file.lines;
    const errors: ContextError[] = [];
    if (file.error) errors.push({ message: file.error.message, line: file.error.line });
    this.matcher = new PatternMatcher(file.patterns);
    for (const e of this.matcher.errors) {
      const line = file.lines[e.index] ?? 0;
      const message =
        e.kind === 'new'
          ? `invalid .dockerignore pattern "${e.pattern}": ${e.message} (BuildKit rejects the whole .dockerignore)`
          : `invalid .dockerignore pattern "${e.pattern}": ${e.message} (BuildKit fails when it first evaluates this pattern)`;
      errors.push({ message, line });
    }
    errors.sort((a, b) => a.line - b.line);
    this.errors = errors;

    let onlyPrefix = true;
    const prefixes: string[] = [];
    for (const p of this.matcher.patterns) {
      if (!p.exclusion) continue;
      const s = patternWithoutTrailingGlob(p.cleanedPattern);
      if (PATTERN_CHARS.test(s)) onlyPrefix = false;
      prefixes.push(s + '/');
    }
    this.onlyPrefixExcludeExceptions = onlyPrefix;
    this.exceptionPrefixes = prefixes;
    this.zeroInfo = new Uint8Array(this.matcher.patterns.length);
    this.scratch = new Uint8Array(this.matcher.patterns.length);
  }

  /** No Go counterpart: 1-based .dockerignore line of the matcher's i-th pattern. */
  lineOf(patternIndex: number): number {
    const p = this.matcher.patterns[patternIndex];
    return p ? (this.lines[p.index] ?? 0) : 0;
  }

  /** fsutil `filterFS.Walk`: the SkipDir decision for a directory the exclude patterns matched. */
  skipsExcludedDir(dir: string): boolean {
    if (!this.onlyPrefixExcludeExceptions) return false;
    if (!this.matcher.exclusions) return true;
    const dirSlash = dir + '/';
    for (const p of this.exceptionPrefixes) if (p.startsWith(dirSlash)) return false;
    return true;
  }

  /**
   * fsutil `filterFS.Walk` for one directory: `MatchesUsingParentResults` with the parent's
   * MatchInfo, then the SkipDir decision.
   */
  private evalDir(dir: string, parent: DirState): DirNode {
    const slashes = parent.slashes + 1;
    const out = this.scratch;
    out.fill(0);
    const m = this.matcher.matchInto(dir, slashes, parent.info, out);
    let info = this.zeroInfo;
    for (let i = 0; i < out.length; i++) {
      if (out[i] !== 0) {
        info = out.slice();
        break;
      }
    }
    const skip = m && this.skipsExcludedDir(dir);
    const prunedAt = skip ? dir : '';
    return { excluded: m, pruned: skip, prunedAt, info, slashes, kids: null, lastName: '', lastKid: null };
  }

  /**
   * fsutil `filterFS.Walk`'s parentDirs stack, kept as a tree: the subdirectory of `node`
   * named p[start:end] (its path is p[0:end]), evaluated from its parent the first time it
   * is seen.
   */
  private child(node: DirNode, p: string, start: number, end: number): DirNode {
    const last = node.lastKid;
    if (last !== null && node.lastName.length === end - start && p.startsWith(node.lastName, start)) return last;
    let kids = node.kids;
    if (kids === null) kids = node.kids = new Map();
    const name = p.slice(start, end);
    let c = kids.get(name);
    if (c === undefined) {
      c = this.evalDir(start === 0 ? name : p.slice(0, end), node);
      kids.set(name, c);
    }
    node.lastName = name;
    node.lastKid = c;
    return c;
  }

  /**
   * `filepath.WalkDir`'s depth-first descent along one path (normalized): returns the node
   * of its parent directory, or of `p` itself when `includeLast`. Stops at a directory the
   * walk skips (fsutil never looks inside it) and returns that one.
   */
  private descend(p: string, includeLast: boolean): DirState {
    let node = this.root;
    let start = 0;
    for (;;) {
      let i = p.indexOf('/', start);
      if (i < 0) {
        if (!includeLast) return node;
        i = p.length;
      }
      node = this.child(node, p, start, i);
      if (node.pruned || i === p.length) return node;
      start = i + 1;
    }
  }

  /**
   * fsutil `filterFS.Walk`: state of a directory (context-relative). For a directory inside one the walk skips, the
   * skipped directory's state (pruned, with its prunedAt).
   */
  dirState(dir: string): DirState {
    const d = normalizeRelPath(String(dir));
    return d === '' ? ROOT : this.descend(d, true);
  }

  /**
   * @internal fsutil `filterFS.Walk`'s verdict for one context path: 1 ignored, 0 sent, -1 the context
   * root (not a file). A skipped tree (node_modules, .git) costs one lookup.
   */
  verdict(raw: string): number {
    const p = normalizeRelPath(raw);
    if (p === '') return -1;
    if (this.matcher.patterns.length === 0) return 0;
    const parent = this.descend(p, false);
    if (parent.pruned) return 1;
    return this.matcher.matchInto(p, parent.slashes + 1, parent.info, null) ? 1 : 0;
  }

  /** fsutil `filterFS.Walk`: whether the file at `path` (context-relative) is left out of the context. */
  isIgnored(path: string): boolean {
    return this.verdict(String(path)) === 1;
  }
}

/**
 * Mirrors tonistiigi/fsutil `filterFS.Walk` with BuildKit's `.dockerignore` patterns over a
 * flat list of context files ('/'-separated, relative; directories implied by the paths).
 * Paths that name the context root itself ('', '.', '/') are neither sent nor ignored.
 * Invalid patterns give `errors` (with their line) and never match; nothing throws.
 * Complexity: one map lookup per file plus one pattern pass per file and per directory.
 */
export function filterContext(files: string[], dockerignoreText: string | null): FilterResult {
  const ignored = new Set<string>();
  const included: string[] = [];
  const list = Array.isArray(files) ? files : [];
  const cm = new ContextMatcher(dockerignoreText);
  const errors = cm.errors.slice();
  for (let i = 0; i < list.length; i++) {
    const f = list[i];
    if (typeof f !== 'string') continue;
    const v = cm.verdict(f);
    if (v === 0) included.push(f);
    else if (v === 1) ignored.add(f);
  }
  return { ignored, included, errors };
}
