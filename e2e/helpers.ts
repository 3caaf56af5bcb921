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

// ---------------------------------------------------------------------------------------------
// sharing, the examples gallery, autosave, import and export (issue 7)

/** Click Share (optionally choosing the readable form) and return the link the page shows. */
export async function shareLink(page: Page, opts: { readable?: boolean } = {}): Promise<string> {
  if (!(await page.getByTestId('share-panel').isVisible())) await page.getByTestId('share-button').click();
  await page.getByTestId(opts.readable ? 'share-readable' : 'share-compact').check({ force: true });
  const input = page.getByTestId('share-link');
  await expect(input).toHaveValue(opts.readable ? /\?dockerfile=/ : /#v\d+=/);
  return input.inputValue();
}

/** Open the gallery and an example from it, answering "replace your work?" with `replace`. */
export async function openExample(page: Page, id: string, opts: { replace?: boolean } = {}): Promise<void> {
  await page.getByTestId('examples-button').click();
  const card = page.locator(`[data-testid="example-card"][data-example-id="${id}"]`);
  await card.getByTestId('open-example').click();
  if (opts.replace !== undefined) await answerReplace(page, opts.replace);
  await expect(page.getByTestId('example-bar')).toHaveAttribute('data-example-id', id);
  await waitUntilAnalysed(page);
}

/** The "replace your work?" dialog is open: answer it. */
export async function answerReplace(page: Page, replace: boolean): Promise<void> {
  const dialog = page.getByTestId('replace-dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByTestId(replace ? 'confirm-replace' : 'cancel-replace').click();
  await expect(dialog).toBeHidden();
}

/** Wait until this tab's work is saved in the browser. */
export async function waitUntilSaved(page: Page): Promise<void> {
  await expect(page.getByTestId('autosave-status')).toHaveAttribute('data-state', 'saved');
}

/** Every context file with its status, as the page shows them. */
export async function contextStatuses(page: Page): Promise<Record<string, string>> {
  return page.getByTestId('context-file').evaluateAll((els) => Object.fromEntries(els.map((e) => [e.getAttribute('data-path') ?? '', e.getAttribute('data-status') ?? ''])));
}

/** The paths listed under the final image, sorted. */
export async function finalPaths(page: Page): Promise<string[]> {
  const paths = await page.getByTestId('final-file').evaluateAll((els) => els.map((e) => e.getAttribute('data-path') ?? ''));
  return paths.sort();
}

/** Every stage node's name, target and needed flags, in order. */
export async function stageStates(page: Page): Promise<string[]> {
  return page
    .getByTestId('stage-node')
    .evaluateAll((els) => els.map((e) => `${e.getAttribute('data-stage-index')}:${e.getAttribute('data-stage-name')}:target=${e.getAttribute('data-target')}:needed=${e.getAttribute('data-needed')}`).sort());
}

/** Pick a project folder with the "Open folder" chooser. */
export async function importFolder(page: Page, dir: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('import-folder-button').click();
  await (await chooser).setFiles(dir);
}

// ------------------------------------------------------------------ insights (issue 8)

export type InsightsTabId = 'problems' | 'why' | 'explain' | 'cache' | 'order' | 'size';

/** Click a tab of the insights panel under the editor. */
export async function openInsightsTab(page: Page, tab: InsightsTabId): Promise<void> {
  await page.locator(`[data-testid="insights-tab"][data-tab="${tab}"]`).click();
  await expect(page.getByTestId('insights')).toHaveAttribute('data-tab', tab);
}

export function insightsPanel(page: Page, tab: InsightsTabId): Locator {
  return page.getByTestId(`insights-panel-${tab}`);
}

/** Toggle the "changed" mark of a context file (cache preview), as a person does on its row. */
export async function markFileChanged(page: Page, path: string): Promise<void> {
  const row = contextFile(page, path);
  await row.hover();
  await row.getByTestId('mark-changed').click();
}

/** A row of the cache preview, by the first line of its instruction. */
export function cacheStep(page: Page, line: number): Locator {
  return page.locator(`[data-testid="cache-step"][data-line="${line}"]`);
}

/** Click line `line` of the editor (it must be in view) to put the cursor there. */
export async function putCursorOnLine(page: Page, line: number): Promise<void> {
  await editor(page).locator('.view-line').nth(line - 1).click();
  await expect.poll(() => editorCursorLine(page)).toBe(line);
}

// ------------------------------------------------------------- hardening and offline (issue 9)

/**
 * Records every Content Security Policy violation the page (or a frame of it) reports, from
 * the first byte on. Read them with `cspViolations(page)`.
 */
export async function watchCspViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`));
  });
}

export async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []);
}

/**
 * Wait until the service worker controls the page. It activates only once the app shell and
 * every asset are cached, so from then on the page can load with the network gone.
 */
export async function waitUntilOfflineReady(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state ?? 'none')).toBe('activated');
}

/**
 * Type `text` at the end of the editor (as one insertion, the way a paste or a fast typist's
 * burst arrives) and return the milliseconds until the views show the new text.
 */
export async function typeAndMeasure(page: Page, text: string): Promise<number> {
  await focusEditor(page);
  const started = Date.now();
  await page.keyboard.insertText(text);
  await expect(page.getByTestId('analysis-status')).not.toHaveAttribute('data-state', 'ready', { timeout: 5_000 }).catch(() => {});
  await waitUntilAnalysed(page);
  return Date.now() - started;
}


// ---------------------------------------------------------------------------------------------
// editing the Dockerfile from the stage graph (issue 6)

/**
 * The Dockerfile as Monaco shows it, every rendered line in line order (Monaco positions its
 * line elements by `top`; their DOM order can differ). The file must fit in the editor.
 */
export async function dockerfileInEditor(page: Page): Promise<string> {
  const lines = await editor(page)
    .locator('.view-lines .view-line')
    .evaluateAll((els) => els.map((e) => ({ top: parseFloat((e as HTMLElement).style.top), text: e.textContent ?? '' })));
  return lines
    .sort((a, b) => a.top - b.top)
    .map((l) => l.text.replace(/\u00a0/g, ' '))
    .join('\n');
}

/** Wait until the editor shows exactly `text` and the views are analysed. */
export async function expectDockerfile(page: Page, text: string): Promise<void> {
  // Monaco shows a final newline as an empty last line
  await expect.poll(() => dockerfileInEditor(page)).toBe(text);
  await waitUntilAnalysed(page);
}

/** Ctrl+Z in the editor, as a person would after a graph action. */
export async function undo(page: Page): Promise<void> {
  await editor(page).locator('.view-lines').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('ControlOrMeta+Z');
  await waitUntilAnalysed(page);
}

export function imageNode(page: Page, ref: string): Locator {
  return page.locator(`[data-testid="image-node"][data-image="${ref}"]`);
}

/** Where an element is once it stops moving (the graph fits itself to the view after a layout). */
async function settledBox(target: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  let last = await target.boundingBox();
  for (let i = 0; i < 30; i++) {
    await target.page().waitForTimeout(60);
    const now = await target.boundingBox();
    if (now && last && now.x === last.x && now.y === last.y && now.width === last.width) return now;
    last = now;
  }
  if (!last) throw new Error('not visible');
  return last;
}

/** Drag from a node's right handle to a stage's left handle with the mouse. */
export async function dragConnection(page: Page, from: Locator, to: Locator): Promise<void> {
  const a = await settledBox(from.locator('.react-flow__handle.source'));
  const b = await settledBox(to.locator('.react-flow__handle.target'));
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(a.x + 40, a.y + 10, { steps: 4 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 12 });
  await page.mouse.up();
}

/** Open the palette and add a stage from one of its bases (optionally naming it). */
export async function addStageFromPalette(page: Page, paletteId: string, name?: string): Promise<void> {
  await page.getByTestId('add-stage-button').click();
  const dialog = page.getByTestId('add-stage-dialog');
  await expect(dialog).toBeVisible();
  if (name !== undefined) await dialog.getByTestId('new-stage-name').fill(name);
  await dialog.getByTestId(`palette-${paletteId}`).click();
  await expect(dialog).toBeHidden();
  await waitUntilAnalysed(page);
}

/** The label of an arrow of the graph (click it to select the arrow). */
export function edgeLabel(page: Page, kind: string, from: string, to: number): Locator {
  return page.locator(`[data-testid="stage-edge-label"][data-kind="${kind}"][data-from="${from}"][data-to="${to}"]`);
}

/** What the graph said about the last action. */
export function graphMessage(page: Page): Locator {
  return page.getByTestId('graph-message');
}

/** Open "Build args", add KEY=VALUE, close it again. */
export async function addBuildArg(page: Page, key: string, value: string): Promise<void> {
  const panel = page.locator('.build-args');
  await panel.locator('summary').click();
  await panel.getByLabel('build arg name').fill(key);
  await panel.getByLabel('build arg value').fill(value);
  await panel.getByRole('button', { name: 'Add', exact: true }).click();
  await waitUntilAnalysed(page);
  await panel.locator('summary').click();
}
