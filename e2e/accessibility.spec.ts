import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures.ts';
import { openPlayground } from './helpers.ts';

for (const scheme of ['light', 'dark'] as const) {
  test(`no serious accessibility violations (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await openPlayground(page);
    await expect(page.getByTestId('stage-node')).toHaveCount(5);
    const results = await new AxeBuilder({ page })
      // Monaco's own widgets are the editor vendor's concern; everything else is ours
      .exclude('.monaco-editor')
      .analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
  });
}
