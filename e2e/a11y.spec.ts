/**
 * Accessibility (issue 9): axe-core finds no serious or critical violation on the workbench,
 * Monaco's text included, with every context status, severity and edge kind on screen, in
 * light and dark; everything can be reached with the keyboard; no status is told by colour
 * alone (every status has a word, not only a colour).
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { editorText, openPlayground, readableLink } from './helpers.ts';

/** A workspace with every context status, every severity, skipped stages and every edge kind. */
const everything = readableLink({
  dockerfile: `# syntax=docker/dockerfile:1
FROM golang:1.22 AS build
WORKDIR /src
COPY go.mod main.go ./
RUN --mount=type=cache,target=/root/.cache go build -o /out/app .

FROM build AS test
RUN go test ./...

FROM alpine:3.20 AS tools
RUN --mount=from=build,target=/b ls /b

FROM scratch
COPY --from=build /out/app /app
COPY config.yaml /etc/app/
COPY missing.txt /x
ENTRYPOINT /app
`,
  dockerignore: '*.log\n',
  files: ['go.mod', 'main.go', 'config.yaml', 'README.md', 'debug.log'],
});

/**
 * Serious and critical axe violations, in `within` (default: the whole page). Excluded: Monaco's
 * own dimmed final line number (`renderFinalNewline: 'dimmed'`, Monaco's styling).
 */
async function seriousViolations(page: Page, label: string, within?: string): Promise<string[]> {
  let axe = new AxeBuilder({ page }).exclude('.dimmed-line-number');
  if (within) axe = axe.include(within);
  const results = await axe.analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${label}: ${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

// one page, both colour schemes: the scheme switches live, so each state is checked in both
test('axe: no serious or critical violation on the workbench, Monaco included, with every status, light and dark', async ({ page }) => {
  await openPlayground(page, everything);
  await expect(page.getByTestId('diagnostic').first()).toBeVisible();
  const found: string[] = [];
  const check = async (label: string) => {
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      found.push(...(await seriousViolations(page, `${label} (${scheme})`)));
    }
  };
  await check('workbench');

  // with a file and a stage selected (highlighted lines, journey, selected node)
  await page.getByTestId('context-file').first().click();
  await page.locator('[data-testid="stage-node"]').first().click();
  await check('file and stage selected');
  // (the insights tabs, the share panel, the gallery and the dialogs have axe checks of their
  // own in explain.spec.ts, share-gallery.spec.ts and graph-edit.spec.ts)
  await page.screenshot({ path: '/tmp/h11-a11y-dark.png' });
  expect(found).toEqual([]);
});

/** What has the keyboard focus: a short description for the test log. */
async function focused(page: Page): Promise<{ id: string; inEditor: boolean; inContext: boolean; inProblems: boolean; inGraph: boolean }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const closest = (sel: string) => Boolean(el?.closest(sel));
    const testid = el?.getAttribute('data-testid') ?? el?.closest('[data-testid]')?.getAttribute('data-testid') ?? '';
    return {
      id: `${el?.tagName.toLowerCase() ?? 'none'}${testid ? `[${testid}]` : ''}${el?.getAttribute('aria-label') ? ` "${el.getAttribute('aria-label')}"` : ''}`,
      inEditor: closest('[data-testid="dockerfile-editor"]'),
      inContext: closest('[data-testid="context-file"]'),
      inProblems: closest('[data-testid="diagnostic"]'),
      // React Flow focuses the node's wrapper, around our stage-node element
      inGraph: closest('[data-testid="stage-node"]') || Boolean(el?.querySelector('[data-testid="stage-node"]')),
    };
  });
}

test('everything is reachable with the keyboard: editor, target, share, graph, context tree, problems', async ({ page }) => {
  test.setTimeout(120_000);
  await openPlayground(page, everything);
  const before = await editorText(page);
  const reached = new Set<string>();
  const order: string[] = [];
  await page.locator('body').focus();
  for (let i = 0; i < 250 && reached.size < 6; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    order.push(f.id);
    if (f.inEditor) {
      reached.add('editor');
      // Tab inside Monaco indents; Ctrl+M (Monaco's "Tab moves focus") lets it move on, as a
      // keyboard user does, and the text is unchanged
      await page.keyboard.press('Control+m');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Shift+Tab');
      expect(await focused(page)).toMatchObject({ inEditor: true });
    }
    if (f.id.includes('[target-select]')) reached.add('target-select');
    if (f.id.includes('[share-button]')) reached.add('share-button');
    if (f.inContext) reached.add('context-file');
    if (f.inProblems) reached.add('diagnostic');
    if (f.inGraph) reached.add('stage-node');
  }
  expect([...reached].sort(), `focus order: ${order.join(' → ')}`).toEqual(['context-file', 'diagnostic', 'editor', 'share-button', 'stage-node', 'target-select']);
  expect(await editorText(page)).toBe(before);

  // and what is reached can be used: Enter on a context file selects it
  const file = page.locator('[data-testid="context-file"][data-path="main.go"]');
  await file.locator('button').first().focus();
  await page.keyboard.press('Enter');
  await expect(file.locator('[aria-pressed="true"]')).toHaveCount(1);
});

test('statuses are never told by colour alone: each has its word', async ({ page }) => {
  await openPlayground(page, everything);
  await expect(page.getByTestId('diagnostic').first()).toBeVisible();

  // context files: the status word in the row
  const rows = await page.getByTestId('context-file').evaluateAll((els) => els.map((e) => [e.getAttribute('data-status'), (e as HTMLElement).innerText]));
  expect(new Set(rows.map(([s]) => s))).toEqual(new Set(['final', 'build-only', 'unused', 'ignored']));
  for (const [status, text] of rows) expect(text?.toLowerCase(), `a ${status} row`).toContain(status);

  // diagnostics: the severity word
  const diags = await page.getByTestId('diagnostic').evaluateAll((els) => els.map((e) => [e.getAttribute('data-severity'), (e as HTMLElement).innerText]));
  expect(new Set(diags.map(([s]) => s))).toEqual(new Set(['error', 'warning']));
  for (const [severity, text] of diags) expect(text?.toLowerCase(), `a ${severity} diagnostic`).toContain(severity);

  // stages: the target and the stages that are not built say so in words
  const stages = await page.getByTestId('stage-node').evaluateAll((els) => els.map((e) => ({ target: e.getAttribute('data-target'), needed: e.getAttribute('data-needed'), text: (e as HTMLElement).innerText.toLowerCase() })));
  expect(stages.some((s) => s.needed === 'false')).toBe(true);
  for (const s of stages) {
    if (s.target === 'true') expect(s.text).toContain('target');
    if (s.needed === 'false') expect(s.text).toContain('skipped');
  }

  // arrows: each kind is said in words (the arrow's accessible name), not only by colour or dashes
  const edges = await page.getByTestId('stage-edge').evaluateAll((els) => els.map((e) => ({ kind: e.getAttribute('data-kind'), name: (e.closest('[aria-label]')?.getAttribute('aria-label') ?? '').toLowerCase() })));
  expect(new Set(edges.map((e) => e.kind))).toEqual(new Set(['base', 'copy', 'mount']));
  for (const e of edges) expect(e.name, `a ${e.kind} arrow`).toContain(e.kind === 'base' ? 'builds on' : e.kind === 'copy' ? 'copies' : 'mounts');

  // the analysis and autosave statuses are words too
  await expect(page.getByTestId('analysis-status')).toHaveText(/analysed/);
});
