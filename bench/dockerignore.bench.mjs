// .dockerignore benchmark: Stagecraft's BuildKit-exact matcher vs @balena/dockerignore.
//  (a) time to classify 100,000 generated, realistic context paths with a realistic 15-line
//      .dockerignore: median of several runs of each, same data, same process;
//  (b) accuracy of each on the truth table (src/core/context/truthTable.ts).
// Our code is bundled on the fly from src/core/context/index.ts with esbuild, so the bench
// runs without a prior build: `node bench/dockerignore.bench.mjs`.
/* global console */
import { build } from 'esbuild';
import { Buffer } from 'node:buffer';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { URL, fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);

async function importBundle(entry) {
  const out = await build({
    entryPoints: [entry],
    absWorkingDir: root,
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    logLevel: 'silent',
  });
  const code = out.outputFiles[0].text;
  return import('data:text/javascript;base64,' + Buffer.from(code).toString('base64'));
}

/** Deterministic PRNG (mulberry32) so every run classifies the same paths. */
function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 100,000 paths shaped like a JavaScript/Python monorepo checkout. */
export function generatePaths(count = 100_000, seed = 42) {
  const r = rng(seed);
  const pick = (a) => a[Math.floor(r() * a.length)];
  const words = ['app', 'core', 'utils', 'api', 'web', 'auth', 'models', 'views', 'hooks', 'store', 'lib', 'components', 'server', 'client', 'shared', 'config', 'db', 'jobs', 'ui', 'icons'];
  const exts = ['ts', 'tsx', 'js', 'json', 'md', 'css', 'py', 'pyc', 'log', 'tmp', 'png', 'svg', 'go', 'yaml', 'txt', 'map', 'pdf', 'snap'];
  const pkgs = ['react', 'react-dom', 'lodash', '@babel/core', '@types/node', 'typescript', 'esbuild', 'vite', 'zod', 'express', 'chalk', 'debug', 'ms', 'semver', 'tslib'];
  const name = () => `${pick(words)}${r() < 0.5 ? '' : '-' + pick(words)}${r() < 0.3 ? Math.floor(r() * 100) : ''}`;
  const file = () => `${name()}.${pick(exts)}`;
  const deep = (prefix, maxDepth) => {
    let p = prefix;
    const d = Math.floor(r() * maxDepth);
    for (let i = 0; i < d; i++) p += '/' + name();
    return p + '/' + file();
  };
  const makers = [
    [30, () => deep('node_modules/' + pick(pkgs), 4)],
    [8, () => deep(`packages/${pick(words)}/node_modules/${pick(pkgs)}`, 3)],
    [18, () => deep(`packages/${pick(words)}/src`, 4)],
    [12, () => deep('src', 5)],
    [6, () => `.git/objects/${Math.floor(r() * 256).toString(16).padStart(2, '0')}/${Math.floor(r() * 1e12).toString(16)}`],
    [5, () => deep('dist', 3)],
    [3, () => deep('build', 3)],
    [3, () => deep('coverage', 2)],
    [4, () => deep('docs', 3)],
    [4, () => deep('tests', 3)],
    [3, () => deep(`services/${pick(words)}/__pycache__`, 1)],
    [2, () => pick(['README.md', 'CHANGELOG.md', 'LICENSE', 'package.json', 'Dockerfile', '.dockerignore', '.env', '.env.local', '.env.example', 'tsconfig.json', 'debug.log', 'notes.tmp'])],
    [2, () => deep('scripts', 2)],
  ];
  const total = makers.reduce((s, [w]) => s + w, 0);
  const seen = new Set();
  const out = [];
  while (out.length < count) {
    let x = r() * total;
    let make = makers[0][1];
    for (const [w, m] of makers) {
      if ((x -= w) < 0) {
        make = m;
        break;
      }
    }
    const p = make();
    if (!seen.has(p)) {
      seen.add(p);
      out.push(p);
    }
  }
  return out;
}

export const DOCKERIGNORE = `# Dependencies and build output
node_modules
**/node_modules
dist/
build
coverage/**
.git
*.log
**/*.tmp
.env
.env.*
!.env.example
**/__pycache__
*.md
!README.md
docs/**/*.pdf
`;

function median(xs) {
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Wall-clock and CPU time (user + system) of one call, in ms. */
function time(fn) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const v = fn();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return [wall, (c.user + c.system) / 1000, v];
}

