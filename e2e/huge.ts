/**
 * Huge inputs in the page (issue 9): shared measuring helpers. The tests print what they
 * measure (keystroke to settled views); no assertion is about time: they assert that the views
 * settle to the current text and that the contract's elements are all there.
 */
import type { Page } from '@playwright/test';
import { expect } from './fixtures.ts';
import { editor, focusEditor, stageNode, waitUntilAnalysed } from './helpers.ts';
import { encodeShareLink } from '../src/app/share/link.ts';

export interface Responsiveness {
  /** keydown of the last keystroke until the analysis is ready and the new stage is shown */
  settledMs: number;
  /** the longest keydown-to-next-paint of the burst (Event Timing API) */
  worstKeyMs: number;
}

/**
 * Types a burst of keystrokes at the end of the editor, the last of which completes a new
 * stage's name, and measures in the page: the longest keystroke (input to next paint) and the
 * time from the last keydown until the views are settled to the current text.
 */
export async function typeNewStage(page: Page, name: string): Promise<Responsiveness> {
  await focusEditor(page);
  await page.keyboard.press('Enter');
  await page.keyboard.insertText(`FROM alpine AS ${name.slice(0, -1)}`);
  await page.evaluate((stage) => {
    const w = window as unknown as { __settled: Promise<number>; __keyDurations: number[] };
    w.__keyDurations = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.name === 'keydown') w.__keyDurations.push(e.duration);
    }).observe({ type: 'event', durationThreshold: 16, buffered: false } as PerformanceObserverInit);
    w.__settled = new Promise<number>((resolve) => {
      let last = -1;
      document.addEventListener('keydown', (e) => {
        if (e.key === stage.slice(-1)) last = performance.now();
      }, { capture: true });
      const check = () => {
        if (last < 0) return;
        const ready = document.querySelector('[data-testid="analysis-status"]')?.getAttribute('data-state') === 'ready';
        if (ready && document.querySelector(`[data-testid="stage-node"][data-stage-name="${stage}"]`)) {
          obs.disconnect();
          resolve(performance.now() - last);
        }
      };
      const obs = new MutationObserver(check);
      obs.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state', 'data-stage-name'] });
    });
  }, name);
  await page.keyboard.type(name.slice(-1));
  const settledMs = await page.evaluate(() => (window as unknown as { __settled: Promise<number> }).__settled);
  await expect(stageNode(page, name)).toBeAttached();
  await waitUntilAnalysed(page);
  // a burst of plain typing in a comment: every key re-analyses the whole file
  await page.keyboard.press('Enter');
  await page.keyboard.type('#abcdefghijklmnop');
  await waitUntilAnalysed(page);
  await page.waitForTimeout(200); // let the last Event Timing entries arrive
  const durations = await page.evaluate(() => (window as unknown as { __keyDurations: number[] }).__keyDurations);
  return { settledMs: Math.round(settledMs), worstKeyMs: Math.round(Math.max(0, ...durations)) };
}

/** 10,000 lines in 20 long stages (long RUN scripts, many COPY lines): big real Dockerfiles look like this */
export function longStagesDockerfile(lines: number, stages: number): string {
  const out = ['# syntax=docker/dockerfile:1', 'ARG GO=1.22'];
  const per = Math.floor((lines - 2) / stages);
  for (let i = 0; i < stages; i++) {
    const start = out.length;
    out.push(`FROM ${i === 0 ? 'golang:${GO}' : `s${i - 1}`} AS s${i}`, `WORKDIR /work/s${i}`, `COPY pkg${i % 50}/ ./pkg/`, 'RUN set -eux; \\');
    while (out.length - start < per - 2) out.push(`    echo "step ${out.length - start} of stage ${i}" > /tmp/s${i}-${out.length - start}.log; \\`);
    out.push('    true', `COPY --from=${i === 0 ? 'golang:1.22' : `s${i - 1}`} /usr/local/go/VERSION /versions/s${i}`);
  }
  while (out.length < lines) out.push(`LABEL filler.${out.length}="x"`);
  return out.join('\n') + '\n';
}

export async function openHugeLink(page: Page, baseURL: string | undefined, dockerfile: string, files: string[]) {
  const link = encodeShareLink({ dockerfile, files, dockerignore: '', target: null, buildArgs: {}, example: null }, `${baseURL}/`);
  const opened = Date.now();
  await page.goto(link);
  await expect(page.getByTestId('analysis-status')).toHaveAttribute('data-state', 'ready', { timeout: 120_000 });
  return Date.now() - opened;
}

export async function checkHugeWorkspace(page: Page, dockerfile: string, files: string[], label: string) {
  const stages = (dockerfile.match(/^FROM /gm) ?? []).length;
  await expect(page.getByTestId('stage-node')).toHaveCount(stages);
  const expectedFiles = new Set([...files, 'Dockerfile']).size;
  expect(expectedFiles).toBeGreaterThanOrEqual(2_000);
  await expect(page.getByTestId('context-file')).toHaveCount(expectedFiles);
  await expect(page.getByTestId('target-select').locator('option')).toHaveCount(stages + 1);

  const r = await typeNewStage(page, 'typed1');
  await expect(page.getByTestId('stage-node')).toHaveCount(stages + 1);
  await expect(stageNode(page, 'typed1')).toHaveAttribute('data-target', 'true');
  await expect(page.getByTestId('context-file')).toHaveCount(expectedFiles);
  expect(await editor(page).locator('.view-lines').innerText()).toContain('#abcdefghijklmnop');
  await page.screenshot({ path: `/tmp/h11-huge-${label}.png` });
  return { stages, files: expectedFiles, ...r };
}
