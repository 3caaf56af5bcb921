/**
 * `.dockerignore` and `COPY --exclude` exactly as BuildKit applies them (CONTRACT rules 19,
 * 28-30): reading (ignorefile.ts), matching (patternmatcher.ts), the context walk (walk.ts)
 * and explanations (explain.ts).
 */
export { readIgnoreFile, goClean, goTrimSpace, type IgnoreFile } from './ignorefile.ts';
export {
  Pattern,
  PatternMatcher,
  ZERO_MATCH_INFO,
  compileExcludes,
  normalizeRelPath,
  goCompilePattern,
  goFilepathMatchIsBad,
  translateGoRegexp,
  type MatchInfo,
  type MatchResult,
  type MatchType,
  type PatternError,
  type ExcludeFn,
} from './patternmatcher.ts';
export { filterContext, ContextMatcher, type FilterResult, type ContextError, type DirState } from './walk.ts';
export { explainIgnore, explainWith, type IgnoreExplanation, type IgnoreRuleMatch } from './explain.ts';