export async function run({ runs = 9, count = 100_000 } = {}) {
  const ours = await importBundle('src/core/context/index.ts');
  const { truthTable } = await importBundle('src/core/context/truthTable.ts');
  const balena = require('@balena/dockerignore');

  const paths = generatePaths(count);
  const oursRun = () => ours.filterContext(paths, DOCKERIGNORE).ignored.size;
  const balenaRun = () => {
    const ig = balena().add(DOCKERIGNORE); // fresh instance: its per-path cache must not carry over
    let n = 0;
    for (const p of paths) if (ig.ignores(p)) n++;
    return n;
  };

  // warm up both (JIT), then alternate runs so neither gets a systematically quieter machine
  for (let i = 0; i < 2; i++) {
    oursRun();
    balenaRun();
  }
  const tOurs = [];
  const tBalena = [];
  const cOurs = [];
  const cBalena = [];
  let ignoredOurs = 0;
  let ignoredBalena = 0;
  for (let i = 0; i < runs; i++) {
    const [a, ca, na] = time(oursRun);
    const [b, cb, nb] = time(balenaRun);
    tOurs.push(a);
    tBalena.push(b);
    cOurs.push(ca);
    cBalena.push(cb);
    ignoredOurs = na;
    ignoredBalena = nb;
  }
  const mOurs = median(tOurs);
  const mBalena = median(tBalena);
  const mcOurs = median(cOurs);
  const mcBalena = median(cBalena);

  // agreement on the generated data
  const ig = balena().add(DOCKERIGNORE);
  const ourSet = ours.filterContext(paths, DOCKERIGNORE).ignored;
  let disagree = 0;
  for (const p of paths) if (ig.ignores(p) !== ourSet.has(p)) disagree++;

  // (b) truth table accuracy (cases with an invalid .dockerignore are left out: BuildKit fails the build)
  const cases = truthTable.filter((c) => !c.error);
  let okOurs = 0;
  let okBalena = 0;
  const balenaWrong = [];
  for (const c of cases) {
    if (ours.filterContext([c.path], c.dockerignore).ignored.has(c.path) === c.ignored) okOurs++;
    let got;
    try {
      got = balena().add(c.dockerignore).ignores(c.path);
    } catch {
      got = undefined;
    }
    if (got === c.ignored) okBalena++;
    else balenaWrong.push(c.rule);
  }

  const pct = (n) => ((100 * n) / cases.length).toFixed(1) + '%';
  const result = {
    paths: paths.length,
    dockerignoreLines: DOCKERIGNORE.split('\n').filter((l) => l.trim() && !l.startsWith('#')).length,
    runs,
    oursMedianMs: +mOurs.toFixed(2),
    balenaMedianMs: +mBalena.toFixed(2),
    speedup: +(mBalena / mOurs).toFixed(1),
    oursMedianCpuMs: +mcOurs.toFixed(2),
    balenaMedianCpuMs: +mcBalena.toFixed(2),
    cpuSpeedup: +(mcBalena / mcOurs).toFixed(1),
    ignoredOurs,
    ignoredBalena,
    disagreements: disagree,
    truthTableCases: cases.length,
    accuracyOurs: pct(okOurs),
    accuracyBalena: pct(okBalena),
  };
  console.log(`dockerignore: classify ${result.paths.toLocaleString('en-US')} paths with a ${result.dockerignoreLines}-line .dockerignore (median of ${runs} runs; wall clock, CPU time)`);
  console.log(`  stagecraft           ${result.oursMedianMs.toFixed(1).padStart(8)} ms ${result.oursMedianCpuMs.toFixed(1).padStart(8)} ms cpu   (${ignoredOurs} ignored)`);
  console.log(`  @balena/dockerignore ${result.balenaMedianMs.toFixed(1).padStart(8)} ms ${result.balenaMedianCpuMs.toFixed(1).padStart(8)} ms cpu   (${ignoredBalena} ignored)`);
  console.log(`  ratio: stagecraft is ${result.speedup}x faster (${result.cpuSpeedup}x in CPU time); verdicts differ on ${disagree} of ${paths.length} paths`);
  console.log(`dockerignore: truth table accuracy (${cases.length} valid cases)`);
  console.log(`  stagecraft           ${okOurs}/${cases.length} (${result.accuracyOurs})`);
  console.log(`  @balena/dockerignore ${okBalena}/${cases.length} (${result.accuracyBalena})`);
  if (balenaWrong.length > 0) console.log(`  balena misses: ${balenaWrong.slice(0, 12).join('; ')}${balenaWrong.length > 12 ? '; ...' : ''}`);
  return result;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await run();
}
