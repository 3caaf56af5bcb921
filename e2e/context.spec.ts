import { test, expect } from './fixtures.ts';
import { addContextFile, contextFile, editDockerignore, finalFile, openPlayground, screenshot } from './helpers.ts';
import AxeBuilder from '@axe-core/playwright';
import { encodeShareLink } from '../src/app/share/link.ts';

test('editing .dockerignore leaves a file out of the context', async ({ page }) => {
  await openPlayground(page);
  await expect(contextFile(page, 'Makefile')).toHaveAttribute('data-status', 'unused');
  const ignoredCount = page.locator('[data-testid="status-count"][data-status="ignored"]');
  const before = Number(await ignoredCount.locator('strong').textContent());

  const current = await page.getByTestId('dockerignore-editor').inputValue();
  await editDockerignore(page, `${current}Makefile\n`);
  await expect(contextFile(page, 'Makefile')).toHaveAttribute('data-status', 'ignored');
  await expect(ignoredCount.locator('strong')).toHaveText(String(before + 1));

  // config/default.yaml reaches the image; ignoring config/ takes it out
  await editDockerignore(page, `${current}Makefile\nconfig/\n`);
  await expect(contextFile(page, 'config/default.yaml')).toHaveAttribute('data-status', 'ignored');
  await expect(page.locator('[data-testid="final-file"][data-path="/etc/app/config.yaml"]')).toHaveCount(0);
  await screenshot(page, 'dockerignore-edited');
});

test('files can be added, renamed and deleted, and filtered to those reaching the image', async ({ page }) => {
  await openPlayground(page);
  await addContextFile(page, 'config/prod.yaml');
  await expect(contextFile(page, 'config/prod.yaml')).toHaveAttribute('data-status', 'unused');

  await contextFile(page, 'config/prod.yaml').hover();
  await page.getByRole('button', { name: 'rename config/prod.yaml' }).click();
  const input = page.getByRole('textbox', { name: 'new path for config/prod.yaml' });
  await input.fill('config/default.yaml');
  await input.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'already in the context' })).toBeVisible();
  await input.fill('config/staging.yaml');
  await input.press('Enter');
  await expect(contextFile(page, 'config/staging.yaml')).toBeAttached();
  await expect(contextFile(page, 'config/prod.yaml')).toHaveCount(0);

  await contextFile(page, 'config/staging.yaml').hover();
  await page.getByRole('button', { name: 'delete config/staging.yaml' }).click();
  await expect(contextFile(page, 'config/staging.yaml')).toHaveCount(0);

  await page.getByTestId('only-final-filter').check();
  await expect(page.getByTestId('context-file')).toHaveCount(1);
  await expect(contextFile(page, 'config/default.yaml')).toHaveAttribute('data-status', 'final');
});

/** 3,000 files in 30 services: more than the panels keep one element each for (CONTRACT.md section 4). */
function manyServices(): { dockerfile: string; dockerignore: string; files: string[] } {
  const files: string[] = [];
  for (let s = 0; s < 30; s++) for (let f = 0; f < 100; f++) files.push(`services/svc${String(s).padStart(2, '0')}/src/file${f}.ts`);
  return {
    dockerfile:
      'FROM node:22-alpine AS build\nWORKDIR /app\nCOPY services/svc00/ ./svc00/\nRUN npm run build\n\nFROM node:22-alpine\nCOPY --from=build /app/svc00/src /app/src\nCOPY services/svc29/src/file99.ts /app/last.ts\n',
    dockerignore: 'services/svc28\n',
    files,
  };
}

