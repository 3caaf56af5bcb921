/**
 * The test fixture every spec uses: it records console errors, uncaught page errors and every
 * request, and after the test fails it if anything went wrong or any request left localhost
 * (DESIGN.md: "nothing leaves the machine").
 */
import { test as base, expect } from '@playwright/test';

export interface PageWatch {
  consoleErrors: string[];
  pageErrors: string[];
  requests: string[];
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export function isLocal(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  if (protocol === 'data:' || protocol === 'blob:' || protocol === 'about:') return true;
  return LOCAL_HOSTS.has(hostname);
}

export const test = base.extend<{ watch: PageWatch }>({
  watch: [
    async ({ page }, use) => {
      const watch: PageWatch = { consoleErrors: [], pageErrors: [], requests: [] };
      page.on('console', (m) => {
        if (m.type() === 'error') watch.consoleErrors.push(m.text());
      });
      page.on('pageerror', (e) => watch.pageErrors.push(String(e)));
      page.on('request', (r) => watch.requests.push(r.url()));
      await use(watch);
      expect(watch.pageErrors, 'uncaught errors in the page').toEqual([]);
      expect(watch.consoleErrors, 'console errors').toEqual([]);
      expect(watch.requests.filter((u) => !isLocal(u)), 'requests that left localhost').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
