/**
 * Issue 8, driven as a person: why a file is (not) in the image, what re-runs when files
 * change, the build order, the instruction under the cursor, and the approximate size.
 */
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures.ts';
import {
  cacheStep,
  contextFile,
  editor,
  edges,
  finalFile,
  insightsPanel,
  markFileChanged,
  openExample,
  openInsightsTab,
  openPlayground,
  putCursorOnLine,
  readableLink,
  stageNode,
  waitUntilAnalysed,
} from './helpers.ts';
import { nodeTypescript } from '../src/app/examples/nodeTypescript.ts';

const node = nodeTypescript.workspace;
const nodeLink = () => readableLink({ dockerfile: node.dockerfile, dockerignore: node.dockerignore, files: node.files });

async function shot(page: import('@playwright/test').Page, name: string): Promise<void> {
  await page.screenshot({ path: `/tmp/h10-${name}.png` });
}

test('Problems is the default tab and its entries are visible', async ({ page }) => {
  await openPlayground(page, readableLink({ dockerfile: 'FROM alpine AS base\nRUN echo hi\n\nFROM base as final\nCOPY --from=missing /x /x\n' }));
  await expect(page.getByTestId('insights')).toHaveAttribute('data-tab', 'problems');
  await expect(page.getByTestId('diagnostic').first()).toBeVisible();
  // other tabs hide the list, but it stays in the DOM
  await openInsightsTab(page, 'order');
  await expect(page.getByTestId('diagnostic').first()).toBeAttached();
  await expect(page.getByTestId('diagnostic').first()).toBeHidden();
  await openInsightsTab(page, 'problems');
  await expect(page.getByTestId('diagnostic').first()).toBeVisible();
});

test('clicking a context file shows why, highlights its lines, stages and edge', async ({ page }) => {
  await openPlayground(page);
  // build-only: copied into "build" on line 10, compiled there; release copies only /out/server
  await contextFile(page, 'cmd/server/main.go').getByRole('button').first().click();
  const journey = contextFile(page, 'cmd/server/main.go').getByTestId('file-journey');
  await expect(journey.getByTestId('why-summary')).toContainText('does not reach the final image');
  await expect(journey.locator('[data-testid="why-step"][data-line="10"]')).toContainText('copies it into stage "build"');
  await expect(journey.locator('[data-testid="why-step"][data-line="24"]')).toBeVisible();
  await expect(editor(page).locator('.sc-line-traced')).toHaveCount(2);
  await expect(stageNode(page, 'build')).toHaveClass(/is-on-file-path/);
  await expect(stageNode(page, 'release')).toHaveClass(/is-on-file-path/);
  await expect(edges(page).and(page.locator('[data-line="24"]'))).toHaveClass(/is-on-file-path/);
  await shot(page, 'why-context');

  // a step's line leads to the editor
  await journey.locator('[data-testid="why-step"][data-line="10"]').getByRole('button').click();
  await expect(page.getByTestId('editor-cursor')).toHaveAttribute('data-line', '10');

  // the Why tab tells the same
  await openInsightsTab(page, 'why');
  await expect(insightsPanel(page, 'why').getByTestId('why-chain')).toHaveAttribute('data-path', 'cmd/server/main.go');
  await expect(insightsPanel(page, 'why').getByTestId('why-step')).toHaveCount(2);
});

test('an ignored file names its .dockerignore line; a click selects it in the box', async ({ page }) => {
  await openPlayground(page);
  await contextFile(page, 'README.md').getByRole('button').first().click();
  const step = contextFile(page, 'README.md').locator('[data-testid="why-step"][data-file=".dockerignore"]').first();
  await expect(step).toHaveAttribute('data-line', '8');
  await expect(step).toContainText('*.md');
  await expect(page.getByTestId('dockerignore-why')).toContainText('line 8');
  await step.getByRole('button').click();
  const selected = await page.getByTestId('dockerignore-editor').evaluate((el) => {
    const t = el as HTMLTextAreaElement;
    return t.value.slice(t.selectionStart, t.selectionEnd);
  });
  expect(selected).toBe('*.md');
});

test('clicking a final-image file opens its chain in the Why tab', async ({ page }) => {
  await openPlayground(page);
  await finalFile(page, '/server').getByRole('button').click();
  await expect(page.getByTestId('insights')).toHaveAttribute('data-tab', 'why');
  const chain = insightsPanel(page, 'why').getByTestId('why-chain');
  await expect(chain).toHaveAttribute('data-kind', 'image');
  await expect(chain.getByTestId('why-summary')).toContainText('/server is in the final image');
  await expect(chain.locator('[data-testid="why-step"][data-line="24"]')).toContainText('from stage "build"');
  await expect(finalFile(page, '/server')).toHaveClass(/is-traced/);
  await expect(stageNode(page, 'build')).toHaveClass(/is-on-file-path/);
  await expect(editor(page).locator('.sc-line-traced').first()).toBeVisible();
  await shot(page, 'why-image');
});

