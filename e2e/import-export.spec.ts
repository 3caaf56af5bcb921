/**
 * Folder import (the file chooser, a dropped folder, a node_modules-sized tree) and the exports
 * (Dockerfile, .dockerignore, CLI command, graph as SVG, PNG and Mermaid), driven as a person.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Download, Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { defaultExample } from '../src/app/defaultExample.ts';
import { addBuildArg, answerReplace, chooseTarget, contextFile, contextStatuses, editorText, importFolder, openPlayground, stageNode, typeInEditor, waitUntilAnalysed } from './helpers.ts';

function makeProject(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'h9-import-'));
  const dir = join(root, 'shop-api');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const project = {
  Dockerfile: 'FROM node:22-alpine AS build\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY src/ ./src/\nRUN npm run build\n\nFROM node:22-alpine\nCOPY --from=build /app/dist /app/dist\nCOPY package.json /app/\n',
  '.dockerignore': 'node_modules\n.git\n*.log\n',
  'package.json': '{"name":"shop-api"}',
  'package-lock.json': '{}',
  'src/index.ts': 'export {};',
  'src/routes/orders.ts': 'export {};',
  'README.md': '# secret readme text that must never be read',
  'npm-debug.log': 'x',
  'node_modules/express/package.json': '{}',
  'node_modules/express/index.js': '',
  '.git/HEAD': 'ref: refs/heads/main',
};

async function readDownload(download: Download): Promise<Buffer> {
  const path = await download.path();
  return readFileSync(path!);
}

async function download(page: Page, testId: string): Promise<Download> {
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return d;
}

test('a folder picked with the file chooser loads its names, Dockerfile and .dockerignore; nothing is uploaded', async ({ page, watch }) => {
  const dir = makeProject(project);
  try {
    await openPlayground(page);
    await importFolder(page, dir);
    await expect(page.getByTestId('notice')).toContainText('Loaded 9 file names from “shop-api”');
    await expect(page.getByTestId('notice')).toContainText('Read only Dockerfile and .dockerignore; nothing was uploaded');
    await waitUntilAnalysed(page);
    expect(await editorText(page)).toBe(project.Dockerfile);
    await expect(page.getByTestId('dockerignore-editor')).toHaveValue(project['.dockerignore']);
    expect(await contextStatuses(page)).toEqual({
      Dockerfile: 'unused',
      '.dockerignore': 'unused',
      '.git/HEAD': 'ignored',
      'README.md': 'unused',
      'node_modules/express/index.js': 'ignored',
      'node_modules/express/package.json': 'ignored',
      'npm-debug.log': 'ignored',
      'package-lock.json': 'build-only',
      'package.json': 'final',
      'src/index.ts': 'build-only',
      'src/routes/orders.ts': 'build-only',
    });
    // only page assets were requested: no file content went anywhere
    expect(watch.requests.filter((u) => !/\.(js|css|svg|html|woff2?|ttf)(\?|$)|\/$/.test(new URL(u).pathname))).toEqual([]);
    expect(await page.content()).not.toContain('secret readme text');
    await page.screenshot({ path: '/tmp/h9-imported.png' });
  } finally {
    rmSync(dirname(dir), { recursive: true, force: true });
  }
});

test('importing over unsaved work asks first; without a Dockerfile the folder is the context for the one being drafted', async ({ page }) => {
  const { Dockerfile: _unused, ...withoutDockerfile } = project;
  const dir = makeProject(withoutDockerfile);
  try {
    await openPlayground(page);
    await typeInEditor(page, 'FROM node:22-alpine\nCOPY src/ /app/src/');
    await importFolder(page, dir);
    await answerReplace(page, false);
    await expect(page.getByTestId('notice')).toContainText('was not loaded');
    await expect(contextFile(page, 'src/index.ts')).toHaveCount(0);

    await importFolder(page, dir);
    await answerReplace(page, true);
    await expect(page.getByTestId('notice')).toContainText('has no Dockerfile at its top, so your Dockerfile was kept');
    await waitUntilAnalysed(page);
    expect(await editorText(page)).toBe('FROM node:22-alpine\nCOPY src/ /app/src/');
    await expect(contextFile(page, 'src/routes/orders.ts')).toHaveAttribute('data-status', 'final');
    await expect(contextFile(page, 'node_modules/express/index.js')).toHaveAttribute('data-status', 'ignored');
  } finally {
    rmSync(dirname(dir), { recursive: true, force: true });
  }
});

/** A project with `packages` × 100 files under node_modules/, which its .dockerignore excludes. */
function nodeProject(packages: number): string {
  const files: Record<string, string> = { Dockerfile: 'FROM node:22-alpine\nWORKDIR /app\nCOPY package.json ./\nCOPY src/ ./src/\n', '.dockerignore': 'node_modules\n', 'package.json': '{}', 'src/index.js': '' };
  for (let p = 0; p < packages; p++) for (let f = 0; f < 100; f++) files[`node_modules/pkg-${p}/lib/file-${f}.js`] = '';
  return makeProject(files);
}

