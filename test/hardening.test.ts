/**
 * The CLI's bad-input matrix, part two (issue 9), on real temp directories and the real CLI
 * process (huge inputs are in huge.heavy.test.ts, run by `npm run test:heavy`): files and
 * folders the CLI may not read (tested for real even as root, by running the CLI as `nobody`),
 * and `--build-arg` without `=` or without a name. Each case gives exit 2 with one clear line on
 * stderr and no stack trace, or a correct analysis.
 *
 * No assertion here is about time; the durations are printed for the record. The generous
 * per-test timeouts only keep a hang from stalling the whole run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chmodSync, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot, tempDir, writeTree } from './helpers.ts';
import { expectAnalysis, expectUsageError, runCli, type RunOpts } from './cliHarness.ts';

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

/** As a person who cannot read the file would run it: as nobody when we are root. */
function runUnprivileged(args: string[], opts: RunOpts = {}) {
  return runCli(args, isRoot ? { cwd: root, ...opts, uid: NOBODY } : { cwd: root, ...opts });
}

const small = 'FROM alpine:3.20 AS build\nCOPY . /src/\nRUN make\nFROM scratch\nCOPY --from=build /src/out /app\n';

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