test('Node example: a source change leaves npm ci cached and re-runs the build', async ({ page }) => {
  // the example, from the gallery
  await openPlayground(page);
  await openExample(page, 'node-typescript');
  await expect(contextFile(page, 'src/index.ts')).toHaveAttribute('data-status', 'build-only');
  await markFileChanged(page, 'src/index.ts');
  await expect(contextFile(page, 'src/index.ts')).toHaveAttribute('data-changed', 'true');
  // marking a file opens the Cache tab
  await expect(page.getByTestId('insights')).toHaveAttribute('data-tab', 'cache');
  const panel = insightsPanel(page, 'cache');
  await expect(panel.getByTestId('changed-file')).toHaveAttribute('data-path', 'src/index.ts');

  // line 5: RUN npm ci (after copying only the manifests) stays cached
  await expect(cacheStep(page, 5)).toContainText('RUN npm ci');
  await expect(cacheStep(page, 5)).toHaveAttribute('data-reruns', 'false');
  await expect(cacheStep(page, 5)).toHaveAttribute('data-state', 'cached');
  // line 7 copies the changed file; line 8 (npm run build) re-runs after it
  await expect(cacheStep(page, 7)).toHaveAttribute('data-reruns', 'true');
  await expect(cacheStep(page, 7)).toContainText('src/index.ts, which changed');
  await expect(cacheStep(page, 8)).toContainText('RUN npm run build');
  await expect(cacheStep(page, 8)).toHaveAttribute('data-reruns', 'true');
  // the runtime stage installs from its own manifests: cached; the dist copy re-runs
  await expect(cacheStep(page, 14)).toHaveAttribute('data-reruns', 'false');
  await expect(cacheStep(page, 15)).toHaveAttribute('data-reruns', 'true');
  await expect(panel.getByTestId('cache-summary')).toHaveAttribute('data-reruns', '3');
  // the editor paints exactly the lines that re-run
  await expect(editor(page).locator('.sc-line-rerun')).toHaveCount(3);
  await shot(page, 'cache-node');

  // the wrong order: COPY . . before npm ci, typed into the editor
  await putCursorOnLine(page, 4);
  await page.keyboard.press('Home');
  for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.type('COPY . .');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Enter');
  await page.keyboard.type('RUN npm ci');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Enter');
  await waitUntilAnalysed(page);
  await expect(cacheStep(page, 4)).toContainText('COPY . .');
  await expect(cacheStep(page, 4)).toHaveAttribute('data-reruns', 'true');
  await expect(cacheStep(page, 5)).toContainText('RUN npm ci');
  await expect(cacheStep(page, 5)).toHaveAttribute('data-reruns', 'true');
  await expect(cacheStep(page, 5)).toContainText('a step before it');
  await expect(cacheStep(page, 6)).toContainText('RUN npm run build');
  await expect(cacheStep(page, 6)).toHaveAttribute('data-reruns', 'true');
  await shot(page, 'cache-wrong-order');

  // clear: nothing marked, nothing painted
  await panel.getByTestId('clear-changed').click();
  await expect(contextFile(page, 'src/index.ts')).toHaveAttribute('data-changed', 'false');
  await expect(editor(page).locator('.sc-line-rerun')).toHaveCount(0);
  await expect(page.getByTestId('cache-step')).toHaveCount(0);
});

test('the wrong order from a readable link re-runs the install too', async ({ page }) => {
  const wrong = node.dockerfile.replace(
    'COPY package.json package-lock.json ./\nRUN npm ci\nCOPY tsconfig.json tsconfig.build.json ./\nCOPY src/ ./src/\n',
    'COPY . .\nRUN npm ci\n',
  );
  expect(wrong).not.toBe(node.dockerfile);
  await openPlayground(page, readableLink({ dockerfile: wrong, dockerignore: node.dockerignore, files: node.files }));
  await markFileChanged(page, 'src/index.ts');
  await expect(cacheStep(page, 5)).toContainText('RUN npm ci');
  await expect(cacheStep(page, 5)).toHaveAttribute('data-reruns', 'true');
  await expect(editor(page).locator('.sc-line-rerun').first()).toBeVisible();
});

