/**
 * Running the real CLI process for the bad-input tests (hardening.test.ts, huge.heavy.test.ts)
 * and what every answer must look like: exit 2 with one `stagecraft:` line, or one analysis.
 */
import { expect } from 'vitest';
import { closeSync, openSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot, type CliRun } from './helpers.ts';

/** a line of a JavaScript stack trace */
export const STACK_LINE = /^\s+at .*(:\d+:\d+\)?|\(native\)|\(<anonymous>\))$/m;

export interface RunOpts {
  cwd?: string;
  env?: Record<string, string | undefined>;
  /** run as this uid/gid (only possible as root) */
  uid?: number;
  /** write stdout to this file instead of buffering it (very large outputs) */
  stdoutFile?: string;
}

export function runCli(args: string[], opts: RunOpts = {}): CliRun & { ms: number } {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', ...opts.env };
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete env[k];
  const out = opts.stdoutFile ? openSync(opts.stdoutFile, 'w') : null;
  const started = performance.now();
  try {
    const r = spawnSync(process.execPath, [join(repoRoot, 'bin/stagecraft.mjs'), ...args], {
      cwd: opts.cwd ?? repoRoot,
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

export function expectUsageError(r: CliRun, pattern: RegExp) {
  expect(r.status, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^stagecraft: /);
  expect(lines[0]).toMatch(pattern);
  expect(r.stderr).not.toMatch(STACK_LINE);
}

export function expectAnalysis(r: CliRun) {
  expect(r.stderr).toBe('');
  expect([0, 1]).toContain(r.status);
  const a = JSON.parse(r.stdout);
  expect(a.schemaVersion).toBe(1);
  return a;
}
