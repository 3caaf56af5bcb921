/**
 * RootInFinalStage (Stagecraft). The target's image runs as root: the last USER of its stage
 * chain (target and the stages it is built FROM) is root / 0 (reported at that USER), or there
 * is none (reported at the target's FROM) and the base image is not one known to run as a
 * non-root user by default (distroless `nonroot` tags, Chainguard `cgr.dev/chainguard/*`,
 * Bitnami).
 */
import { ruleMessage } from '../messages.ts';
import { at, nodeLoc, targetChain, type Finding, type LintContext } from '../ruleContext.ts';
import { splitImage } from './images.ts';

export function knownNonRoot(image: string): boolean {
  const { repo, tag } = splitImage(image);
  if (repo.startsWith('gcr.io/distroless/') && tag !== null && /(^|-)nonroot$/.test(tag)) return true;
  if (repo.startsWith('cgr.dev/chainguard/')) return true;
  if (repo.startsWith('bitnami/') || repo.startsWith('docker.io/bitnami/')) return true;
  return false;
}

const isRoot = (user: string) => /^(root|0)(:.*)?$/.test(user.trim());

export function rootInFinalStage(ctx: LintContext): Finding[] {
  const chain = targetChain(ctx);
  if (chain.length === 0) return [];
  // walk from the root of the chain to the target, in dispatch order
  let lastUser: { user: string; line: number; endLine: number; comments: readonly string[] } | null = null;
  for (const st of [...chain].reverse()) {
    for (const dc of st.commands) {
      if (dc.cmd.kind !== 'user') continue;
      lastUser = { user: dc.expanded.user ?? dc.cmd.user, line: dc.cmd.line, endLine: dc.cmd.endLine, comments: dc.cmd.node.prevComment };
    }
  }
  if (lastUser) {
    if (!isRoot(lastUser.user)) return [];
    return [at(ctx, 'RootInFinalStage', lastUser, ruleMessage.RootInFinalStageUser(lastUser.user), lastUser.comments)];
  }
  const root = chain[chain.length - 1];
  if (knownNonRoot(root.base)) return [];
  const target = chain[0];
  return [at(ctx, 'RootInFinalStage', nodeLoc(target.stage.from), ruleMessage.RootInFinalStageNoUser(root.base), target.stage.from.prevComment)];
}
