#!/usr/bin/env node
// The `stagecraft` command: `stagecraft analyze <Dockerfile|-> [options]`.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = new URL('../lib/cli.js', import.meta.url);
if (!existsSync(fileURLToPath(cli))) {
  process.stderr.write('stagecraft: the CLI is not built yet; run `npm run build:lib` (npm install does it)\n');
  process.exit(2);
}
const { main } = await import(cli.href);
process.exitCode = await main(process.argv.slice(2));
