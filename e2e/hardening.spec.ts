/**
 * Hardening of the page (issue 9): text from strangers is shown as text and never runs, the
 * Content Security Policy holds (and the app works under it), oversized and hostile links are
 * refused before they are decoded, and huge workspaces keep typing responsive.
 *
 * The huge-input tests print what they measure (keystroke to settled views); no assertion is
 * about time: they assert that the views settle to the current text and that the contract's
 * elements are all there.
 */
import { mkdirSync, closeSync, openSync, rmSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'fflate';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { cspViolations, editor, focusEditor, importFolder, openPlayground, readableLink, stageNode, waitUntilAnalysed, watchCspViolations } from './helpers.ts';
import { encodeShareLink, SHARE_LIMITS } from '../src/app/share/link.ts';
import type { Workspace } from '../src/app/workspace.ts';
import { generateContext, generateDockerfile } from '../bench/gen.mjs';

// In the heavy run (huge inputs only) no trace: Playwright's trace snapshots the DOM at every
// step, and with a 50,000-row context panel the test then never finishes.
if (process.env.E2E_HEAVY) test.use({ trace: 'off' });

// ------------------------------------------------------------------------- hostile content

/** Markup and script in every place a stranger's text reaches the page. */
const XSS = {
  img: '<img src=x onerror=window.__xss=1>',
  svg: '"><svg onload=window.__xss=2>',
  js: 'javascript:window.__xss=3',
  script: '<script>window.__xss=4</script>',
  iframe: "'><iframe src=javascript:window.__xss=5>",
  style: '<style>*{display:none}</style>',
};

const hostileDockerfile = `# ${XSS.script}
ARG BASE=alpine:3.20
ARG EVIL=${XSS.img}
FROM \${BASE} AS build
LABEL note="${XSS.svg}" link="${XSS.js}"
COPY ["${XSS.img}", "/src/"]
COPY ${XSS.js.replace(/ /g, '')} /src/js/
RUN echo '${XSS.script}' && echo "$EVIL"
ENV HTML=${XSS.iframe.replace(/ /g, '')}

FROM build AS ${XSS.svg.replace(/ /g, '')}

FROM ${XSS.js} AS js

FROM scratch AS final
COPY --from=build ["/src/", "/app/${XSS.style}/"]
COPY --from=${XSS.img.split(' ')[0]} /x /y
`;

const hostileWorkspace: Workspace = {
  dockerfile: hostileDockerfile,
  files: [XSS.img, `${XSS.svg}.txt`, XSS.js.replace(/ /g, ''), `dir/${XSS.script}`, `dir/${XSS.iframe}`, `${XSS.style}/x`, 'ok.txt'],
  dockerignore: `${XSS.script}\n!${XSS.img}\n${XSS.iframe}`,
  target: XSS.svg,
  buildArgs: { BASE: XSS.img, EVIL: XSS.svg, 'X<b>': XSS.js },
  example: XSS.js,
};

/** Fails the test on any dialog (alert/confirm/prompt would mean a script of the link ran). */
function forbidDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  return dialogs;
}

/** Nothing the link carried became markup, a handler or a script URL. */
async function expectNothingInjected(page: Page, dialogs: string[]) {
  const found = await page.evaluate(() => {
    const bad: string[] = [];
    if ((window as unknown as { __xss?: unknown }).__xss !== undefined) bad.push(`window.__xss = ${String((window as unknown as { __xss?: unknown }).__xss)}`);
    for (const el of Array.from(document.querySelectorAll('*'))) {
      for (const a of Array.from(el.attributes)) {
        if (/^on/i.test(a.name)) bad.push(`<${el.tagName.toLowerCase()} ${a.name}="${a.value}">`);
        if (['href', 'src', 'action', 'formaction', 'xlink:href', 'data'].includes(a.name) && /^\s*javascript:/i.test(a.value)) bad.push(`<${el.tagName.toLowerCase()} ${a.name}="${a.value}">`);
      }
    }
    for (const el of Array.from(document.querySelectorAll('img[src="x"], iframe, object, embed, script:not([src])'))) bad.push(el.outerHTML.slice(0, 120));
    for (const el of Array.from(document.querySelectorAll('style'))) if (el.textContent?.includes('*{display:none}')) bad.push(el.outerHTML.slice(0, 120));
    return bad;
  });
  expect(found, 'injected elements or handlers').toEqual([]);
  expect(dialogs, 'dialogs opened by the page').toEqual([]);
  expect(await cspViolations(page), 'CSP violations').toEqual([]);
}

