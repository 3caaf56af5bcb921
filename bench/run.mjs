// `npm run bench`: Stagecraft's speed as ratios against peers measured in the same run.
//  1. analyze() of generated multi-stage Dockerfiles (100 / 1,000 / 10,000 lines) with a
//     20,000-file context, against the bare dockerfile-ast parse of the same text.
//  2. .dockerignore classification of 100,000 paths against @balena/dockerignore.
// Numbers are printed, never asserted: budgets live here, not in timed unit tests.
import { performance } from 'node:perf_hooks';
import { DockerfileParser } from 'dockerfile-ast';
import { analyze } from '../lib/index.js';
import { generateContext, generateDockerfile } from './gen.mjs';

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(fn, minRuns = 5, minMs = 300) {
  fn(); // warm up
  const samples = [];
  const start = performance.now();
  while (samples.length < minRuns || performance.now() - start < minMs) {
    const t = performance.now();
    fn();
    samples.push(performance.now() - t);
    if (samples.length > 200) break;
  }
  return median(samples);
}

const dockerignore = '.git\nnode_modules\n**/testdata\n*.md\n!README.md\n';

console.log('Stagecraft bench (median of repeated runs, this machine, this run)\n');
console.log('1. analyze() vs the bare dockerfile-ast parse of the same text, 20,000-file context');
const files = generateContext(20000);
const rows = [];
for (const lines of [100, 1000, 10000]) {
  const text = generateDockerfile(lines);
  const n = text.split('\n').length;
  const parse = time(() => DockerfileParser.parse(text));
  const ours = time(() => analyze({ dockerfile: text, files, dockerignore }));
  const bare = time(() => analyze({ dockerfile: text, files: [], dockerignore: null }));
  rows.push({ lines: n, 'dockerfile-ast parse ms': parse.toFixed(2), 'analyze (no context) ms': bare.toFixed(2), 'analyze + 20k files ms': ours.toFixed(2), 'ratio (no context)': (bare / parse).toFixed(2), 'ratio (20k files)': (ours / parse).toFixed(2), 'µs/line': ((bare * 1000) / n).toFixed(1) });
}
console.table(rows);
console.log('Target: analyze <= 3x the bare parse, linear in lines (µs/line flat).\n');

try {
  const { run } = await import('./dockerignore.bench.mjs');
  console.log('2. .dockerignore classification');
  await run();
} catch (e) {
  console.log('2. .dockerignore bench unavailable:', e.message);
}
