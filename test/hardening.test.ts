/**
 * The CLI's bad-input matrix, part two (issue 9), on real temp directories and the real CLI
 * process: huge inputs (a 1,000,000-line Dockerfile, a context of 200,000 files), files and
 * folders the CLI may not read (tested for real even as root, by running the CLI as `nobody`),
 * and `--build-arg` without `=` or without a name. Each case gives exit 2 with one clear line on
 * stderr and no stack trace, or a correct analysis.
 *
 * No assertion here is about time; the durations are printed for the record. The generous
 * per-test timeouts only keep a hang from stalling the whole run.
 */
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { generateDockerfile } from '../bench/gen.mjs';
import { repoRoot, tempDir, writeTree, type CliRun } from './helpers.ts';

const STACK_LINE = /^\s+at .*(:\d+:\d+\)?|\(native\)|\(<anonymous>\))$/m;
const isRoot = process.getuid?.() === 0;
/** `nobody`: root reads everything, so permission cases run the CLI under this uid instead */
const NOBODY = 65534;

let root: string;
let cleanup: () => void;
beforeAll(() => {
  ({ dir: root, cleanup } = tempDir());
  chmodSync(root, 0o755); // nobody must reach the files below
});
afterAll(() => cleanup(), 300_000); // hundreds of thousands of files to remove

interface RunOpts {
  cwd?: string;
  env?: Record<string, string | undefined>;
  /** run as this uid/gid (only possible as root) */
  uid?: number;
  /** write stdout to this file instead of buffering it (very large outputs) */
  stdoutFile?: string;
}

function runCli(args: string[], opts: RunOpts = {}): CliRun & { ms: number } {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', ...opts.env };
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete env[k];
  const out = opts.stdoutFile ? openSync(opts.stdoutFile, 'w') : null;
  const started = performance.now();
  try {
    const r = spawnSync(process.execPath, [join(repoRoot, 'bin/stagecraft.mjs'), ...args], {
      cwd: opts.cwd ?? root,
      env,
      encoding: 'utf8',
      stdio: ['ignore', out ?? 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
      ...(opts.uid !== undefined ? { uid: opts.uid, gid: opts.uid } : {}),
    });
    return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr, ms: performance.now() - started };
  } finally {
    if (out !== null) closeSync(out);
  }
}

/** As a person who cannot read the file would run it: as nobody when we are root. */
function runUnprivileged(args: string[], opts: RunOpts = {}) {
  return runCli(args, isRoot ? { ...opts, uid: NOBODY } : opts);
}

function expectUsageError(r: CliRun, pattern: RegExp) {
  expect(r.status, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^stagecraft: /);
  expect(lines[0]).toMatch(pattern);
  expect(r.stderr).not.toMatch(STACK_LINE);
}

function expectAnalysis(r: CliRun) {
  expect(r.stderr).toBe('');
  expect([0, 1]).toContain(r.status);
  const a = JSON.parse(r.stdout);
  expect(a.schemaVersion).toBe(1);
  return a;
}

const small = 'FROM alpine:3.20 AS build\nCOPY . /src/\nRUN make\nFROM scratch\nCOPY --from=build /src/out /app\n';