async function contextPaths(page: Page): Promise<string[]> {
  return page.getByTestId('context-file').evaluateAll((els) => els.map((e) => e.getAttribute('data-path') ?? ''));
}

for (const form of ['share link', 'readable link'] as const) {
  test(`markup and script in a ${form} are shown as text and never run`, async ({ page, baseURL }) => {
    const dialogs = forbidDialogs(page);
    await watchCspViolations(page);
    const url =
      form === 'share link'
        ? encodeShareLink(hostileWorkspace, `${baseURL}/`)
        : readableLink({ dockerfile: hostileWorkspace.dockerfile, dockerignore: hostileWorkspace.dockerignore, files: hostileWorkspace.files, target: hostileWorkspace.target!, buildArgs: hostileWorkspace.buildArgs });
    await openPlayground(page, url);

    // the strings arrive, as text: file names, stage bases, ARG values, the target, the editor
    const paths = await contextPaths(page);
    for (const f of hostileWorkspace.files.filter((f) => !f.includes(','))) expect(paths).toContain(f);
    await expect(page.getByTestId('context-file').filter({ hasText: XSS.img }).first()).toBeVisible();
    await expect(stageNode(page, 'build')).toContainText(XSS.img); // FROM ${BASE} with BASE from the link
    await expect(page.getByTestId('diagnostic').filter({ hasText: '<svg' }).first()).toBeAttached(); // the unknown target, quoted
    await expect(editor(page).locator('.view-lines')).toContainText('onerror=window.__xss=1');

    // look at everything that shows names: select files and stages, open the problems
    for (const f of [XSS.img, `dir/${XSS.script}`]) {
      await page.locator('[data-testid="context-file"]').filter({ hasText: f.split('/').pop()! }).first().click();
    }
    await stageNode(page, 'build').click();
    await page.getByTestId('diagnostic').first().click();
    await page.getByTestId('share-button').click();
    await expectNothingInjected(page, dialogs);
    await page.screenshot({ path: `/tmp/h11-hostile-${form.replace(' ', '-')}.png` });
  });
}

// Found by the fuzz suite: analysis.context used to be a plain object, so the row of a file
// named __proto__ got Object.prototype as its status and React blanked the page (error #31).
test('a context file named __proto__ is a file like any other', async ({ page }) => {
  await page.goto(readableLink({ dockerfile: 'FROM alpine:3.20\nCOPY . /x/\n', files: ['__proto__', 'constructor', 'a/__proto__/b'] }));
  await expect(page.getByTestId('analysis-status')).toHaveAttribute('data-state', 'ready', { timeout: 8_000 });
  for (const f of ['__proto__', 'constructor', 'a/__proto__/b']) await expect(page.locator(`[data-testid="context-file"][data-path="${f}"]`)).toHaveAttribute('data-status', 'final', { timeout: 2_000 });
});

