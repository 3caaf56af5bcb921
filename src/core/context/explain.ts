/**
 * "Why is this file ignored?": which `.dockerignore` lines match a path or one of its
 * parent directories, which of them BuildKit's evaluation actually counted, and the verdict.
 * The verdict is the one filterContext gives (same ContextMatcher walk logic).
 */
import { normalizeRelPath } from './patternmatcher.ts';
import { ContextMatcher, type ContextError, type DirState } from './walk.ts';

export interface IgnoreRuleMatch {
  /** 1-based line in the .dockerignore. */
  line: number;
  /** The pattern as ReadAll returned it (trimmed, cleaned), `!` included for exceptions. */
  pattern: string;
  /** An exception (`!pattern`): it re-includes what earlier lines excluded. */
  exception: boolean;
  effect: 'exclude' | 'include';
  /** The path itself or the parent directory this pattern matched (the shallowest one). */
  matchedPath: string;
  /**
   * Whether BuildKit's evaluation counted this match for the verdict. A match is not counted
   * when patternmatcher skipped the line (an exception while nothing was excluded yet, or an
   * exclusion while already excluded, at the level of the directory it matched), or when it
   * matches only below a directory the walk never enters.
   */
  counted: boolean;
}

export interface IgnoreExplanation {
  path: string;
  ignored: boolean;
  /** Every line that matches the path or one of its parents, in file order. */
  matches: IgnoreRuleMatch[];
  /** The match that decided the verdict (the last counted one); null: no line applies. */
  decidedBy: IgnoreRuleMatch | null;
  /**
   * Set when a parent directory is excluded and BuildKit does not walk into it (no
   * exception can then re-include anything below it): the directory and the line that
   * excluded it.
   */
  skippedDir: { path: string; line: number } | null;
  errors: ContextError[];
}

/**
 * Explains BuildKit's verdict for one context path: mirrors fsutil `filterFS.Walk` along
 * the path's directory chain, with `PatternMatcher.MatchesUsingParentResults` at each level
 * (the per-pattern MatchInfo tells which matches counted), and lists every pattern that
 * matches the path or a parent (`Pattern.match`, as in `MatchesOrParentMatches`).
 */
export function explainIgnore(path: string, dockerignoreText: string | null): IgnoreExplanation {
  const cm = new ContextMatcher(dockerignoreText);
  return explainWith(cm, path);
}

/** explainIgnore with an already compiled ContextMatcher (e.g. the one of a whole analysis). */
export function explainWith(cm: ContextMatcher, path: string): IgnoreExplanation {
  const raw = typeof path === 'string' ? path : String(path);
  const p = normalizeRelPath(raw);
  const result: IgnoreExplanation = {
    path: raw,
    ignored: false,
    matches: [],
    decidedBy: null,
    skippedDir: null,
    errors: cm.errors.slice(),
  };
  const pats = cm.matcher.patterns;
  if (p === '' || pats.length === 0) return result;

  // The chain the walk visits: every parent directory, then the path itself.
  const chain: string[] = [];
  for (let i = p.indexOf('/'); i >= 0; i = p.indexOf('/', i + 1)) chain.push(p.slice(0, i));
  chain.push(p);

  // Walk down like filterFS.Walk; stop at a directory it skips.
  let parent: DirState | null = null;
  let finalInfo: Uint8Array;
  let prunedDir = '';
  for (let level = 0; level < chain.length - 1; level++) {
    const st = cm.dirState(chain[level]);
    if (st.pruned) {
      prunedDir = st.prunedAt;
      break;
    }
    parent = st;
  }
  if (prunedDir !== '') {
    finalInfo = cm.dirState(prunedDir).info ?? new Uint8Array(pats.length);
    result.ignored = true;
  } else {
    finalInfo = new Uint8Array(pats.length);
    const slashes = chain.length - 1;
    result.ignored = cm.matcher.matchInto(p, slashes, parent ? parent.info : null, finalInfo);
  }

  // finalInfo[i] is Go's MatchInfo for the last level the walk evaluated: 1 exactly when
  // pattern i counted (its own match or one inherited from a parent). The verdict is
  // !exclusion of the last counted pattern, so that pattern is the decisive one.
  for (let i = 0; i < pats.length; i++) {
    const pat = pats[i];
    if (pat.error !== null) continue;
    let matchedLevel = -1;
    for (let level = 0; level < chain.length; level++) {
      if (pat.match(chain[level])) {
        matchedLevel = level;
        break;
      }
    }
    if (matchedLevel < 0) continue;
    const m: IgnoreRuleMatch = {
      line: cm.lineOf(i),
      pattern: (pat.exclusion ? '!' : '') + pat.cleanedPattern,
      exception: pat.exclusion,
      effect: pat.exclusion ? 'include' : 'exclude',
      matchedPath: chain[matchedLevel],
      counted: finalInfo[i] === 1,
    };
    result.matches.push(m);
    if (m.counted) result.decidedBy = m;
  }
  if (prunedDir !== '') {
    result.skippedDir = { path: prunedDir, line: result.decidedBy ? result.decidedBy.line : 0 };
  }
  return result;
}
