import { test } from 'vitest';
import { readFileSync } from 'node:fs';
import { analyzeDetailed } from '../analyze.ts';
import { explainInstruction } from './instruction.ts';
import { imageSizeSummary } from './imageSizes.ts';

test('x', () => {
  const text = readFileSync('/tmp/sc/kitchen.Dockerfile', 'utf8');
  const files = ['go.mod','go.sum','cmd/app/main.go','internal/a.go','internal/b.go','static/a.js','static/a.js.map','static/i.html','vendor.tar.gz','.git/HEAD','Dockerfile'];
  const d = analyzeDetailed({ dockerfile: text, files });
  for (let l = 1; l <= text.split('\n').length; l++) {
    const e = explainInstruction(d, l);
    if (!e) { console.log(l, 'null'); continue; }
    if (e.line !== l) continue;
    console.log(`--- ${e.title}\n${e.text}\nreads=${JSON.stringify(e.reads.slice(0,5))} writes=${JSON.stringify(e.writes.slice(0,5))}\nlinks=${JSON.stringify(e.links.map(l=>l.rule??l.example??l.url))}`);
  }
  console.log(imageSizeSummary(d).text);
});
