/**
 * CopyIgnoredFile. BuildKit: `dockerfile2llb/validations.go` `validateCopySourcePath`, called
 * by `convert_copy.go` `dispatchCopy` for each local source of a COPY without `--from` and of an
 * ADD (not for URL or git sources). Skipped when there is no .dockerignore pattern or when any
 * pattern is an exception (`!`). The source (expanded, `filepath.Clean`ed) is matched as a
 * literal path with `MatchesOrParentMatches`; `.` and `/` only when a plain exclusion pattern is
 * `*`, `**` or `**\/*` (`copySourceRootIgnored`). Needed stages only; the message quotes the
 * cleaned source and says Copy or Add.
 */
import { readIgnoreFile } from '../../context/ignorefile.ts';
import { PatternMatcher } from '../../context/patternmatcher.ts';
import { clean } from '../../paths.ts';
import { fmt } from '../registry.ts';
import { at, isRemoteSource, neededCommands, type Finding, type LintContext } from '../ruleContext.ts';

export function copyIgnoredFile(ctx: LintContext): Finding[] {
  if (ctx.dockerignore === null) return [];
  const ignore = readIgnoreFile(ctx.dockerignore);
  if (ignore.error || ignore.patterns.length === 0) return [];
  const matcher = new PatternMatcher(ignore.patterns);
  // patternmatcher.New fails the build on a bad pattern: no dispatch, no lint
  if (matcher.errors.some((e) => e.kind === 'new') || matcher.exclusions) return [];
  const rootIgnored = matcher.patterns.some((p) => !p.exclusion && (p.cleanedPattern === '*' || p.cleanedPattern === '**' || p.cleanedPattern === '**/*'));
  const out: Finding[] = [];
  for (const { dc } of neededCommands(ctx)) {
    const cmd = dc.cmd;
    if (cmd.kind !== 'add' && (cmd.kind !== 'copy' || (cmd.from !== null && cmd.from !== ''))) continue;
    const sources = dc.sources ?? cmd.sources;
    for (const raw of sources) {
      if (cmd.kind === 'add' && isRemoteSource(raw)) continue;
      const src = clean(raw);
      if ((src === '.' || src === '/') && !rootIgnored) continue;
      const { matched } = matcher.matchesOrParentMatches(src);
      if (matched) out.push(at(ctx, 'CopyIgnoredFile', cmd, fmt.CopyIgnoredFile(cmd.kind === 'add' ? 'Add' : 'Copy', src), cmd.node.prevComment));
    }
  }
  return out;
}