test('a 3,000-file workspace draws the rows in view: a file far down is found by scrolling, the keyboard or its path, with its status', async ({ page, baseURL }) => {
  const { dockerfile, dockerignore, files } = manyServices();
  await openPlayground(page, encodeShareLink({ dockerfile, dockerignore, files, target: null, buildArgs: {}, example: null }, `${baseURL}/`));
  await expect(page.locator('.context .panel__header')).toContainText('3002 files');
  // every file has its status, drawn or not
  const count = (status: string) => page.locator(`[data-testid="status-count"][data-status="${status}"] strong`);
  await expect(count('final')).toHaveText('101'); // svc00/src (through the build stage) and svc29's file99.ts
  await expect(count('build-only')).toHaveText('0');
  await expect(count('ignored')).toHaveText('100'); // svc28
  await expect(count('unused')).toHaveText('2801');

  // only the rows in view (and a margin) are in the DOM
  const rows = page.getByTestId('context-rows');
  await expect(rows).toHaveAttribute('data-rows', String(3002 + 1 + 30 + 30)); // files, services/, svcNN/, svcNN/src/
  const drawn = await page.getByTestId('context-file').count();
  expect(drawn).toBeGreaterThan(10);
  expect(drawn).toBeLessThan(200);
  const last = contextFile(page, 'services/svc29/src/file99.ts');
  await expect(last).toHaveCount(0);

  // scrolling to the end draws the last rows
  await page.locator('.context__tree').evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect(last).toBeVisible();
  await expect(last).toHaveAttribute('data-status', 'final');
  await expect(contextFile(page, 'Dockerfile')).toBeVisible();
  // selecting it shows its journey into the image
  await last.getByRole('button').first().click();
  await expect(last.getByTestId('file-journey')).toContainText('/app/last.ts');
  await expect(finalFile(page, '/app/last.ts')).toHaveClass(/is-traced/);
  // the windowed list passes axe like the full tree (statuses in words, labelled controls)
  const axe = await new AxeBuilder({ page }).include('.context').include('.final-image').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  await last.getByRole('button').first().click();
  await screenshot(page, 'context-windowed-end');

  // the keyboard walks the whole list: Home, then down into the first folder
  await last.getByRole('button').first().focus();
  await page.keyboard.press('Home');
  const first = page.locator('[data-testid="context-folder"][data-path="services"]');
  await expect(first).toBeFocused();
  await expect(last).toHaveCount(0);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowLeft'); // closes svc00
  await expect(page.locator('[data-testid="context-folder"][data-path="services/svc00"]')).toHaveAttribute('aria-expanded', 'false');
  await expect(contextFile(page, 'services/svc00/src/file0.ts')).toHaveCount(0);
  await page.keyboard.press('Enter'); // and opens it again
  await expect(contextFile(page, 'services/svc00/src/file0.ts')).toHaveAttribute('data-status', 'final');
  await page.keyboard.press('End');
  await expect(contextFile(page, 'Dockerfile').getByRole('button').first()).toBeFocused();

  // or find a file by its path
  await page.getByTestId('context-filter').fill('svc28/src/file5');
  await expect(page.getByTestId('context-filter-count')).toHaveAttribute('data-count', '11'); // file5, file50..file59
  await expect(contextFile(page, 'services/svc28/src/file59.ts')).toHaveAttribute('data-status', 'ignored');
  await expect(page.getByTestId('context-file')).toHaveCount(11);
  await screenshot(page, 'context-windowed-find');
  await page.getByTestId('context-filter').fill('no such file');
  await expect(page.locator('.context__tree')).toContainText('No file has “no such file” in its path.');
  await page.getByTestId('context-filter').fill('');
  await expect(rows).toHaveAttribute('data-rows', '3063');

  // typing keeps the statuses right: svc28 is no longer ignored
  await editDockerignore(page, '');
  await expect(count('ignored')).toHaveText('0');
  await page.getByTestId('context-filter').fill('svc28/src/file59.ts');
  await expect(contextFile(page, 'services/svc28/src/file59.ts')).toHaveAttribute('data-status', 'unused');

  // on a narrow screen the page grows with its panels; the list still draws only what is in view
  await page.getByTestId('context-filter').fill('');
  await page.setViewportSize({ width: 800, height: 900 });
  await page.getByTestId('context-filter').scrollIntoViewIfNeeded();
  await expect(rows).toHaveAttribute('data-rows', '3062');
  await expect.poll(() => page.getByTestId('context-file').count()).toBeGreaterThan(10);
  expect(await page.getByTestId('context-file').count()).toBeLessThan(200);
});

test('a final image of 3,000 files draws the rows in view; a file is found by its path, with where it came from', async ({ page, baseURL }) => {
  const { files } = manyServices();
  const dockerfile = 'FROM alpine:3.20\nWORKDIR /srv\nCOPY . .\n';
  await openPlayground(page, encodeShareLink({ dockerfile, dockerignore: '', files, target: null, buildArgs: {}, example: null }, `${baseURL}/`));
  await expect(page.locator('.final-image .panel__header')).toContainText('3001 known files');
  const rows = page.getByTestId('final-rows');
  await expect(rows).toHaveAttribute('data-rows', String(3001 + 2 + 30 + 30)); // srv/, services/, svcNN/, svcNN/src/
  expect(await page.getByTestId('final-file').count()).toBeLessThan(200);
  await expect(finalFile(page, '/srv/services/svc29/src/file99.ts')).toHaveCount(0);

  await page.getByTestId('final-filter').fill('svc29/src/file99');
  const found = finalFile(page, '/srv/services/svc29/src/file99.ts');
  await expect(found).toHaveAttribute('data-from', 'context');
  await expect(found).toContainText('from context services/svc29/src/file99.ts · line 3');
  await expect(found).not.toHaveClass(/is-traced/);
  // a click explains it in the Why tab
  await found.getByRole('button').click();
  await expect(page.getByTestId('insights')).toHaveAttribute('data-tab', 'why');
  await expect(page.getByTestId('why-summary')).toContainText('/srv/services/svc29/src/file99.ts is in the final image');
  await expect(found).toHaveClass(/is-traced/);
  // and its context file is found in the context panel
  await page.getByTestId('context-filter').fill('svc29/src/file99');
  await expect(contextFile(page, 'services/svc29/src/file99.ts')).toHaveAttribute('data-status', 'final');
});
