import { test, expect } from './fixtures.ts';
import { clickStage, contextFile, editorCursorLine, openPlayground, readableLink, screenshot, stageNode } from './helpers.ts';

test('clicking a stage puts the editor cursor on its FROM line', async ({ page }) => {
  await openPlayground(page);
  await clickStage(page, 'certs');
  await expect.poll(() => editorCursorLine(page)).toBe(19);
  await clickStage(page, 'build');
  await expect.poll(() => editorCursorLine(page)).toBe(9);
  await expect(stageNode(page, 'build')).toHaveClass(/is-selected/);
});

test('moving the cursor into a stage selects its node', async ({ page }) => {
  await openPlayground(page);
  await page.getByTestId('dockerfile-editor').locator('.view-line').nth(15).click();
  await expect.poll(() => editorCursorLine(page)).toBe(16);
  await expect(stageNode(page, 'test')).toHaveClass(/is-selected/);
});

test('clicking a context file highlights the lines that copy it', async ({ page }) => {
  await openPlayground(page);
  await contextFile(page, 'config/default.yaml').getByRole('button').first().click();
  await expect(page.getByTestId('dockerfile-editor').locator('.sc-line-traced')).toHaveCount(1);
  await expect(stageNode(page, 'release')).toHaveClass(/is-on-file-path/);
  await screenshot(page, 'file-traced');
});

test('clicking a problem jumps to its line', async ({ page }) => {
  const dockerfile = 'FROM alpine AS base\nRUN echo hi\n\nFROM base as final\nCOPY --from=missing /x /x\n';
  await openPlayground(page, readableLink({ dockerfile }));
  const problem = page.getByTestId('diagnostic').first();
  await expect(problem).toBeVisible();
  const line = Number(await problem.getAttribute('data-line'));
  await problem.click();
  await expect.poll(() => editorCursorLine(page)).toBe(line);
  await screenshot(page, 'problems');
});

test('go to definition leads from --from=build to the build stage; hover tells about it', async ({ page }) => {
  await openPlayground(page);
  // line 24: COPY --from=build /out/server /server
  await page.getByTestId('dockerfile-editor').locator('.view-line').nth(23).click();
  await page.keyboard.press('Home');
  for (let i = 0; i < 13; i++) await page.keyboard.press('ArrowRight');
  await expect.poll(() => editorCursorLine(page)).toBe(24);

  // hover at the cursor, by keyboard (Ctrl+K Ctrl+I)
  await page.keyboard.press('ControlOrMeta+K');
  await page.keyboard.press('ControlOrMeta+I');
  await expect(page.locator('.monaco-hover').filter({ hasText: 'Stage' })).toContainText('lines 9–13');
  await page.keyboard.press('Escape');

  await page.keyboard.press('F12');
  await expect.poll(() => editorCursorLine(page)).toBe(9);

  // hover on the stage's own name (FROM deps AS build) tells where it is used
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ControlOrMeta+K');
  await page.keyboard.press('ControlOrMeta+I');
  await expect(page.locator('.monaco-hover').filter({ hasText: 'Used on' })).toContainText('Used on line 24');
});

test('completion offers instructions at the start of a line', async ({ page }) => {
  await openPlayground(page);
  await page.getByTestId('dockerfile-editor').locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('WORK');
  await expect(page.locator('.suggest-widget')).toContainText('WORKDIR');
  await page.keyboard.press('Escape');
});
