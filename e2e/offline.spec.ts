/**
 * Offline (issue 9): after the first load the playground works with the network gone. The
 * service worker (public/sw.js) caches the shell and every hashed asset before it takes control;
 * then the browser goes offline, the page reloads from the cache, and the editor, the graph and
 * the analysis worker all work.
 */
import { test, expect } from './fixtures.ts';
import { answerReplace, editor, editorText, focusEditor, openPlayground, readableLink, stageNode, waitUntilAnalysed, waitUntilOfflineReady } from './helpers.ts';

// the config blocks service workers (they slow every other test down); this test is about one
test.use({ serviceWorkers: 'allow' });

test('after the first load the page works offline: reload, edit, analyse, open a link', async ({ page, context, baseURL, watch }) => {
  await openPlayground(page, readableLink({ dockerfile: 'FROM alpine:3.20 AS base\nCOPY app.txt /app/\n', files: ['app.txt'] }));
  await waitUntilOfflineReady(page);

  // the cache holds the shell, the Monaco chunk, its CSS and font, and both workers
  const cached = await page.evaluate(async () => {
    const names: string[] = [];
    for (const key of await caches.keys()) for (const r of await (await caches.open(key)).keys()) names.push(new URL(r.url).pathname);
    return names;
  });
  for (const re of [/^\/$/, /^\/assets\/index-.*\.js$/, /^\/assets\/DockerfileEditor-.*\.js$/, /^\/assets\/DockerfileEditor-.*\.css$/, /^\/assets\/codicon-.*\.ttf$/, /^\/assets\/editor\.worker-.*\.js$/, /^\/assets\/analysis\.worker-.*\.js$/]) {
    expect(cached.some((p) => re.test(p)), `${re} in ${cached.join(', ')}`).toBe(true);
  }

  await context.setOffline(true);
  // the network is really gone, for the page and its service worker alike
  const probe = await page.evaluate((url) => fetch(url, { cache: 'no-store' }).then(() => 'reached the server', () => 'offline'), `${baseURL}/not-cached-${Date.now()}.txt`);
  expect(probe).toBe('offline');
  // the browser logs the probe's failure; that one console error is expected
  await expect.poll(() => watch.consoleErrors.filter((m) => m.startsWith('Failed to load resource')).length).toBe(1);
  watch.consoleErrors.splice(watch.consoleErrors.findIndex((m) => m.startsWith('Failed to load resource')), 1);

  const fromWorker: string[] = [];
  page.on('response', (r) => {
    if (r.fromServiceWorker()) fromWorker.push(new URL(r.url()).pathname);
  });
  await page.reload();
  await waitUntilAnalysed(page);
  expect(fromWorker).toContain('/');

  // the autosaved workspace is back, in Monaco, in the graph and in the context panel
  await expect(stageNode(page, 'base')).toBeVisible();
  await expect(editor(page).locator('.view-lines')).toContainText('FROM alpine:3.20 AS base');

  // typing still analyses (the analysis worker came from the cache too)
  await focusEditor(page);
  await page.keyboard.press('Enter');
  await page.keyboard.insertText('FROM base AS offline');
  await waitUntilAnalysed(page);
  await expect(stageNode(page, 'offline')).toBeVisible();
  await expect(page.locator('[data-testid="stage-edge"][data-kind="base"][data-from="stage:0"][data-to="1"]')).toHaveCount(1);
  expect(await editorText(page)).toContain('FROM base AS offline');
  await page.screenshot({ path: '/tmp/h11-offline.png' });

  // a link opened offline works as well: every address is the cached shell
  await page.goto(readableLink({ dockerfile: 'FROM scratch AS fromlink\n' }));
  await answerReplace(page, true); // it replaces the edited workspace: the page asks first
  await waitUntilAnalysed(page);
  await expect(stageNode(page, 'fromlink')).toBeVisible();

  await context.setOffline(false);
});
