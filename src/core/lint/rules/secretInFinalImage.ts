/**
 * SecretInFinalImage (Stagecraft). A context file that looks like a secret (`.env*`, `*.pem`,
 * `*.key`, `*.p12`, `id_rsa`..., `.npmrc`, `.pypirc`, `.netrc`, `.git-credentials`,
 * `.aws/credentials`, `.docker/config.json`) has the context status `final`: it is in the
 * target's filesystem. Reported at the instruction that puts it there (from `final`), one
 * finding per file.
 */
import { ruleMessage } from '../messages.ts';
import { at, firstColumn, nodeAt, nodeLoc, targetChain, type Finding, type LintContext } from '../ruleContext.ts';
import { secretKind } from './contextFiles.ts';

export function secretInFinalImage(ctx: LintContext): Finding[] {
  const out: Finding[] = [];
  const chain = targetChain(ctx);
  for (const [path, status] of Object.entries(ctx.analysis.context)) {
    if (status !== 'final' || !secretKind(path)) continue;
    const entries = ctx.analysis.final.filter((f) => f.source === path);
    const entry = entries.find((f) => f.from === 'context') ?? entries[0];
    if (entry) {
      const found = nodeAt(ctx, entry.line);
      const node = found && found.startLine === entry.line ? found : undefined;
      const loc = node ? nodeLoc(node) : { line: entry.line, endLine: entry.line };
      out.push(at(ctx, 'SecretInFinalImage', loc, ruleMessage.SecretInFinalImage(path, entry.path), node ? node.prevComment : null));
    } else if (chain.length > 0) {
      out.push(at(ctx, 'SecretInFinalImage', nodeLoc(chain[0].stage.from), ruleMessage.SecretInFinalImage(path, null), chain[0].stage.from.prevComment));
    } else {
      out.push({ rule: 'SecretInFinalImage', line: 1, endLine: 1, column: firstColumn(ctx.lines, 1), message: ruleMessage.SecretInFinalImage(path, null), comments: null });
    }
  }
  return out;
}
