/** The four context statuses (CONTRACT.md section 2), in the order the panel lists them. */
import type { ContextStatus } from '../../core/types.ts';

export const STATUSES: { status: ContextStatus; label: string; meaning: string }[] = [
  { status: 'final', label: 'final', meaning: 'reaches the final image' },
  { status: 'build-only', label: 'build-only', meaning: 'read by a stage the target needs, but does not reach the final image' },
  { status: 'unused', label: 'unused', meaning: 'sent to the builder but read by no stage the target needs' },
  { status: 'ignored', label: 'ignored', meaning: 'left out of the context by .dockerignore' },
];

export function meaningOf(status: ContextStatus | undefined): string {
  return STATUSES.find((s) => s.status === status)?.meaning ?? 'being analysed';
}
