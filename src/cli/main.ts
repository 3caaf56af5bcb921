/**
 * The CLI: `stagecraft analyze` = read the Dockerfile and the context from disk, call the same
 * analyze() the playground uses, print. Exit 0 clean, 1 on an error diagnostic (any warning
 * too with --strict), 2 on a usage or I/O problem with one line on stderr.
 */
import { relative, resolve, dirname } from 'node:path';
import { analyzeDetailed } from '../core/analyze.ts';
import type { Analysis } from '../core/types.ts';
import { parseArgs, usage, UsageError, type CliOptions } from './args.ts';
import { IoError, listContext, readDockerignore, readStdin, readTextFile } from './readContext.ts';
import { formatText, colours, plain } from './text.ts';
import { toSarif } from './sarif.ts';
import { explainPath, formatWhy } from './why.ts';

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  env: Record<string, string | undefined>;
  isTTY: boolean;
  cwd: string;
}

const defaultIo = (): Io => ({
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  env: process.env,
  isTTY: Boolean(process.stdout.isTTY),
  cwd: process.cwd(),
});

export async function main(argv: string[], io: Io = defaultIo()): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout(usage + '\n');
    return 0;
  }
  let opts: CliOptions;
  try {
    opts = parseArgs(argv, io.env);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`stagecraft: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  try {
    return run(opts, io);
  } catch (e) {
    if (e instanceof IoError) {
      io.stderr(`stagecraft: ${e.message}\n`);
      return 2;
    }
    const msg = e instanceof Error ? e.message : String(e);
    io.stderr(`stagecraft: internal error: ${msg.split('\n')[0]}\n`);
    return 2;
  }
}

function run(opts: CliOptions, io: Io): number {
  const fromStdin = opts.dockerfile === '-';
  const dockerfilePath = fromStdin ? null : resolve(io.cwd, opts.dockerfile);
  const text = fromStdin ? readStdin() : readTextFile(dockerfilePath!);
  const contextDir = resolve(io.cwd, opts.context ?? (dockerfilePath ? dirname(dockerfilePath) : '.'));
  const files = listContext(contextDir);
  const dockerignore = readDockerignore(contextDir);
  const detail = analyzeDetailed({ dockerfile: text, files, dockerignore, target: opts.target, buildArgs: opts.buildArgs });
  const a: Analysis = detail.analysis;
  const shownName = fromStdin ? 'Dockerfile' : relative(io.cwd, dockerfilePath!) || opts.dockerfile;
  const style = io.isTTY && io.env.NO_COLOR === undefined ? colours : plain;

  if (opts.command === 'why') {
    io.stdout(formatWhy(explainPath(detail, opts.path!, dockerignore), style));
    return 0;
  }
  if (opts.format === 'json') io.stdout(JSON.stringify(a, null, 2) + '\n');
  else if (opts.format === 'sarif') io.stdout(JSON.stringify(toSarif(a, shownName), null, 2) + '\n');
  else io.stdout(formatText(a, shownName, style));

  const errors = a.diagnostics.some((d) => d.severity === 'error');
  const warnings = a.diagnostics.some((d) => d.severity === 'warning');
  return errors || (opts.strict && warnings) ? 1 : 0;
}
