// Builds the library and CLI to plain JavaScript that Node runs without a TypeScript loader.
// esbuild: one bundled file per entry starts in ~30 ms, so `npm run analyze` stays well under a second.
import { build } from 'esbuild';

await build({
  entryPoints: { index: 'src/index.ts', cli: 'src/cli/main.ts' },
  outdir: 'lib',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  packages: 'external',
  logLevel: 'warning',
});
