import { test } from 'vitest';
import { analyzeDetailed } from '../analyze.ts';
import { previewCache } from './cache.ts';
import { buildSchedule } from './schedule.ts';
import { explainPath } from './why.ts';
import { nodeTypescript } from '../../app/examples/nodeTypescript.ts';

test('x', () => {
  const w = nodeTypescript.workspace;
  const d = analyzeDetailed({ dockerfile: w.dockerfile, files: w.files, dockerignore: w.dockerignore });
  console.log(JSON.stringify(previewCache(d, ['src/app.ts', 'README.md', 'vitest.config.ts'])));
  console.log(JSON.stringify(buildSchedule(d)));
  for (const p of ['src/app.ts', 'package.json', 'README.md', '/app/dist/server.js', '/app', 'vitest.config.ts'])
    console.log(JSON.stringify(explainPath(d, p, w.dockerignore), null, 1));
});
