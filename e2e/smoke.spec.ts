import { test, expect } from './fixtures.ts';
import { contextFile, edges, finalFile, openPlayground, screenshot, stageNode } from './helpers.ts';

test('a first visit shows the default example, analysed, with nothing leaving the machine', async ({ page, watch }) => {
  await openPlayground(page);

  // the example's five stages, release (the last) being the target
  await expect(page.getByTestId('stage-node')).toHaveCount(5);
  for (const name of ['deps', 'build', 'test', 'certs', 'release']) await expect(stageNode(page, name)).toBeVisible();
  await expect(stageNode(page, 'release')).toHaveAttribute('data-target', 'true');
  await expect(stageNode(page, 'test')).toHaveAttribute('data-needed', 'false');
  await expect(stageNode(page, 'build')).toHaveAttribute('data-needed', 'true');

  // arrows of every kind the example has, each saying where it comes from
  await expect(edges(page).first()).toBeAttached();
  await expect(page.locator('[data-testid="stage-edge"][data-kind="copy"][data-from="stage:1"][data-to="4"]')).toHaveCount(1);
  await expect(page.locator('[data-testid="stage-edge"][data-kind="base"][data-from="stage:0"][data-to="1"]')).toHaveCount(1);

  // target chooser: the default plus one option per stage
  await expect(page.getByTestId('target-select').locator('option')).toHaveCount(6);

  // the context and the final image
  await expect(contextFile(page, 'config/default.yaml')).toHaveAttribute('data-status', 'final');
  await expect(contextFile(page, 'go.mod')).toHaveAttribute('data-status', 'build-only');
  await expect(contextFile(page, '.git/HEAD')).toHaveAttribute('data-status', 'ignored');
  await expect(contextFile(page, 'Dockerfile')).toBeAttached();
  await expect(finalFile(page, '/etc/app/config.yaml')).toBeAttached();

  // Monaco is loaded and shows the text
  await expect(page.getByTestId('dockerfile-editor').locator('.view-lines')).toContainText('FROM scratch AS release');
  await screenshot(page, 'smoke-light');

  expect(watch.requests.length).toBeGreaterThan(0);
});

test('dark colour scheme follows the system', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await openPlayground(page);
  await expect(page.getByTestId('stage-node')).toHaveCount(5);
  const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  expect(background).not.toBe('rgb(241, 245, 249)');
  await screenshot(page, 'smoke-dark');
});