test('Monaco hovers and completions show hostile names as text', async ({ page, baseURL }) => {
  const dialogs = forbidDialogs(page);
  await watchCspViolations(page);
  await openPlayground(page, encodeShareLink(hostileWorkspace, `${baseURL}/`));
  // hover the stage reference and open completion after --from=
  await editor(page).locator('.view-line').filter({ hasText: 'COPY --from=' }).first().hover();
  // move away so the hover widget no longer covers the lines before clicking into the editor
  await page.mouse.move(1, 1);
  await page.keyboard.press('Escape');
  await focusEditor(page);
  await page.keyboard.press('Enter');
  await page.keyboard.insertText('COPY --from=');
  await page.keyboard.press('Control+Space');
  await expect(editor(page).locator('.suggest-widget')).toBeVisible();
  await page.keyboard.press('Escape');
  await expectNothingInjected(page, dialogs);
});

// ----------------------------------------------------------------- Content Security Policy

test('the Content Security Policy forbids inline script and other origins; the app works under it', async ({ page, watch }) => {
  await watchCspViolations(page);
  await openPlayground(page);

  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  const directives = Object.fromEntries((policy ?? '').split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
  expect(directives['default-src']).toEqual(["'self'"]);
  expect(directives['script-src']).toEqual(["'self'"]);
  expect(directives['object-src']).toEqual(["'none'"]);
  expect(directives['base-uri']).toEqual(["'none'"]);
  for (const [k, v] of Object.entries(directives)) {
    expect(v.join(' '), k).not.toMatch(/unsafe-eval|\*|https?:/);
    if (k !== 'style-src') expect(v.join(' '), k).not.toContain('unsafe-inline');
  }

  // Monaco (lazy chunk, inline styles, its worker), the analysis worker and the graph all work
  await expect(editor(page).locator('.view-lines')).toContainText('FROM');
  await focusEditor(page);
  await page.keyboard.press('Enter');
  await page.keyboard.insertText('FROM alpine AS csp');
  await waitUntilAnalysed(page);
  await expect(stageNode(page, 'csp')).toBeVisible();
  await page.keyboard.press('Control+Space'); // suggest widget: inline styles, codicon font
  await expect(editor(page).locator('.suggest-widget')).toBeVisible();
  await page.keyboard.press('Escape');
  expect(await page.evaluate(() => document.fonts.check('16px codicon'))).toBe(true);
  expect(await cspViolations(page), 'no violation while the app works').toEqual([]);

  // and what it forbids is refused: inline scripts, inline handlers, javascript: URLs, other hosts
  const probes = await page.evaluate(async () => {
    const w = window as unknown as Record<string, unknown>;
    const s = document.createElement('script');
    s.textContent = 'window.__inline = 1';
    document.body.append(s);
    const b = document.createElement('button');
    b.setAttribute('onclick', 'window.__handler = 1');
    document.body.append(b);
    b.click();
    b.remove();
    const a = document.createElement('a');
    a.href = 'javascript:window.__jsurl = 1';
    document.body.append(a);
    a.click();
    a.remove();
    const remote = await fetch('https://example.com/').then(
      () => 'reached',
      () => 'refused',
    );
    await new Promise((r) => setTimeout(r, 100));
    const ran = (k: string) => (w[k] === undefined ? 'refused' : 'ran');
    return { inline: ran('__inline'), handler: ran('__handler'), jsurl: ran('__jsurl'), remote };
  });
  expect(probes).toEqual({ inline: 'refused', handler: 'refused', jsurl: 'refused', remote: 'refused' });
  await expect.poll(async () => (await cspViolations(page)).length).toBeGreaterThanOrEqual(4);
  const v = (await cspViolations(page)).join('\n');
  expect(v).toMatch(/script-src-elem blocked inline/);
  expect(v).toMatch(/script-src-attr blocked inline/);
  expect(v).toMatch(/connect-src blocked https:\/\/example\.com/);
  // the browser logs each refusal: those console errors are this test's own doing
  const own = /Content Security Policy|Failed to fetch|Refused to/;
  watch.consoleErrors.splice(0, watch.consoleErrors.length, ...watch.consoleErrors.filter((m) => !own.test(m)));
});

// ----------------------------------------------------------------------- oversized links

test('links over the size limit are refused before decoding, and a decompression bomb is bounded', async ({ page, baseURL }) => {
  // a workspace of the person's own, autosaved
  await openPlayground(page, readableLink({ dockerfile: 'FROM alpine:3.20 AS mine\n' }));
  await expect(stageNode(page, 'mine')).toBeVisible();

  const over = SHARE_LIMITS.maxFragmentChars + 1024;
  const cases: [string, RegExp][] = [
    // characters no share link contains: refused for its size, so never looked at
    [`/#v1=${'!'.repeat(over)}`, /too large/],
    // (a readable link's query over its limit never reaches the page: servers refuse headers that
    // large, 431 from Vite's preview; the page's own query limit is unit-tested in link.test.ts)
    // 64 MiB of zeros deflate to about 64 KiB: inflating stops past the limit
    [`/#v1=${Buffer.from(deflateSync(new Uint8Array(64 * 1024 * 1024), { level: 9 })).toString('base64url')}`, /expands to more than/],
  ];
  for (const [path, message] of cases) {
    await page.goto(`${baseURL}${path}`);
    await expect(page.getByTestId('notice')).toContainText(message);
    await waitUntilAnalysed(page);
    await expect(stageNode(page, 'mine')).toBeVisible(); // the workspace is untouched
    await expect(page.getByTestId('stage-node')).toHaveCount(1);
  }
});

// --------------------------------------------------------------------------- huge inputs

interface Responsiveness {
  /** keydown of the last keystroke until the analysis is ready and the new stage is shown */
  settledMs: number;
  /** the longest keydown-to-next-paint of the burst (Event Timing API) */
  worstKeyMs: number;
}

/**
 * Types a burst of keystrokes at the end of the editor, the last of which completes a new
 * stage's name, and measures in the page: the longest keystroke (input to next paint) and the
 * time from the last keydown until the views are settled to the current text.
 */
async function typeNewStage(page: Page, name: string): Promise<Responsiveness> {
  await focusEditor(page);
  await page.keyboard.press('Enter');
  await page.keyboard.insertText(`FROM alpine AS ${name.slice(0, -1)}`);
  await page.evaluate((stage) => {
    const w = window as unknown as { __settled: Promise<number>; __keyDurations: number[] };
    w.__keyDurations = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.name === 'keydown') w.__keyDurations.push(e.duration);
    }).observe({ type: 'event', durationThreshold: 16, buffered: false } as PerformanceObserverInit);
    w.__settled = new Promise<number>((resolve) => {
      let last = -1;
      document.addEventListener('keydown', (e) => {
        if (e.key === stage.slice(-1)) last = performance.now();
      }, { capture: true });
      const check = () => {
        if (last < 0) return;
        const ready = document.querySelector('[data-testid="analysis-status"]')?.getAttribute('data-state') === 'ready';
        if (ready && document.querySelector(`[data-testid="stage-node"][data-stage-name="${stage}"]`)) {
          obs.disconnect();
          resolve(performance.now() - last);
        }
      };
      const obs = new MutationObserver(check);
      obs.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state', 'data-stage-name'] });
    });
  }, name);
  await page.keyboard.type(name.slice(-1));
  const settledMs = await page.evaluate(() => (window as unknown as { __settled: Promise<number> }).__settled);
  await expect(stageNode(page, name)).toBeAttached();
  await waitUntilAnalysed(page);
  // a burst of plain typing in a comment: every key re-analyses the whole file
  await page.keyboard.press('Enter');
  await page.keyboard.type('#abcdefghijklmnop');
  await waitUntilAnalysed(page);
  await page.waitForTimeout(200); // let the last Event Timing entries arrive
  const durations = await page.evaluate(() => (window as unknown as { __keyDurations: number[] }).__keyDurations);
  return { settledMs: Math.round(settledMs), worstKeyMs: Math.round(Math.max(0, ...durations)) };
}

