/**
 * The linter: BuildKit's build checks (`frontend/dockerfile/linter/ruleset.go`, same ids, lines
 * and messages) plus Stagecraft's multi-stage rules, filtered by the `# check=` directive (or
 * the BUILDKIT_DOCKERFILE_CHECK build arg) and by `# stagecraft:` comments.
 *
 * Parse-time rules (BuildKit reports them before dispatching) run on every stage; dispatch-time
 * rules on the stages the target needs (the DispatchResult only has commands for those).
 * Pure: no DOM, no Node.
 */
import type { Diagnostic, Severity } from '../types.ts';
import { buildkitConfig, isEnabled, parseStagecraftComment, stagecraftFileConfig, withComments, withStagecraftComments } from './directive.ts';
import { ruleMeta } from './registry.ts';
import { firstColumn, makeContext, type Finding, type LintContext, type LintInput } from './ruleContext.ts';
import { aptListsNotCleaned } from './rules/aptListsNotCleaned.ts';
import { consistentInstructionCasing } from './rules/consistentInstructionCasing.ts';
import { copyAllInFinalStage } from './rules/copyAllInFinalStage.ts';
import { copyIgnoredFile } from './rules/copyIgnoredFile.ts';
import { duplicateStageName } from './rules/duplicateStageName.ts';
import { exposeInvalidFormat } from './rules/exposeInvalidFormat.ts';
import { exposeProtoCasing } from './rules/exposeProtoCasing.ts';
import { fromAsCasing } from './rules/fromAsCasing.ts';
import { fromPlatformFlagConstDisallowed } from './rules/fromPlatformFlagConstDisallowed.ts';
import { installAfterCopyAll } from './rules/installAfterCopyAll.ts';
import { invalidDefaultArgInFrom } from './rules/invalidDefaultArgInFrom.ts';
import { invalidDefinitionDescription } from './rules/invalidDefinitionDescription.ts';
import { jsonArgsRecommended } from './rules/jsonArgsRecommended.ts';
import { legacyKeyValueFormat } from './rules/legacyKeyValueFormat.ts';
import { maintainerDeprecated } from './rules/maintainerDeprecated.ts';
import { multipleInstructionsDisallowed } from './rules/multipleInstructionsDisallowed.ts';
import { noCacheMount } from './rules/noCacheMount.ts';
import { noDockerignore } from './rules/noDockerignore.ts';
import { noEmptyContinuation } from './rules/noEmptyContinuation.ts';
import { redundantTargetPlatform } from './rules/redundantTargetPlatform.ts';
import { reservedStageName } from './rules/reservedStageName.ts';
import { rootInFinalStage } from './rules/rootInFinalStage.ts';
import { secretInFinalImage } from './rules/secretInFinalImage.ts';
import { secretsUsedInArgOrEnv } from './rules/secretsUsedInArgOrEnv.ts';
import { stageNameCasing } from './rules/stageNameCasing.ts';
import { toolchainInFinalStage } from './rules/toolchainInFinalStage.ts';
import { undefinedArgInFrom } from './rules/undefinedArgInFrom.ts';
import { undefinedVar } from './rules/undefinedVar.ts';
import { unpinnedBaseImage } from './rules/unpinnedBaseImage.ts';
import { unusedStage } from './rules/unusedStage.ts';
import { workdirRelativePath } from './rules/workdirRelativePath.ts';

export { allRules, buildkitRules, stagecraftRules, ruleMeta, type RuleMeta } from './registry.ts';
export type { LintInput } from './ruleContext.ts';