describe('huge inputs', () => {
  it('a 1,000,000-line Dockerfile: a correct analysis of every stage', () => {
    const dir = join(root, 'million');
    const text = generateDockerfile(1_000_000);
    const lineCount = text.split('\n').length - 1;
    expect(lineCount).toBeGreaterThanOrEqual(1_000_000);
    // the context the generated stages copy from, so the analysis has no error to report
    const files: Record<string, string> = { Dockerfile: text, 'config/app.yaml': 'a: 1\n' };
    for (let i = 0; i < 50; i++) Object.assign(files, { [`pkg${i}/go.mod`]: `module p${i}\n`, [`pkg${i}/go.sum`]: '', [`pkg${i}/main.go`]: 'package main\n' });
    writeTree(dir, files);

    const outFile = join(root, 'million.json');
    const r = runCli(['analyze', join(dir, 'Dockerfile'), '--format', 'json'], { stdoutFile: outFile });
    console.log(`1,000,000-line Dockerfile (${(text.length / 1e6).toFixed(1)} MB): CLI finished in ${(r.ms / 1000).toFixed(1)} s`);
    expect(r.stderr).toBe('');
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(r.status).toBe(0);
    const a = JSON.parse(readFileSync(outFile, 'utf8'));
    const stageCount = (text.match(/^FROM /gm) ?? []).length;
    expect(a.stages).toHaveLength(stageCount);
    expect(a.target).toBe(stageCount - 1);
    // every generated stage copies from the one before: the final stage needs them all
    expect(a.needed).toHaveLength(stageCount);
    const last = a.stages[stageCount - 1];
    expect(last.endLine).toBe(lineCount);
    expect(a.final).toEqual([
      { path: '/app', from: `stage:${stageCount - 2}`, source: `/work/s${stageCount - 2}/out`, line: lineCount - 3 },
      { path: '/etc/app/app.yaml', from: 'context', source: 'config/app.yaml', line: lineCount - 2 },
    ]);
    expect(a.context['pkg7/main.go']).toBe('build-only');
    expect(a.context['config/app.yaml']).toBe('final');
    expect(a.diagnostics.filter((d: { severity: string }) => d.severity === 'error')).toEqual([]);
    for (const d of a.diagnostics) expect(d.line).toBeLessThanOrEqual(lineCount);
  }, 600_000);

  it('a context of 200,000 files: every file gets its status', () => {
    const dir = join(root, 'wide');
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const started = performance.now();
    for (let d = 0; d < 400; d++) {
      const sub = join(dir, `pkg${d % 40}`, `mod${d}`);
      mkdirSync(sub, { recursive: true });
      for (let f = 0; f < 500; f++) closeSync(openSync(join(sub, `f${f}.go`), 'w'));
    }
    writeFileSync(
      join(dir, 'Dockerfile'),
      'FROM golang:1.22 AS build\nWORKDIR /src\nCOPY pkg0/ ./pkg0/\nRUN go build ./...\n\nFROM alpine:3.20\nCOPY --from=build /src/pkg0/mod0 /app\nCOPY pkg1/mod1/ /srcs/\n',
    );
    writeFileSync(join(dir, '.dockerignore'), 'pkg3*\n**/f1?.go\n!pkg3/mod3/f10.go\n');
    console.log(`200,000 empty files created in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    const r = runCli(['analyze', join(dir, 'Dockerfile'), '--format', 'json']);
    console.log(`200,000-file context: CLI finished in ${(r.ms / 1000).toFixed(1)} s`);
    const a = expectAnalysis(r);
    expect(r.status).toBe(0);
    expect(Object.keys(a.context)).toHaveLength(200_002);
    expect(a.context['pkg0/mod0/f1.go']).toBe('final'); // COPY pkg0/ into build, mod0 carried on by COPY --from
    expect(a.context['pkg0/mod40/f1.go']).toBe('build-only'); // in build, not in the part copied on
    expect(a.context['pkg1/mod1/f499.go']).toBe('final');
    expect(a.context['pkg2/mod2/f0.go']).toBe('unused');
    expect(a.context['pkg3/mod3/f0.go']).toBe('ignored');
    // pkg3 is excluded, but a wildcard-free exception below it makes the walk enter it (fsutil filterFS.Walk)
    expect(a.context['pkg3/mod3/f10.go']).toBe('unused');
    expect(a.context['pkg0/mod0/f12.go']).toBe('ignored');
    expect(a.context['Dockerfile']).toBe('unused');
    expect(a.final.filter((f: { path: string }) => f.path.startsWith('/app/'))).toHaveLength(500 - 10);
  }, 600_000);
});

describe('files and folders the CLI cannot read', () => {
  it('an unreadable Dockerfile', () => {
    writeTree(join(root, 'locked-file'), { Dockerfile: small });
    chmodSync(join(root, 'locked-file/Dockerfile'), 0o000);
    expectUsageError(runUnprivileged(['analyze', join(root, 'locked-file/Dockerfile')]), /cannot read .*Dockerfile \(EACCES\)/);
  });

  it('an unreadable subdirectory of the context', () => {
    writeTree(join(root, 'locked-dir'), { Dockerfile: small, 'secret/key': 'x', 'src/a.c': '' });
    chmodSync(join(root, 'locked-dir/secret'), 0o000);
    expectUsageError(runUnprivileged(['analyze', join(root, 'locked-dir/Dockerfile')]), /cannot read context directory .*secret \(EACCES\)/);
  });

  it('an unreadable context directory', () => {
    writeTree(join(root, 'locked-ctx'), { 'a.txt': '' });
    writeTree(join(root, 'open'), { Dockerfile: small });
    chmodSync(join(root, 'locked-ctx'), 0o000);
    expectUsageError(runUnprivileged(['analyze', join(root, 'open/Dockerfile'), '--context', join(root, 'locked-ctx')]), /cannot read context directory .*locked-ctx \(EACCES\)/);
  });

  it('an unreadable .dockerignore', () => {
    writeTree(join(root, 'locked-ignore'), { Dockerfile: small, '.dockerignore': '*.md\n' });
    chmodSync(join(root, 'locked-ignore/.dockerignore'), 0o000);
    expectUsageError(runUnprivileged(['analyze', join(root, 'locked-ignore/Dockerfile')]), /cannot read .*\.dockerignore/);
  });

  it.skipIf(!existsSync('/proc/self/mem'))('a file whose read fails with an I/O error (EIO), even for root', () => {
    expectUsageError(runCli(['analyze', '/proc/self/mem', '--context', join(root, 'open')]), /cannot read \/proc\/self\/mem \(EIO\)/);
  });

  // Found by this suite: a device used to hang the CLI (readFileSync without a type check).
  it('a character device as the Dockerfile (/dev/zero): exit 2, not a hang', () => {
    expectUsageError(runCli(['analyze', '/dev/zero', '--context', join(root, 'open')]), /\/dev\/zero is not a regular file/);
  });

  // A pipe has no size to check first: an endless one is read up to 256 MiB, then refused.
  it('an endless pipe as the Dockerfile (`yes | stagecraft analyze -`): exit 2 at 256 MiB, not out of memory', () => {
    const r = spawnSync('sh', ['-c', `yes '# a comment line' | "${process.execPath}" "${join(repoRoot, 'bin/stagecraft.mjs')}" analyze - --context "${join(root, 'open')}"`], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    expectUsageError({ status: r.status, stdout: r.stdout, stderr: r.stderr }, /standard input is too large for a Dockerfile \(more than 268435456 bytes\)/);
  });
});

describe('--build-arg without = or without a name', () => {
  const df = 'ARG IMG=alpine:3.20\nFROM ${IMG}\n';
  beforeAll(() => writeTree(join(root, 'args'), { Dockerfile: df }));

  it('KEY alone takes KEY from the environment', () => {
    const a = expectAnalysis(runCli(['analyze', join(root, 'args/Dockerfile'), '--build-arg', 'IMG', '--format', 'json'], { env: { IMG: 'debian:12' } }));
    expect(a.stages[0].base).toBe('debian:12');
  });

  it('KEY alone, unset in the environment, is not given (the default applies)', () => {
    const a = expectAnalysis(runCli(['analyze', join(root, 'args/Dockerfile'), '--build-arg', 'IMG', '--format', 'json'], { env: { IMG: undefined } }));
    expect(a.stages[0].base).toBe('alpine:3.20');
  });

  // Found by review: the name __proto__ used to set the prototype of a plain object and vanish.
  it('a build arg named __proto__ is a build arg like any other', () => {
    writeTree(join(root, 'proto'), { Dockerfile: 'ARG __proto__=alpine:3.20\nFROM ${__proto__}\n' });
    const a = expectAnalysis(runCli(['analyze', join(root, 'proto/Dockerfile'), '--build-arg', '__proto__=debian:12', '--format', 'json']));
    expect(a.stages[0].base).toBe('debian:12');
  });

  it('KEY= sets the empty value', () => {
    const a = expectAnalysis(runCli(['analyze', join(root, 'args/Dockerfile'), '--build-arg=IMG=', '--format', 'json']));
    expect(a.stages[0].base).toBe('');
  });

  for (const [label, args, pattern] of [
    ['=VALUE', ['--build-arg', '=x'], /has no name/],
    ['--build-arg=', ['--build-arg='], /has no name/],
    ['an empty argument', ['--build-arg', ''], /has no name/],
    ['--build-arg as the last word', ['--build-arg'], /--build-arg needs a value/],
  ] as const) {
    it(`exit 2: ${label}`, () => expectUsageError(runCli(['analyze', join(root, 'args/Dockerfile'), ...args]), pattern));
  }
});