/** 10,000 lines in 20 long stages (long RUN scripts, many COPY lines): big real Dockerfiles look like this */
function longStagesDockerfile(lines: number, stages: number): string {
  const out = ['# syntax=docker/dockerfile:1', 'ARG GO=1.22'];
  const per = Math.floor((lines - 2) / stages);
  for (let i = 0; i < stages; i++) {
    const start = out.length;
    out.push(`FROM ${i === 0 ? 'golang:${GO}' : `s${i - 1}`} AS s${i}`, `WORKDIR /work/s${i}`, `COPY pkg${i % 50}/ ./pkg/`, 'RUN set -eux; \\');
    while (out.length - start < per - 2) out.push(`    echo "step ${out.length - start} of stage ${i}" > /tmp/s${i}-${out.length - start}.log; \\`);
    out.push('    true', `COPY --from=${i === 0 ? 'golang:1.22' : `s${i - 1}`} /usr/local/go/VERSION /versions/s${i}`);
  }
  while (out.length < lines) out.push(`LABEL filler.${out.length}="x"`);
  return out.join('\n') + '\n';
}

async function openHugeLink(page: Page, baseURL: string | undefined, dockerfile: string, files: string[]) {
  const link = encodeShareLink({ dockerfile, files, dockerignore: '', target: null, buildArgs: {}, example: null }, `${baseURL}/`);
  const opened = Date.now();
  await page.goto(link);
  await expect(page.getByTestId('analysis-status')).toHaveAttribute('data-state', 'ready', { timeout: 120_000 });
  return Date.now() - opened;
}

