import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests drive the built playground (`npx vite build` first) in Chromium. Debian's
 * chromium is used when present (Playwright cannot download browsers on every machine);
 * elsewhere Playwright's own browser.
 */
const chromium = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

// E2E_PORT / E2E_DIST let several checkouts or engineers run the suite side by side.
const port = Number(process.env.E2E_PORT ?? 4173);
const dist = process.env.E2E_DIST ?? 'dist';

// Huge-input tests (10,000-line files, 30,000-file folders) take a minute each on 2 cores:
// `npm run test:heavy` runs them (CI runs it after `npm test`), keeping `npm test` short.
const heavy = /big folder|node_modules-sized|10,000-line|50,000-file/;

export default defineConfig({
  testDir: 'e2e',
  grep: process.env.E2E_HEAVY ? heavy : undefined,
  grepInvert: process.env.E2E_HEAVY ? undefined : heavy,
  outputDir: process.env.E2E_RESULTS ?? 'test-results',
  timeout: 60_000,
  expect: { timeout: 20_000 },
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    baseURL: `http://localhost:${port}`,
    viewport: { width: 1440, height: 900 },
    trace: 'retain-on-failure',
    // The service worker precaches every asset (Monaco's 4 MB included) in each fresh context:
    // only offline.spec.ts needs it, and allows it there.
    serviceWorkers: 'block',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromium,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  webServer: {
    command: `node node_modules/vite/bin/vite.js preview --port ${port} --strictPort --outDir ${dist}`,
    url: `http://localhost:${port}`,
    reuseExistingServer: !process.env.CI,
    timeout: 30_000,
  },
});
