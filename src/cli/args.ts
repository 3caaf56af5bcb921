/** Command-line parsing for `stagecraft analyze` (CONTRACT.md section 1). */

export type Format = 'json' | 'text' | 'sarif';

export interface CliOptions {
  command: 'analyze' | 'why';
  dockerfile: string;
  /** for `why`: the context path or image path asked about */
  path: string | null;
  context: string | null;
  target: string | null;
  buildArgs: Record<string, string>;
  format: Format;
  strict: boolean;
}

export class UsageError extends Error {}

export const usage = `usage: stagecraft analyze <Dockerfile|-> [--context DIR] [--target NAME] [--build-arg KEY=VALUE]... [--format json|text|sarif] [--strict]
       stagecraft why <path> <Dockerfile|-> [--context DIR] [--target NAME] [--build-arg KEY=VALUE]...`;

const valueFlags = new Set(['--context', '--target', '--build-arg', '--format']);

export function parseArgs(argv: string[], env: Record<string, string | undefined>): CliOptions {
  const args = [...argv];
  let command: CliOptions['command'] = 'analyze';
  if (args[0] === 'analyze' || args[0] === 'why') command = args.shift() as CliOptions['command'];
  const positional: string[] = [];
  const opts: CliOptions = { command, dockerfile: '', path: null, context: null, target: null, buildArgs: Object.create(null) as Record<string, string>, format: 'text', strict: false };
  let formatSeen = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      positional.push(...args.slice(i + 1));
      break;
    }
    if (a === '-' || !a.startsWith('-')) {
      positional.push(a);
      continue;
    }
    if (a === '--strict') {
      opts.strict = true;
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq >= 0 ? a.slice(0, eq) : a;
    if (!valueFlags.has(name)) throw new UsageError(`unknown flag ${name}`);
    let value: string;
    if (eq >= 0) value = a.slice(eq + 1);
    else {
      if (i + 1 >= args.length) throw new UsageError(`flag ${name} needs a value`);
      value = args[++i];
    }
    switch (name) {
      case '--context':
        if (value === '') throw new UsageError('--context needs a directory');
        opts.context = value;
        break;
      case '--target':
        opts.target = value;
        break;
      case '--format':
        if (value !== 'json' && value !== 'text' && value !== 'sarif') throw new UsageError(`--format must be json, text or sarif, not "${value}"`);
        if (formatSeen && value !== opts.format) throw new UsageError('--format given twice');
        opts.format = value;
        formatSeen = true;
        break;
      case '--build-arg': {
        const k = value.indexOf('=');
        const key = k >= 0 ? value.slice(0, k) : value;
        if (key === '') throw new UsageError(`--build-arg "${value}" has no name (use KEY=VALUE or KEY)`);
        if (k >= 0) opts.buildArgs[key] = value.slice(k + 1);
        else {
          // `--build-arg KEY` takes KEY from the environment, as docker build does; unset means not given.
          const v = env[key];
          if (v !== undefined) opts.buildArgs[key] = v;
        }
        break;
      }
    }
  }
  if (command === 'why') {
    if (positional.length !== 2) throw new UsageError('why needs a path and a Dockerfile: stagecraft why <path> <Dockerfile|->');
    opts.path = positional[0];
    opts.dockerfile = positional[1];
  } else {
    if (positional.length === 0) throw new UsageError('missing Dockerfile (a path, or - for standard input)');
    if (positional.length > 1) throw new UsageError(`unexpected argument "${positional[1]}"`);
    opts.dockerfile = positional[0];
  }
  return opts;
}