async function checkHugeWorkspace(page: Page, dockerfile: string, files: string[], label: string) {
  const stages = (dockerfile.match(/^FROM /gm) ?? []).length;
  await expect(page.getByTestId('stage-node')).toHaveCount(stages);
  const expectedFiles = new Set([...files, 'Dockerfile']).size;
  expect(expectedFiles).toBeGreaterThanOrEqual(2_000);
  await expect(page.getByTestId('context-file')).toHaveCount(expectedFiles);
  await expect(page.getByTestId('target-select').locator('option')).toHaveCount(stages + 1);

  const r = await typeNewStage(page, 'typed1');
  await expect(page.getByTestId('stage-node')).toHaveCount(stages + 1);
  await expect(stageNode(page, 'typed1')).toHaveAttribute('data-target', 'true');
  await expect(page.getByTestId('context-file')).toHaveCount(expectedFiles);
  expect(await editor(page).locator('.view-lines').innerText()).toContain('#abcdefghijklmnop');
  await page.screenshot({ path: `/tmp/h11-huge-${label}.png` });
  return { stages, files: expectedFiles, ...r };
}

test('a 10,000-line Dockerfile (20 long stages) with 2,000 context files: typing settles, every element is there', async ({ page, baseURL }) => {
  test.setTimeout(180_000);
  const dockerfile = longStagesDockerfile(10_000, 20);
  expect(dockerfile.split('\n').length - 1).toBe(10_000);
  const files = generateContext(2_000);
  const openMs = await openHugeLink(page, baseURL, dockerfile, files);
  const m = await checkHugeWorkspace(page, dockerfile, files, '10k-lines');
  console.log(`10,000 lines, ${m.stages} stages, ${m.files} files: opened in ${openMs} ms; last keystroke to settled ${m.settledMs} ms; worst keystroke to next paint ${m.worstKeyMs} ms`);
  test.info().annotations.push({ type: 'measure', description: JSON.stringify({ openMs, ...m }) });
});

