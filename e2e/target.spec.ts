import { test, expect } from './fixtures.ts';
import { chooseTarget, contextFile, openPlayground, screenshot, stageNode } from './helpers.ts';

test('changing the target changes what is built and which files reach the image', async ({ page }) => {
  await openPlayground(page);
  await expect(stageNode(page, 'release')).toHaveAttribute('data-target', 'true');
  await expect(stageNode(page, 'test')).toHaveAttribute('data-needed', 'false');
  await expect(contextFile(page, 'Makefile')).toHaveAttribute('data-status', 'unused');
  await expect(contextFile(page, 'go.mod')).toHaveAttribute('data-status', 'build-only');

  await chooseTarget(page, 'test');
  await expect(stageNode(page, 'test')).toHaveAttribute('data-target', 'true');
  await expect(stageNode(page, 'test')).toHaveAttribute('data-needed', 'true');
  await expect(stageNode(page, 'release')).toHaveAttribute('data-needed', 'false');
  await expect(stageNode(page, 'certs')).toHaveAttribute('data-needed', 'false');
  await expect(stageNode(page, 'build')).toHaveAttribute('data-needed', 'false');
  await expect(stageNode(page, 'deps')).toHaveAttribute('data-needed', 'true');
  // test copies the whole context: everything not ignored reaches it
  await expect(contextFile(page, 'Makefile')).toHaveAttribute('data-status', 'final');
  await expect(contextFile(page, 'go.mod')).toHaveAttribute('data-status', 'final');
  await expect(contextFile(page, '.env')).toHaveAttribute('data-status', 'ignored');
  await screenshot(page, 'target-test');

  await chooseTarget(page, null);
  await expect(stageNode(page, 'release')).toHaveAttribute('data-target', 'true');
  await expect(contextFile(page, 'Makefile')).toHaveAttribute('data-status', 'unused');
});
