/** BuildKit's `Node.Dump` s-expression format, for tests and debugging. */
import type { Node } from './types.ts';
import { goQuote } from './text.ts';

// Node.Dump (one child of the root)
export function dumpNode(n: Node): string {
  let s = n.keyword.toLowerCase();
  if (n.flags.length > 0) s += ' [' + n.flags.map(goQuote).join(' ') + ']';
  if (n.child) return `${s} (${dumpNode(n.child)})`.trim();
  for (const a of n.next) s += ' ' + goQuote(a);
  return s.trim();
}

/** the root's Dump: one `(...)` line per instruction */
export function dumpNodes(nodes: Node[]): string[] {
  return nodes.map((n) => `(${dumpNode(n)})`);
}
