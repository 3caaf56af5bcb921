/**
 * NoDockerignore (Stagecraft). There is no .dockerignore (or it has no pattern), and context
 * files under `.git/`, `node_modules/` or `.env*` are read by a needed stage (context status
 * `final` or `build-only`). Reported at the first COPY/ADD of a needed stage that copies the
 * context root (else the first one that reads the context).
 */
import type { DispatchedCommand } from '../../dispatch/types.ts';
import type { Mount } from '../../syntax/types.ts';
import { readIgnoreFile } from '../../context/ignorefile.ts';
import { ruleMessage } from '../messages.ts';
import { at, isContextCopy, isContextRoot, neededCommands, type Finding, type LintContext } from '../ruleContext.ts';
import { heavyKind } from './contextFiles.ts';

export function noDockerignore(ctx: LintContext): Finding[] {
  if (ctx.dockerignore !== null && readIgnoreFile(ctx.dockerignore).patterns.length > 0) return [];
  const kinds = new Set<string>();
  for (const [path, status] of Object.entries(ctx.analysis.context)) {
    if (status !== 'final' && status !== 'build-only') continue;
    const k = heavyKind(path);
    if (k) kinds.add(k);
  }
  if (kinds.size === 0) return [];
  const order = ['.git', 'node_modules', '.env files'].filter((k) => kinds.has(k));
  let first: DispatchedCommand | null = null;
  let firstRoot: DispatchedCommand | null = null;
  for (const { dc } of neededCommands(ctx)) {
    const cmd = dc.cmd;
    const contextMount = (m: Mount) => m.type === 'bind' && (m.from === null || m.from === '');
    const readsContext = isContextCopy(cmd) || (cmd.kind === 'run' && cmd.mounts.some(contextMount));
    if (!readsContext) continue;
    first ??= dc;
    const sources = cmd.kind === 'copy' || cmd.kind === 'add' ? (dc.sources ?? cmd.sources) : [];
    const rootMount = cmd.kind === 'run' && cmd.mounts.some((m) => contextMount(m) && (m.source === null || isContextRoot(m.source)));
    if (sources.some(isContextRoot) || rootMount) {
      firstRoot = dc;
      break;
    }
  }
  const where = firstRoot ?? first;
  if (!where) return [];
  const cmd = where.cmd;
  return [at(ctx, 'NoDockerignore', cmd, ruleMessage.NoDockerignore(order), cmd.node.prevComment)];
}
