import { test, expect } from './fixtures.ts';
import { addContextFile, contextFile, editDockerignore, openPlayground, screenshot } from './helpers.ts';

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
