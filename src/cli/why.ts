/** `stagecraft why <path>`: the chain that decides a file, as text. */
import type { WhyAnswer } from '../core/explain/why.ts';
import type { Style } from './text.ts';

export { explainPath } from '../core/explain/why.ts';

export function formatWhy(w: WhyAnswer, st: Style): string {
  const out = [st.bold(w.query) + (w.status ? `  ${st.cyan(w.status)}` : ''), w.summary];
  for (const s of w.steps) out.push(`  ${s.file === '.dockerignore' ? '.dockerignore' : 'Dockerfile'}${s.line !== null ? `:${s.line}` : ''}  ${s.text}`);
  return out.join('\n') + '\n';
}
