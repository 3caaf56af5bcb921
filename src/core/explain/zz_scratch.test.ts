import { test } from 'vitest';
import { analyzeDetailed } from '../analyze.ts';
import { previewCache } from './cache.ts';
import { buildSchedule } from './schedule.ts';
import { explainPath } from './why.ts';
import { nodeTypescript } from '../../app/examples/nodeTypescript.ts';

test('x', () => {
  const w = nodeTypescript.workspace;
  const d = analyzeDetailed({ dockerfile: w.dockerfile, files: w.files, dockerignore: w.dockerignore });
  console.log(JSON.stringify(previewCache(d, ['src/app.ts']).steps.map(s => [s.line, s.reruns, s.reason])));
  console.log(JSON.stringify(buildSchedule(d)));
  for (const p of ['src/app.ts', 'package.json', 'README.md', '.env', '/app/package.json', '/app/dist', '/app/dist/server.js', 'Dockerfile'])
    console.log(JSON.stringify(explainPath(d, p, w.dockerignore), null, 1));
  console.log(d.flow!.steps);
});
