import { test, expect } from './fixtures.ts';
import { contextFile, edges, editorText, openPlayground, readableLink, screenshot, stageNode, typeInEditor } from './helpers.ts';

const nodeApp = `FROM node:20-alpine AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci

FROM deps AS build
COPY src ./src
RUN npm run build

FROM node:20-alpine AS runtime
WORKDIR /app
COPY --from=build /app/dist ./dist
COPY --from=deps /app/node_modules ./node_modules
CMD node dist/server.js`;

test('typing a multi-stage Dockerfile builds the graph as you type', async ({ page }) => {
  await openPlayground(page, readableLink({ dockerfile: 'FROM alpine\n', files: ['package.json', 'package-lock.json', 'src/index.ts', 'README.md'] }));
  await expect(page.getByTestId('stage-node')).toHaveCount(1);

  await typeInEditor(page, nodeApp);
  expect(await editorText(page)).toBe(nodeApp);

  await expect(page.getByTestId('stage-node')).toHaveCount(3);
  await expect(stageNode(page, 'deps')).toHaveAttribute('data-stage-index', '0');
  await expect(stageNode(page, 'runtime')).toHaveAttribute('data-target', 'true');
  await expect(page.locator('[data-testid="stage-edge"][data-kind="base"][data-from="stage:0"][data-to="1"]')).toHaveCount(1);
  await expect(page.locator('[data-testid="stage-edge"][data-kind="base"][data-from="image:node:20-alpine"]')).toHaveCount(2);
  await expect(page.locator('[data-testid="stage-edge"][data-kind="copy"][data-from="stage:1"][data-to="2"]')).toHaveCount(1);
  await expect(page.locator('[data-testid="stage-edge"][data-kind="copy"][data-from="stage:0"][data-to="2"]')).toHaveCount(1);
  await expect(edges(page)).toHaveCount(5);

  // what reaches the image follows the text
  await expect(contextFile(page, 'src/index.ts')).toHaveAttribute('data-status', 'build-only');
  await expect(contextFile(page, 'README.md')).toHaveAttribute('data-status', 'unused');
  await screenshot(page, 'typed-node-app');
});

test('an edit in the editor survives a reload (autosave)', async ({ page }) => {
  await openPlayground(page, readableLink({ dockerfile: 'FROM alpine AS one\n' }));
  await typeInEditor(page, 'FROM alpine AS first\nFROM first AS second');
  await expect(page.getByTestId('stage-node')).toHaveCount(2);
  await expect.poll(() => page.evaluate(() => localStorage.getItem('stagecraft:workspace:v1') ?? '')).toContain('second');

  // the link was taken out of the address, so a reload shows the edit, not the link again
  expect(new URL(page.url()).search).toBe('');
  await page.reload();
  await expect(page.getByTestId('analysis-status')).toHaveAttribute('data-state', 'ready');
  await expect(stageNode(page, 'second')).toHaveAttribute('data-target', 'true');
});
