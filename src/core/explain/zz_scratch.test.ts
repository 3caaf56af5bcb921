import { test } from 'vitest';
import { explainInstruction } from './instruction.ts';
import { detailOf, NODE_GOOD, NODE_WRONG, NODE_FILES, NODE_IGNORE, GO_APP, GO_FILES, GO_IGNORE, DIAMOND } from './fixtures.ts';

test('x', () => {
  const show = (d: any, l: number) => { const e = explainInstruction(d, l); console.log(l, JSON.stringify(e, null, 1)); };
  const g = detailOf(NODE_GOOD, NODE_FILES, NODE_IGNORE);
  show(g, 5); show(g, 12);
  const w = detailOf(NODE_WRONG, NODE_FILES, NODE_IGNORE);
  show(w, 3); show(w, 4);
  const go = detailOf(GO_APP, GO_FILES, GO_IGNORE);
  show(go, 16); show(go, 17); show(go, 10);
  const dm = detailOf(DIAMOND);
  show(dm, 8); show(dm, 11);
});