/** Records, in the page, every state the import progress shows. */
async function recordProgress(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __progress: string[] };
    w.__progress = [];
    new MutationObserver(() => {
      const el = document.querySelector('[data-testid="import-progress"]');
      const state = el ? `${el.getAttribute('data-phase')}:${el.getAttribute('data-done')}` : 'none';
      if (w.__progress[w.__progress.length - 1] !== state) w.__progress.push(state);
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-phase', 'data-done'] });
  });
}

const progressSeen = (page: Page) => page.evaluate(() => (window as unknown as { __progress: string[] }).__progress);

test('a node_modules-sized folder is scanned in slices with progress; the excluded names can be left out', async ({ page }) => {
  test.setTimeout(180_000);
  const dir = nodeProject(300); // 30,004 files
  try {
    await openPlayground(page);
    await recordProgress(page);
    await importFolder(page, dir);
    const dialog = page.getByTestId('big-folder-dialog');
    await expect(dialog).toBeVisible({ timeout: 120_000 });
    await expect(dialog).toContainText('The folder has 30,002 files, and its .dockerignore excludes 30,000 of them (mostly in node_modules/ 30,000)');
    await page.screenshot({ path: '/tmp/h9-big-folder.png' });
    // several distinct counts were painted: the scan gave the browser turns in between
    const scanning = (await progressSeen(page)).filter((p) => p.startsWith('scanning:'));
    expect(scanning.length).toBeGreaterThanOrEqual(3);
    expect(scanning[scanning.length - 1]).toBe('scanning:30004');

    await dialog.getByTestId('big-folder-leave-out').click();
    await expect(page.getByTestId('notice')).toContainText('Loaded 2 file names from “shop-api”');
    await expect(page.getByTestId('notice')).toContainText('30,000 names that the .dockerignore excludes were left out');
    await waitUntilAnalysed(page);
    await expect(contextFile(page, 'src/index.js')).toHaveAttribute('data-status', 'final');
    await expect(page.getByTestId('context-file')).toHaveCount(4);
  } finally {
    rmSync(dirname(dir), { recursive: true, force: true });
  }
});

test('a big folder can be listed in full: every name can be found with its status, with a message while the panels fill', async ({ page }) => {
  test.setTimeout(180_000);
  const dir = nodeProject(60); // 6,004 files
  try {
    await openPlayground(page);
    await recordProgress(page);
    await importFolder(page, dir);
    await page.getByTestId('big-folder-keep-all').click();
    await expect(page.getByTestId('notice')).toContainText('Loaded 6,002 file names', { timeout: 120_000 });
    await waitUntilAnalysed(page);
    await expect(page.getByTestId('import-progress')).toHaveCount(0);
    expect(await progressSeen(page)).toContain('loading:6002');
    // every name is listed: above 2,000 files the panel draws the rows in view (CONTRACT.md
    // section 4) of a list of every file and folder (node_modules/, 60 pkg-N/ and lib/, src/)
    await expect(page.locator('[data-testid="status-count"][data-status="ignored"] strong')).toHaveText('6000');
    await expect(page.getByTestId('context-rows')).toHaveAttribute('data-rows', String(6004 + 122));
    expect(await page.getByTestId('context-file').count()).toBeLessThan(2_000);
    // and any of them is found by its path
    await page.getByTestId('context-filter').fill('node_modules/pkg-59/lib/file-99.js');
    await expect(contextFile(page, 'node_modules/pkg-59/lib/file-99.js')).toHaveAttribute('data-status', 'ignored');
    await page.getByTestId('context-filter').fill('src/');
    await expect(contextFile(page, 'src/index.js')).toHaveAttribute('data-status', 'final');
    await page.screenshot({ path: '/tmp/h9-big-import.png' });
  } finally {
    rmSync(dirname(dir), { recursive: true, force: true });
  }
});

