/* global console, process, fetch, setTimeout, window, document, localStorage, performance, requestAnimationFrame, MutationObserver */
// The playground's own benchmark (issue 5): run `npx vite build` first, then
// `node e2e/bench/page.bench.mjs`. It prints, never asserts:
//  1. first-load JavaScript: the entry chunk (everything before Monaco) and Monaco's chunk, gzip;
//  2. keystroke to settled views (the analysis of the new text shown everywhere and painted)
//     on generated 100- and 1,000-line Dockerfiles with a 2,000-file context, next to the bare
//     analysis time the worker measured for the same text.
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { generateContext, generateDockerfile } from '../../bench/gen.mjs';

const PORT = 4175;
const KEYS = 25;

function gzipKb(file) {
  return gzipSync(readFileSync(file)).length / 1024;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

// 1. sizes
const html = readFileSync('dist/index.html', 'utf8');
const entry = /src="\/assets\/(index-[^"]+\.js)"/.exec(html)?.[1];
const assets = readdirSync('dist/assets');
const monaco = assets.find((f) => f.startsWith('DockerfileEditor-') && f.endsWith('.js'));
const entryCss = /href="\/assets\/(index-[^"]+\.css)"/.exec(html)?.[1];
console.log('Stagecraft page bench (this machine, this run)\n');
console.log('1. First-load JavaScript (gzip)');
console.table([
  { chunk: 'entry (React, graph, panels; no Monaco)', kB: gzipKb(`dist/assets/${entry}`).toFixed(1), budget: '≤ 250' },
  { chunk: 'entry CSS', kB: entryCss ? gzipKb(`dist/assets/${entryCss}`).toFixed(1) : '-', budget: '' },
  { chunk: 'Monaco editor chunk (lazy)', kB: gzipKb(`dist/assets/${monaco}`).toFixed(1), budget: '' },
]);

// 2. keystroke to settled views
const server = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--port', String(PORT), '--strictPort'], { stdio: 'ignore' });
try {
  for (let i = 0; i < 50; i++) {
    try {
      await fetch(`http://localhost:${PORT}/`);
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const executablePath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
  const rows = [];
  for (const lines of [100, 1000]) {
    const dockerfile = generateDockerfile(lines);
    const files = generateContext(2000).filter((f) => f !== 'Dockerfile' && f !== '.dockerignore');
    const workspace = { dockerfile, files, dockerignore: '.git\nnode_modules\n**/testdata\n*.md\n!README.md\n', target: null, buildArgs: {}, example: null };
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.addInitScript((w) => localStorage.setItem('stagecraft.workspace.v1', w), JSON.stringify(workspace));
    const loadStart = Date.now();
    await page.goto(`http://localhost:${PORT}/`);
    await page.waitForSelector('[data-testid="analysis-status"][data-state="ready"]', { timeout: 60_000 });
    const firstReady = Date.now() - loadStart;
    await page.locator('.view-lines').click();
    await page.keyboard.press('ControlOrMeta+End');
    // measured in the page, without polling from the test side (polling would cost main-thread time)
    await page.evaluate(() => {
      const status = document.querySelector('[data-testid="analysis-status"]');
      let start = 0;
      document.addEventListener('keydown', () => (start = performance.now()), true);
      window.__settled = () =>
        new Promise((resolve) => {
          const observer = new MutationObserver(() => {
            if (status.getAttribute('data-state') !== 'ready' || !start) return;
            observer.disconnect();
            const analysisMs = Number(status.getAttribute('data-analysis-ms'));
            // settled = the frame showing the new analysis has been painted
            requestAnimationFrame(() => setTimeout(() => resolve({ ms: performance.now() - start, analysisMs })));
          });
          observer.observe(status, { attributes: true });
        });
    });
    const samples = [];
    const analysis = [];
    for (let k = 0; k < KEYS; k++) {
      const settled = page.evaluate(() => window.__settled());
      await page.keyboard.type(k % 2 ? 'x' : '#');
      const { ms, analysisMs } = await settled;
      samples.push(ms);
      analysis.push(analysisMs);
      await page.waitForTimeout(20);
    }
    rows.push({
      lines: dockerfile.split('\n').length,
      'context files': files.length + 2,
      'first load to ready ms': firstReady,
      'keystroke → settled ms (median)': median(samples).toFixed(1),
      'bare analysis ms (median, worker)': median(analysis).toFixed(1),
      ratio: (median(samples) / median(analysis)).toFixed(1),
    });
    await page.close();
  }
  console.log('\n2. Keystroke to settled views (analysis in the worker, views re-rendered, frame painted)');
  console.table(rows);
  await browser.close();
} finally {
  server.kill();
}
