import { test, expect } from './fixtures.ts';
import { contextFile, editorText, openPlayground, readableLink, stageNode } from './helpers.ts';

test('a readable link opens its Dockerfile, context, target and build args', async ({ page }) => {
  const dockerfile = 'ARG BASE=alpine:3.20\nFROM ${BASE} AS build\nCOPY src/ /src/\nRUN make\n\nFROM scratch AS out\nCOPY --from=build /src/app /app\nCOPY LICENSE /\n';
  await openPlayground(
    page,
    readableLink({ dockerfile, dockerignore: '*.log\n', files: ['src/main.c', 'LICENSE', 'debug.log'], target: 'build', buildArgs: { BASE: 'debian:12' } }),
  );
  await expect(page.getByTestId('stage-node')).toHaveCount(2);
  await expect(stageNode(page, 'build')).toHaveAttribute('data-target', 'true');
  await expect(stageNode(page, 'build')).toContainText('debian:12');
  await expect(stageNode(page, 'out')).toHaveAttribute('data-needed', 'false');
  await expect(page.getByTestId('target-select')).toHaveValue('build');
  await expect(contextFile(page, 'src/main.c')).toHaveAttribute('data-status', 'final');
  await expect(contextFile(page, 'LICENSE')).toHaveAttribute('data-status', 'unused');
  await expect(contextFile(page, 'debug.log')).toHaveAttribute('data-status', 'ignored');
  await expect(contextFile(page, '.dockerignore')).toBeAttached();
  await expect(page.getByTestId('dockerignore-editor')).toHaveValue('*.log\n');
  expect(await editorText(page)).toBe(dockerfile.replace(/\n$/, '') + '\n');
});

test('a damaged link says so and keeps the autosaved workspace', async ({ page }) => {
  await openPlayground(page, readableLink({ dockerfile: 'FROM alpine AS mine\n' }));
  await page.getByTestId('target-select').selectOption('mine');
  await expect.poll(() => page.evaluate(() => localStorage.getItem('stagecraft:workspace:v1') ?? '')).toContain('mine');

  await page.goto('/?dockerfile=FROM%E0%A4%A');
  await expect(page.getByTestId('notice')).toContainText('can’t be opened');
  await expect(page.getByTestId('analysis-status')).toHaveAttribute('data-state', 'ready');
  await expect(stageNode(page, 'mine')).toBeVisible();
});

test('the share button gives a link that opens the same workspace', async ({ page, context }) => {
  await openPlayground(page);
  await page.getByTestId('target-select').selectOption('build');
  await page.getByTestId('share-button').click();
  const link = await page.getByTestId('share-link').inputValue();
  expect(new URL(link).host).toBe(new URL(page.url()).host);

  const other = await context.newPage();
  await other.goto(link);
  await expect(other.getByTestId('analysis-status')).toHaveAttribute('data-state', 'ready');
  await expect(stageNode(other, 'build')).toHaveAttribute('data-target', 'true');
  await expect(other.getByTestId('stage-node')).toHaveCount(5);
});