test('build order shows the levels, the critical path and the skipped stage', async ({ page }) => {
  await openPlayground(page);
  await openInsightsTab(page, 'order');
  const levels = page.getByTestId('schedule-level');
  await expect(levels).toHaveCount(3);
  await expect(levels.nth(0)).toHaveAttribute('data-stages', 'deps,certs');
  await expect(levels.nth(0)).toContainText('in parallel');
  await expect(levels.nth(1)).toHaveAttribute('data-stages', 'build');
  await expect(levels.nth(2)).toHaveAttribute('data-stages', 'release');
  await expect(page.getByTestId('critical-path')).toHaveAttribute('data-stages', 'deps,build,release');
  const skipped = page.getByTestId('skipped-stage');
  await expect(skipped).toHaveCount(1);
  await expect(skipped).toHaveAttribute('data-stage-name', 'test');
  await expect(skipped).toContainText('neither builds on it');
  await shot(page, 'build-order');
  // a stage chip selects the stage
  await levels.nth(1).getByTestId('schedule-stage').click();
  await expect(stageNode(page, 'build')).toHaveClass(/is-selected/);
});

test('Explain follows the cursor and links to the rule and the example', async ({ page }) => {
  await openPlayground(page, nodeLink());
  await openInsightsTab(page, 'explain');
  await putCursorOnLine(page, 5);
  const panel = insightsPanel(page, 'explain').getByTestId('explain-panel');
  await expect(panel).toHaveAttribute('data-keyword', 'RUN');
  await expect(panel).toHaveAttribute('data-line', '5');
  await expect(panel).toContainText('editing your sources leaves it cached');
  const example = panel.locator('[data-testid="explain-link"][data-example="node-typescript"]');
  await expect(example).toHaveAttribute('href', /\?dockerfile=.*&example=node-typescript/);
  await expect(example).toHaveAttribute('target', '_blank');
  await expect(panel.locator('[data-testid="explain-link"][data-rule="NoCacheMount"]')).toHaveAttribute('href', /#rule-nocachemount$/);
  await shot(page, 'explain');

  await putCursorOnLine(page, 15);
  await expect(panel).toHaveAttribute('data-line', '15');
  await expect(panel).toHaveAttribute('data-keyword', 'COPY');
});

test('Size shows approximate base image sizes with the table date', async ({ page }) => {
  await openPlayground(page, nodeLink());
  await openInsightsTab(page, 'size');
  const hint = page.getByTestId('size-hint');
  await expect(hint).toHaveAttribute('data-approximate', 'true');
  const asOf = await hint.getAttribute('data-as-of');
  expect(asOf).toMatch(/^\d{4}-\d{2}/);
  await expect(page.getByTestId('size-note')).toContainText(`as of ${asOf}`);
  await expect(page.getByTestId('size-note')).toContainText('approximate');
  const ships = page.locator('[data-testid="size-row"][data-role="ships"]');
  await expect(ships).toContainText('node:22.12.0-alpine3.21');
  await expect(ships).toContainText('MB');
  await expect(ships).toContainText('approx.');
  await shot(page, 'size');
});

test('text from the workspace is shown as text, never as HTML', async ({ page }) => {
  const dockerfile = 'FROM alpine AS b\nCOPY ["<img src=x onerror=alert(1)>.txt", "/x/"]\n';
  await openPlayground(page, readableLink({ dockerfile, files: ['<img src=x onerror=alert(1)>.txt'] }));
  await contextFile(page, '<img src=x onerror=alert(1)>.txt').getByRole('button').first().click();
  await expect(contextFile(page, '<img src=x onerror=alert(1)>.txt').getByTestId('why-summary')).toContainText('<img src=x onerror=alert(1)>.txt');
  await putCursorOnLine(page, 2);
  await openInsightsTab(page, 'explain');
  await expect(insightsPanel(page, 'explain').getByTestId('explain-panel')).toContainText('<img');
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
});

// one page, both colour schemes: the scheme switches live, so each view is checked in both
test('every insights tab passes axe, light and dark', async ({ page }) => {
  test.setTimeout(150_000); // twelve axe runs: slow on a loaded machine
  await openPlayground(page, nodeLink());
  await contextFile(page, 'src/index.ts').getByRole('button').first().click();
  await markFileChanged(page, 'src/index.ts');
  await putCursorOnLine(page, 5);
  for (const tab of ['problems', 'why', 'explain', 'cache', 'order', 'size'] as const) {
    await openInsightsTab(page, tab);
    await expect(insightsPanel(page, tab)).toBeVisible();
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      const results = await new AxeBuilder({ page }).include('[data-testid="insights"]').include('.context').analyze();
      const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(serious.map((v) => `${tab} (${scheme}): ${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
    }
  }
  await openInsightsTab(page, 'cache');
  await shot(page, 'cache-dark');
});
