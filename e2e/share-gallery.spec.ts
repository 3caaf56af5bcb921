/**
 * Sharing, the examples gallery and never losing work (issue 7), driven as a person would:
 * the share button, a fresh browser opening the link, damaged links, the gallery, the
 * before/after toggle, "new" and "reset example", and two tabs editing at once.
 */
import type { Browser, Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures.ts';
import {
  addBuildArg,
  answerReplace,
  chooseTarget,
  contextFile,
  contextStatuses,
  editorText,
  finalPaths,
  openExample,
  openPlayground,
  readableLink,
  shareLink,
  stageNode,
  stageStates,
  typeInEditor,
  waitUntilAnalysed,
  waitUntilSaved,
} from './helpers.ts';
import { examples, exampleById } from '../src/app/examples/index.ts';
import { encodeShareLink } from '../src/app/share/link.ts';

const workspace = {
  dockerfile:
    '# syntax=docker/dockerfile:1\nARG BASE=alpine:3.20\nFROM ${BASE} AS build\nWORKDIR /src\nCOPY src/ ./src/\nCOPY Makefile .\nRUN make\n\nFROM build AS test\nCOPY tests/ ./tests/\nRUN make test\n\nFROM scratch AS out\nCOPY --from=build /src/app /app\nCOPY LICENSE "/licenses/ä b.txt"\n',
  dockerignore: '*.log\n.git\n',
  files: ['src/main.c', 'src/util.c', 'tests/run.sh', 'Makefile', 'LICENSE', 'debug.log', '.git/HEAD', 'docs/a,b.md'],
  buildArgs: { BASE: 'debian:12-slim' },
};

/** Everything a person sees that the workspace decides. */
async function snapshot(page: Page) {
  await waitUntilAnalysed(page);
  return {
    text: await editorText(page),
    target: await page.getByTestId('target-select').inputValue(),
    stages: await stageStates(page),
    context: await contextStatuses(page),
    final: await finalPaths(page),
    dockerignore: await page.getByTestId('dockerignore-editor').inputValue(),
  };
}

/** A page in a brand-new browser context: no autosave, no history, nothing shared with the first. */
async function freshPage(browser: Browser): Promise<{ page: Page; errors: string[]; close(): Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  return { page, errors, close: () => context.close() };
}

test('share: a fresh browser opening the link sees the same text, files, target and statuses', async ({ page, browser }) => {
  await openPlayground(page, readableLink(workspace));
  await chooseTarget(page, 'test');
  const mine = await snapshot(page);
  expect(mine.context['tests/run.sh']).toBe('final');
  expect(mine.context['debug.log']).toBe('ignored');

  const link = await shareLink(page);
  expect(new URL(link).hash).toMatch(/^#v1=[A-Za-z0-9_-]+$/);
  await expect(page.getByTestId('share-link-length')).toHaveText(`${link.length.toLocaleString('en-US')} characters`);
  await expect(page.getByTestId('share-link-warning')).toHaveCount(0);
  await page.screenshot({ path: '/tmp/h9-share-panel.png' });

  const fresh = await freshPage(browser);
  await fresh.page.goto(link);
  expect(await snapshot(fresh.page)).toEqual(mine);
  await expect(fresh.page.getByTestId('replace-dialog')).toBeHidden();
  // the link is now the workspace: the address no longer carries it
  expect(new URL(fresh.page.url()).hash).toBe('');
  expect(fresh.errors).toEqual([]);
  await fresh.close();

  // the readable form opens the same way
  const readable = await shareLink(page, { readable: true });
  expect(readable).toContain('?dockerfile=');
  expect(readable).toContain('build-arg=BASE=debian:12-slim');
  const fresh2 = await freshPage(browser);
  await fresh2.page.goto(readable);
  expect(await snapshot(fresh2.page)).toEqual(mine);
  expect(fresh2.errors).toEqual([]);
  await fresh2.close();
});

test('share: a long link says how long it is and warns', async ({ page }) => {
  const files = Array.from({ length: 600 }, (_, i) => `src/module-${i}/handler-${(i * 7919) % 1000}.ts`);
  // a share link (the fragment never reaches the server, which refuses very long addresses)
  const long = encodeShareLink({ dockerfile: 'FROM node:22-alpine\nCOPY src/ /app/src/\n', files, dockerignore: '', target: null, buildArgs: {}, example: null }, 'http://localhost/');
  await openPlayground(page, `/${new URL(long).hash}`);
  const link = await shareLink(page);
  expect(link.length).toBeGreaterThan(2000);
  await expect(page.getByTestId('share-link-warning')).toContainText(`${link.length.toLocaleString('en-US')} characters long`);
  await page.screenshot({ path: '/tmp/h9-share-warning.png' });
});

test('a damaged link shows a message and the autosaved work is intact, also after a reload', async ({ page }) => {
  await openPlayground(page, readableLink({ dockerfile: 'FROM alpine AS mine\n' }));
  await typeInEditor(page, 'FROM alpine AS mine\nRUN echo my work');
  await waitUntilSaved(page);
  const link = await shareLink(page);

  const damaged = [
    link.slice(0, link.length - 9), // cut off when copied
    link.replace(/#v1=(.{8})/, '#v1=$1*'), // a character that cannot be in the link
    link.replace('#v1=', '#v99='), // made by a newer Stagecraft
    `${link.split('#')[0]}#v1=${'A'.repeat(300_000)}`, // too large
  ];
  for (const bad of damaged) {
    await page.goto(bad);
    await expect(page.getByTestId('notice')).toContainText('can’t be opened');
    await waitUntilAnalysed(page);
    expect(await editorText(page)).toBe('FROM alpine AS mine\nRUN echo my work');
  }
  await page.screenshot({ path: '/tmp/h9-damaged-link.png' });
  await page.reload();
  await waitUntilAnalysed(page);
  expect(await editorText(page)).toBe('FROM alpine AS mine\nRUN echo my work');
  await page.goto('/');
  await waitUntilAnalysed(page);
  expect(await editorText(page)).toBe('FROM alpine AS mine\nRUN echo my work');
  await expect(page.getByTestId('notice')).toHaveCount(0);
});

test('opening a link over different unsaved work asks first', async ({ page }) => {
  await openPlayground(page);
  await typeInEditor(page, 'FROM alpine AS draft\nRUN echo unsaved elsewhere');
  await waitUntilSaved(page);
  const other = readableLink({ dockerfile: 'FROM busybox AS linked\n' });

  // a link opened in this browser: the autosave holds different work, so the page asks
  await page.goto(other);
  await answerReplace(page, false);
  await waitUntilAnalysed(page);
  expect(await editorText(page)).toBe('FROM alpine AS draft\nRUN echo unsaved elsewhere');
  expect(new URL(page.url()).search).toBe('');
  await expect(page.getByTestId('notice')).toContainText('not opened');

  await page.goto(other);
  await expect(page.getByTestId('replace-dialog')).toContainText('Open this link?');
  await page.screenshot({ path: '/tmp/h9-link-asks.png' });
  await answerReplace(page, true);
  await expect(stageNode(page, 'linked')).toBeVisible();
  await waitUntilSaved(page);

  // a share link pasted into the address bar of the open page (only the fragment changes)
  await typeInEditor(page, 'FROM busybox AS linked\nRUN echo edited');
  await waitUntilSaved(page);
  const fragment = await shareLink(page);
  await typeInEditor(page, 'FROM busybox AS other');
  await page.evaluate((h) => (location.hash = h), new URL(fragment).hash);
  await answerReplace(page, true);
  await waitUntilAnalysed(page);
  expect(await editorText(page)).toBe('FROM busybox AS linked\nRUN echo edited');
});

test('the gallery lists every example with its title, summary and tags', async ({ page }) => {
  await openPlayground(page);
  await page.getByTestId('examples-button').click();
  const cards = page.getByTestId('example-card');
  await expect(cards).toHaveCount(examples.length);
  expect(examples.length).toBeGreaterThanOrEqual(10);
  for (const e of examples) {
    const card = page.locator(`[data-testid="example-card"][data-example-id="${e.id}"]`);
    await expect(card.getByRole('heading')).toHaveText(e.title);
    await expect(card).toContainText(e.summary);
    for (const tag of e.tags) await expect(card.getByRole('listitem').filter({ hasText: tag }).first()).toBeVisible();
  }
  await page.screenshot({ path: '/tmp/h9-gallery.png' });
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('gallery-dialog')).toBeHidden();
});

/** What each example is there to show, checked on the page. */
const points: Record<string, (page: Page) => Promise<void>> = {
  'go-distroless': async (page) => {
    expect(await finalPaths(page)).toEqual(['/api']);
    await expect(contextFile(page, 'cmd/api/main.go')).toHaveAttribute('data-status', 'build-only');
  },
  'go-scratch': async (page) => {
    expect(await finalPaths(page)).toEqual(['/etc/ssl/certs/ca-certificates.crt', '/worker']);
    await expect(contextFile(page, 'vendor/modules.txt')).toHaveAttribute('data-status', 'build-only');
  },
  'node-typescript': async (page) => {
    expect(await finalPaths(page)).toContain('/app/dist');
    await expect(contextFile(page, 'src/server.ts')).toHaveAttribute('data-status', 'build-only');
    await expect(contextFile(page, 'package.json')).toHaveAttribute('data-status', 'final');
    await expect(contextFile(page, 'node_modules/express/package.json')).toHaveAttribute('data-status', 'ignored');
  },
  'vite-nginx': async (page) => {
    expect(await finalPaths(page)).toEqual(['/etc/nginx/conf.d/default.conf', '/usr/share/nginx/html']);
    await expect(contextFile(page, 'src/App.tsx')).toHaveAttribute('data-status', 'build-only');
  },
  'python-wheels': async (page) => {
    await expect(page.locator('[data-testid="stage-edge"][data-kind="mount"]').first()).toBeAttached();
    expect((await finalPaths(page)).some((p) => p.startsWith('/wheels'))).toBe(false);
    await expect(contextFile(page, 'tests/test_views.py')).toHaveAttribute('data-status', 'ignored');
  },
  'python-venv': async (page) => {
    expect(await finalPaths(page)).toContain('/opt/venv');
    await expect(contextFile(page, 'src/shop/api.py')).toHaveAttribute('data-status', 'build-only');
  },
  'rust-cached-deps': async (page) => {
    expect(await finalPaths(page)).toEqual(['/usr/local/bin/ledger']);
    await expect(contextFile(page, 'Cargo.lock')).toHaveAttribute('data-status', 'build-only');
  },
  'java-spring-layers': async (page) => {
    await expect(page.getByTestId('stage-node')).toHaveCount(3);
    const extract = await stageNode(page, 'extract').getAttribute('data-stage-index');
    await expect(page.locator(`[data-testid="stage-edge"][data-kind="copy"][data-from="stage:${extract}"]`)).toHaveCount(4);
  },
  'test-stage': async (page) => {
    await expect(stageNode(page, 'test')).toHaveAttribute('data-needed', 'false');
    await expect(contextFile(page, 'test/helpers.ts')).toHaveAttribute('data-status', 'unused');
    await chooseTarget(page, 'test');
    await expect(stageNode(page, 'test')).toHaveAttribute('data-target', 'true');
    await expect(contextFile(page, 'test/helpers.ts')).toHaveAttribute('data-status', 'final');
  },
  'cache-mounts': async (page) => {
    expect(await finalPaths(page)).toEqual(['/bin/server']);
    await expect(contextFile(page, 'handlers/upload.go')).toHaveAttribute('data-status', 'build-only');
  },
  'secret-mount': async (page) => {
    await expect(contextFile(page, '.npmrc')).toHaveAttribute('data-status', 'ignored');
    expect((await finalPaths(page)).some((p) => p.includes('npmrc'))).toBe(false);
  },
  'external-tools-image': async (page) => {
    await expect(page.locator('[data-testid="stage-edge"][data-kind="copy"][data-from="image:ghcr.io/astral-sh/uv:0.5.11"]')).toHaveCount(1);
    expect(await finalPaths(page)).toEqual(['/app/.venv']);
  },
  'arg-variants': async (page) => {
    await expect(stageNode(page, 'base-dev')).toHaveAttribute('data-needed', 'false');
    await expect(stageNode(page, 'base-prod')).toHaveAttribute('data-needed', 'true');
    await addBuildArg(page, 'VARIANT', 'dev');
    await expect(stageNode(page, 'base-dev')).toHaveAttribute('data-needed', 'true');
    await expect(stageNode(page, 'base-prod')).toHaveAttribute('data-needed', 'false');
  },
};

test('every example has a check of its point', () => {
  expect(Object.keys(points).sort()).toEqual(examples.map((e) => e.id).sort());
});

for (const e of examples) {
  test(`example ${e.id} loads and shows its point`, async ({ page }) => {
    await openPlayground(page);
    await openExample(page, e.id);
    await expect(page.getByTestId('example-notice')).toHaveText(`What to notice: ${e.notice}`);
    // Monaco renders the lines in view: compare those
    const shown = (await editorText(page)).split('\n').slice(0, 15);
    expect(shown).toEqual(e.workspace.dockerfile.split('\n').slice(0, 15));
    await expect(page.getByTestId('dockerignore-editor')).toHaveValue(e.workspace.dockerignore);
    await points[e.id](page);
    if (e.id === 'go-scratch') await page.screenshot({ path: '/tmp/h9-example-go-scratch.png' });
  });
}

test('before/after: the single-stage version ships the context and the toolchain', async ({ page }) => {
  const e = exampleById('go-distroless')!;
  await openPlayground(page);
  await openExample(page, e.id);
  const compare = page.getByTestId('example-compare');
  await expect(page.getByTestId('compare-after-files')).toHaveText('1');
  const beforeFiles = Number(await page.getByTestId('compare-before-files').textContent());
  expect(beforeFiles).toBeGreaterThan(10);
  await expect(page.getByTestId('compare-before-size')).toHaveText(/~\d+ MB/);
  await expect(page.getByTestId('compare-after-size')).toHaveText(/~?\d+(\.\d)? MB/);
  await expect(compare).toContainText('approximations');
  await expect(page.getByTestId('example-variant-after')).toHaveAttribute('aria-pressed', 'true');
  await page.screenshot({ path: '/tmp/h9-before-after.png' });

  // an untouched example switches without asking
  await page.getByTestId('example-variant-before').click();
  await waitUntilAnalysed(page);
  await expect(page.getByTestId('example-variant-before')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('stage-node')).toHaveCount(1);
  expect((await finalPaths(page)).length).toBe(beforeFiles);
  await expect(contextFile(page, 'cmd/api/main.go')).toHaveAttribute('data-status', 'final');

  // edited: switching and resetting ask first
  await typeInEditor(page, `${e.before!.dockerfile.trimEnd()}\nLABEL mine=yes`);
  await expect(page.getByTestId('example-bar')).toHaveAttribute('data-edited', 'true');
  await page.getByTestId('example-variant-after').click();
  await answerReplace(page, false);
  await expect(page.getByTestId('stage-node')).toHaveCount(1);
  await page.getByTestId('reset-example').click();
  await answerReplace(page, true);
  await waitUntilAnalysed(page);
  await expect(page.getByTestId('example-bar')).toHaveAttribute('data-edited', 'false');
  expect(await editorText(page)).toBe(e.before!.dockerfile);
  await page.getByTestId('example-variant-after').click();
  await waitUntilAnalysed(page);
  expect(await finalPaths(page)).toEqual(['/api']);
});

test('"new" asks before discarding work, then starts empty; the gallery opens over it freely', async ({ page }) => {
  await openPlayground(page);
  await typeInEditor(page, 'FROM alpine AS precious');
  await page.getByTestId('new-workspace').click();
  await answerReplace(page, false);
  await expect(stageNode(page, 'precious')).toBeVisible();
  await page.getByTestId('new-workspace').click();
  await answerReplace(page, true);
  await waitUntilAnalysed(page);
  expect(await editorText(page)).toBe('');
  await expect(page.getByTestId('context-file')).toHaveCount(1); // the Dockerfile itself
  await expect(page.getByTestId('example-bar')).toHaveCount(0);
  // an empty workspace is nothing to lose: an example opens without asking
  await openExample(page, 'go-scratch');
  expect(await finalPaths(page)).toEqual(['/etc/ssl/certs/ca-certificates.crt', '/worker']);
});

test('text from a link is shown as text, never run as HTML', async ({ page }) => {
  const evil = '<img src=x onerror="window.__pwned=1">';
  await openPlayground(
    page,
    readableLink({ dockerfile: `FROM alpine AS a\nLABEL x="${evil}"\n`, files: [`${evil}.txt`], target: evil, dockerignore: `${evil}\n` }),
  );
  await shareLink(page);
  await page.getByTestId('export-button').click();
  await page.getByTestId('show-mermaid').click();
  await expect(page.getByTestId('mermaid-text')).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await page.locator('img[src="x"]').count()).toBe(0);
});

test('two tabs never overwrite each other silently', async ({ page, context }) => {
  await openPlayground(page);
  await typeInEditor(page, 'FROM alpine AS shared');
  await waitUntilSaved(page);

  const other = await context.newPage();
  await other.goto('/');
  await waitUntilAnalysed(other);
  expect(await editorText(other)).toBe('FROM alpine AS shared');

  // the first tab changes the work: the second tab is told, and does not save over it
  await typeInEditor(page, 'FROM alpine AS from-tab-one');
  await waitUntilSaved(page);
  await expect(other.getByTestId('tab-conflict')).toBeVisible();
  await typeInEditor(other, 'FROM alpine AS from-tab-two');
  await expect(other.getByTestId('autosave-status')).toHaveAttribute('data-state', 'conflict');
  await other.waitForTimeout(800); // longer than the autosave delay
  expect(await other.evaluate(() => localStorage.getItem('stagecraft:workspace:v1'))).toContain('from-tab-one');
  await other.screenshot({ path: '/tmp/h9-tab-conflict.png' });

  // tab two keeps its work: now tab one is told
  await other.getByTestId('keep-mine').click();
  await waitUntilSaved(other);
  expect(await other.evaluate(() => localStorage.getItem('stagecraft:workspace:v1'))).toContain('from-tab-two');
  await expect(page.getByTestId('tab-conflict')).toBeVisible();
  await page.getByTestId('load-theirs').click();
  await waitUntilAnalysed(page);
  expect(await editorText(page)).toBe('FROM alpine AS from-tab-two');
  await expect(page.getByTestId('tab-conflict')).toHaveCount(0);
  await expect(other.getByTestId('tab-conflict')).toHaveCount(0);
  await other.close();
});

// one page, both colour schemes: the scheme switches live, so each view is checked in both
test('example notes, share panel, gallery and "replace?" have no serious accessibility violations, light and dark', async ({ page }) => {
  await openPlayground(page);
  await openExample(page, 'go-distroless');
  await expect(page.getByTestId('example-compare')).toBeVisible();
  const check = async (what: string) => {
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      const results = await new AxeBuilder({ page }).exclude('.monaco-editor').analyze();
      const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(serious.map((v) => `${what} (${scheme}): ${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
    }
  };
  await shareLink(page);
  await check('share panel and example notes');
  await page.keyboard.press('Escape');
  await page.getByTestId('examples-button').click();
  await check('gallery');
  await page.keyboard.press('Escape');
  await typeInEditor(page, 'FROM alpine AS mine');
  await page.getByTestId('new-workspace').click();
  await expect(page.getByTestId('replace-dialog')).toBeVisible();
  await expect(page.getByTestId('cancel-replace')).toBeFocused();
  await check('replace dialog');
  await answerReplace(page, false);
});