test('files dropped on the page are loaded the same way', async ({ page }) => {
  await openPlayground(page);
  await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(['FROM alpine\nCOPY app.sh /\n'], 'Dockerfile'));
    dt.items.add(new File(['x'], 'app.sh'));
    dt.items.add(new File(['x'], 'notes.md'));
    document.body.dispatchEvent(new DragEvent('dragenter', { dataTransfer: dt, bubbles: true }));
    (window as unknown as { __dt: DataTransfer }).__dt = dt;
  });
  await expect(page.getByTestId('drop-overlay')).toBeVisible();
  await page.screenshot({ path: '/tmp/h9-drop-overlay.png' });
  await page.evaluate(() => {
    const dt = (window as unknown as { __dt: DataTransfer }).__dt;
    document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  });
  await expect(page.getByTestId('drop-overlay')).toHaveCount(0);
  await expect(page.getByTestId('notice')).toContainText('Loaded 2 file names');
  await waitUntilAnalysed(page);
  await expect(contextFile(page, 'app.sh')).toHaveAttribute('data-status', 'final');
  await expect(contextFile(page, 'notes.md')).toHaveAttribute('data-status', 'unused');
  expect(await editorText(page)).toBe('FROM alpine\nCOPY app.sh /\n');
});

test('export: Dockerfile, .dockerignore, the CLI command, and the graph as SVG, PNG and Mermaid', async ({ page }) => {
  await openPlayground(page);
  await chooseTarget(page, 'build');
  await addBuildArg(page, 'GO_VERSION', '1.23');
  const text = defaultExample.dockerfile;
  const dockerignore = await page.getByTestId('dockerignore-editor').inputValue();

  await page.getByTestId('export-button').click();
  await expect(page.getByTestId('export-panel')).toBeVisible();
  await expect(page.getByTestId('cli-command')).toHaveValue('npx stagecraft analyze Dockerfile --target build --build-arg GO_VERSION=1.23');
  await page.screenshot({ path: '/tmp/h9-export-panel.png' });

  const df = await download(page, 'download-dockerfile');
  expect(df.suggestedFilename()).toBe('Dockerfile');
  expect((await readDownload(df)).toString('utf8')).toBe(text);
  const di = await download(page, 'download-dockerignore');
  // Chromium drops the leading dot of a downloaded file's name (the menu says so)
  expect(['.dockerignore', 'dockerignore']).toContain(di.suggestedFilename());
  expect((await readDownload(di)).toString('utf8')).toBe(dockerignore);

  const svgDownload = await download(page, 'download-graph-svg');
  expect(svgDownload.suggestedFilename()).toBe('dockerfile-stages.svg');
  const svg = (await readDownload(svgDownload)).toString('utf8');
  expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  expect(svg.match(/<g class="stage"/g)).toHaveLength(5);
  expect(svg).toContain('data-stage-name="build" data-target="true"');
  writeFileSync('/tmp/h9-export.svg', svg);

  const pngDownload = await download(page, 'download-graph-png');
  expect(pngDownload.suggestedFilename()).toBe('dockerfile-stages.png');
  const png = await readDownload(pngDownload);
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const [w, h] = [png.readUInt32BE(16), png.readUInt32BE(20)];
  const svgWidth = Number(/width="(\d+)"/.exec(svg)![1]);
  expect(w).toBe(svgWidth * 2);
  expect(h).toBeGreaterThan(200);
  writeFileSync('/tmp/h9-export.png', png);

  await page.getByTestId('show-mermaid').click();
  const mermaid = await page.getByTestId('mermaid-text').inputValue();
  expect(mermaid.startsWith('```mermaid\nflowchart LR\n')).toBe(true);
  expect(mermaid).toContain('["build (target)<br/>FROM deps"]');
  expect(mermaid).toContain('["release (skipped)<br/>FROM scratch"]');
  expect(mermaid.endsWith('```\n')).toBe(true);

  // the SVG on its own, as a README or an image viewer shows it
  const viewer = await page.context().newPage();
  await viewer.setContent(`<body style="margin:0">${svg}</body>`);
  await viewer.screenshot({ path: '/tmp/h9-export-svg-rendered.png', fullPage: true });
  await viewer.close();
  await expect(stageNode(page, 'build')).toHaveAttribute('data-target', 'true');
});
