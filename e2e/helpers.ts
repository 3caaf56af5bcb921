/**
 * What a person does on the playground, as test steps (excalidraw's tests/helpers/ui.ts style).
 * Everything goes through the page as a person would: the keyboard, clicks, the select.
 */
import { expect, type Locator, type Page } from '@playwright/test';

/** Open the playground (optionally with a link) and wait until the views show the text. */
export async function openPlayground(page: Page, path = '/'): Promise<void> {
  await page.goto(path);
  await waitUntilAnalysed(page);
}

export async function waitUntilAnalysed(page: Page): Promise<void> {
  await expect(page.getByTestId('analysis-status')).toHaveAttribute('data-state', 'ready');
}

export function editor(page: Page): Locator {
  return page.getByTestId('dockerfile-editor');
}

/** Click into the Monaco editor and put the cursor at the end of the text. */
export async function focusEditor(page: Page): Promise<void> {
  await editor(page).locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+End');
}

/** Select all the text in the editor and type `text` over it, key by key, line by line. */
export async function typeInEditor(page: Page, text: string): Promise<void> {
  await editor(page).locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  const lines = text.replace(/\n$/, '').split('\n');
  for (const [i, line] of lines.entries()) {
    await page.keyboard.type(line);
    // close any suggestion list, so Enter makes a new line instead of accepting it
    await page.keyboard.press('Escape');
    if (i < lines.length - 1) await page.keyboard.press('Enter');
  }
  await waitUntilAnalysed(page);
}

/** The editor's text as Monaco shows it (non-breaking spaces normalised). */
export async function editorText(page: Page): Promise<string> {
  const lines = await editor(page).locator('.view-line').allInnerTexts();
  return lines.join('\n').replace(/\u00a0/g, ' ');
}

/** The line the editor's cursor is on, as the cursor status shows it. */
export async function editorCursorLine(page: Page): Promise<number> {
  return Number(await page.getByTestId('editor-cursor').getAttribute('data-line'));
}

export async function chooseTarget(page: Page, stageName: string | null): Promise<void> {
  await page.getByTestId('target-select').selectOption(stageName ?? '');
  await waitUntilAnalysed(page);
}

export async function editDockerignore(page: Page, text: string): Promise<void> {
  await page.getByTestId('dockerignore-editor').fill(text);
  await waitUntilAnalysed(page);
}

export async function addContextFile(page: Page, path: string): Promise<void> {
  await page.getByTestId('add-file-input').fill(path);
  await page.getByTestId('add-file-button').click();
  await waitUntilAnalysed(page);
}

export function stageNode(page: Page, name: string): Locator {
  return page.locator(`[data-testid="stage-node"][data-stage-name="${name}"]`);
}

export async function clickStage(page: Page, name: string): Promise<void> {
  await stageNode(page, name).click();
}

export function contextFile(page: Page, path: string): Locator {
  return page.locator(`[data-testid="context-file"][data-path="${path}"]`);
}

export function finalFile(page: Page, path: string): Locator {
  return page.locator(`[data-testid="final-file"][data-path="${path}"]`);
}

export function edges(page: Page): Locator {
  return page.getByTestId('stage-edge');
}

/** A readable link (CONTRACT.md section 4) for a Dockerfile and its context. */
export function readableLink(opts: { dockerfile: string; dockerignore?: string; files?: string[]; target?: string; buildArgs?: Record<string, string> }): string {
  const parts = [`dockerfile=${encodeURIComponent(opts.dockerfile)}`];
  if (opts.dockerignore !== undefined) parts.push(`dockerignore=${encodeURIComponent(opts.dockerignore)}`);
  if (opts.files) parts.push(`files=${opts.files.map(encodeURIComponent).join(',')}`);
  if (opts.target) parts.push(`target=${encodeURIComponent(opts.target)}`);
  for (const [k, v] of Object.entries(opts.buildArgs ?? {})) parts.push(`build-arg=${encodeURIComponent(`${k}=${v}`)}`);
  return `/?${parts.join('&')}`;
}

/** Save a screenshot under test-results/screenshots/ (kept as a test artifact). */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: false });
}
