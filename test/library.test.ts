/**
 * The library as another project uses it: `import { analyze } from 'stagecraft'` resolved
 * through package.json `exports` to the built JavaScript, run by plain Node (no TS loader).
 */
import { expect, it } from 'vitest';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { repoRoot, tempDir } from './helpers.ts';

it('plain Node imports analyze from the package and gets the contract JSON', () => {
  const { dir, cleanup } = tempDir();
  try {
    mkdirSync(join(dir, 'node_modules'), { recursive: true });
    symlinkSync(repoRoot, join(dir, 'node_modules/stagecraft'), 'dir');
    writeFileSync(
      join(dir, 'use.mjs'),
      `import { analyze } from 'stagecraft';
const a = analyze({ dockerfile: 'FROM node:20 AS build\\nCOPY . /app\\nFROM nginx:1.27-alpine\\nCOPY --from=build /app/dist /usr/share/nginx/html\\n', files: ['index.html', 'src/main.ts'], target: null });
console.log(JSON.stringify({ target: a.target, needed: a.needed, context: a.context, final: a.final.map((f) => f.path) }));`,
    );
    const r = spawnSync(process.execPath, ['use.mjs'], { cwd: dir, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({
      target: 1,
      needed: [0, 1],
      context: { 'index.html': 'build-only', 'src/main.ts': 'build-only' },
      final: ['/usr/share/nginx/html'],
    });
  } finally {
    cleanup();
  }
});