/** Every rule, in the order BuildKit raises them (ties on a line keep this order). */
const rules: ((ctx: LintContext) => Finding[])[] = [
  // parser (parser/parser.go, instructions/parse.go)
  noEmptyContinuation,
  stageNameCasing,
  fromAsCasing,
  maintainerDeprecated,
  invalidDefinitionDescription,
  // toDispatchState, before dispatch: every stage
  reservedStageName,
  duplicateStageName,
  consistentInstructionCasing,
  invalidDefaultArgInFrom,
  undefinedArgInFrom,
  redundantTargetPlatform,
  fromPlatformFlagConstDisallowed,
  // dispatch: needed stages
  undefinedVar,
  legacyKeyValueFormat,
  secretsUsedInArgOrEnv,
  workdirRelativePath,
  jsonArgsRecommended,
  multipleInstructionsDisallowed,
  exposeProtoCasing,
  exposeInvalidFormat,
  copyIgnoredFile,
  // Stagecraft
  unusedStage,
  unpinnedBaseImage,
  toolchainInFinalStage,
  rootInFinalStage,
  installAfterCopyAll,
  copyAllInFinalStage,
  noDockerignore,
  secretInFinalImage,
  aptListsNotCleaned,
  noCacheMount,
];

/** `strict` (tests): a crashing rule throws instead of being dropped. */
export function lint(input: LintInput, options: { strict?: boolean } = {}): Diagnostic[] {
  const ctx = makeContext(input);
  const parsed = input.dispatch.instructions.parsed;
  const lines = ctx.lines;
  const out: Diagnostic[] = [];

  const bk = buildkitConfig(lines.join('\n'), input.dispatch.buildArgs);
  if (bk.problem) out.push(meta('InvalidCheckDirective', bk.problem.line, bk.problem.message, ctx));

  const firstLine = parsed.nodes.length > 0 ? parsed.nodes[0].startLine : lines.length + 1;
  const sc = stagecraftFileConfig(lines, firstLine);
  for (const p of sc.problems) out.push(meta('InvalidStagecraftDirective', p.line, p.message, ctx));
  // per-instruction `# stagecraft:` comments elsewhere in the file
  const covered = new Set<number>();
  for (const n of parsed.nodes) for (let l = n.startLine; l <= n.endLine; l++) covered.add(l);
  for (let i = firstLine - 1; i < lines.length; i++) {
    if (covered.has(i + 1)) continue;
    const t = lines[i].replace(/^[ \t]+/, '');
    if (!t.startsWith('#')) continue;
    const res = parseStagecraftComment(t.slice(1));
    if (res?.error) out.push(meta('InvalidStagecraftDirective', i + 1, `# stagecraft: ${res.error}`, ctx));
  }

  const seen = new Set<string>();
  for (const rule of rules) {
    let findings: Finding[];
    try {
      findings = rule(ctx);
    } catch (e) {
      // a rule must never take the analysis down; a crash in one rule only loses its findings
      if (options.strict) throw e;
      continue;
    }
    for (const f of findings) {
      const m = ruleMeta(f.rule);
      if (!m) continue;
      let severity: Severity = m.severity;
      if (m.source === 'buildkit') {
        const cfg = withComments(bk.config, f.comments);
        if (!isEnabled(cfg, f.rule, m.experimental === true)) continue;
        if (cfg.returnAsError) severity = 'error';
      } else {
        const cfg = withStagecraftComments(sc.config, f.comments);
        if (!isEnabled(cfg, f.rule, false)) continue;
        if (cfg.returnAsError) severity = 'error';
      }
      const key = `${f.rule}\u0000${f.line}\u0000${f.endLine}\u0000${f.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const d: Diagnostic = { rule: f.rule, severity, line: f.line, endLine: f.endLine, column: f.column, message: f.message, url: m.url };
      if (f.fix && f.fix.edits.length > 0) d.fix = f.fix;
      out.push(d);
    }
  }
  // stable: ties on a line keep the rule order above
  return out.map((d, i) => [d, i] as const).sort((a, b) => a[0].line - b[0].line || a[1] - b[1]).map(([d]) => d);
}

function meta(rule: string, line: number, message: string, ctx: LintContext): Diagnostic {
  const m = ruleMeta(rule)!;
  return { rule, severity: m.severity, line, endLine: line, column: firstColumn(ctx.lines, line), message, url: m.url };
}