// The stage graph lays out with dagre, synchronously, in the render (src/app/graph/layout.ts,
// StageGraph.tsx reconcileNodes): 715 stages block the page for minutes (250 s measured: the
// views never settle while the person types). Enable once the layout is bounded (see report).
test.fixme('a 10,000-line Dockerfile of 715 generated stages with 2,000 context files: typing settles', async ({ page, baseURL }) => {
  test.setTimeout(300_000);
  const dockerfile = generateDockerfile(10_000);
  const files = generateContext(2_000);
  const openMs = await openHugeLink(page, baseURL, dockerfile, files);
  const m = await checkHugeWorkspace(page, dockerfile, files, '10k-stages');
  console.log(`10,000 lines, ${m.stages} stages, ${m.files} files: opened in ${openMs} ms; last keystroke to settled ${m.settledMs} ms; worst keystroke to next paint ${m.worstKeyMs} ms`);
});

// Runs in `npm run test:heavy` (E2E_HEAVY=1, see playwright.config.ts): picking 50,000 files
// through the file chooser alone takes Playwright 15+ s on 2 cores.
test.describe('a 50,000-file folder', () => {
  let dir: string;
  test.beforeAll(() => {
    dir = join(mkdtempSync(join(tmpdir(), 'stagecraft-e2e-')), 'big-project');
    for (let d = 0; d < 100; d++) {
      const sub = join(dir, `pkg${d % 10}`, `mod${d}`);
      mkdirSync(sub, { recursive: true });
      for (let f = 0; f < 500; f++) closeSync(openSync(join(sub, `f${f}.go`), 'w'));
    }
    writeFileSync(join(dir, 'Dockerfile'), 'FROM golang:1.22 AS build\nWORKDIR /src\nCOPY pkg0/ ./pkg0/\nRUN go build ./...\n\nFROM alpine:3.20\nCOPY --from=build /src/pkg0/mod0 /app\n');
    writeFileSync(join(dir, '.dockerignore'), 'pkg9\n');
  });
  test.afterAll(() => rmSync(join(dir, '..'), { recursive: true, force: true }));

  test('opened with "Open folder": typing settles, the context panel keeps an element per file', async ({ page }) => {
    test.setTimeout(600_000);
    await openPlayground(page);
    const started = Date.now();
    await importFolder(page, dir);
    const pickedMs = Date.now() - started;
    // "a big folder: list every name?": yes, every one (the point of this test)
    await page.locator('css=[data-testid="big-folder-keep-all"]').click({ timeout: 300_000 });
    // plain CSS from here on: Playwright's own locator engines are slow over 50,000 elements
    await page.waitForSelector('dialog[data-testid="replace-dialog"][open], [data-testid="notice"]', { timeout: 300_000 });
    if ((await page.locator('css=dialog[data-testid="replace-dialog"][open]').count()) > 0) await page.locator('css=[data-testid="confirm-replace"]').click();
    await expect(page.locator('css=[data-testid="notice"]')).toContainText(/Loaded 50,00\d file names/, { timeout: 300_000 });
    await expect(page.locator('css=[data-testid="analysis-status"]')).toHaveAttribute('data-state', 'ready', { timeout: 300_000 });
    const openMs = Date.now() - started;

    const shown = await page.evaluate(() => document.querySelectorAll('[data-testid="context-file"]').length);
    expect(shown).toBeGreaterThanOrEqual(2_000);
    await expect(page.locator('css=[data-testid="context-file"][data-path="pkg0/mod0/f1.go"]')).toHaveAttribute('data-status', 'final');
    await expect(page.locator('css=[data-testid="context-file"][data-path="pkg9/mod9/f1.go"]')).toHaveAttribute('data-status', 'ignored');

    const r = await typeNewStage(page, 'typed2');
    await expect(stageNode(page, 'typed2')).toHaveAttribute('data-target', 'true');
    await page.screenshot({ path: '/tmp/h11-huge-50k.png' });
    console.log(`50,000-file folder: files picked in ${pickedMs} ms, imported and analysed in ${openMs} ms, ${shown} context-file elements; last keystroke to settled ${r.settledMs} ms; worst keystroke to next paint ${r.worstKeyMs} ms`);
    test.info().annotations.push({ type: 'measure', description: JSON.stringify({ pickedMs, openMs, shown, ...r }) });
  });
});
